package com.policyconsole.domain.bulk;

import com.policyconsole.domain.model.bulk.BatchObject;
import com.policyconsole.domain.model.bulk.DroppedObject;
import com.policyconsole.domain.model.emergency.BlockTarget;
import com.policyconsole.domain.model.emergency.BlockTargetParser;
import com.policyconsole.domain.model.emergency.BlockType;
import com.policyconsole.domain.validation.ViolationCode;
import inet.ipaddr.IPAddress;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads a bulk batch of one object type from pasted text or an uploaded {@code .txt}/{@code .csv} file: one object per
 * line or several separated by commas, lines starting with {@code #} ignored. A CSV file whose first row names no
 * object (a header) contributes the column named {@code ip}, {@code object} or {@code target}, or else its first
 * column. Every object is checked with {@link BlockTargetParser}; duplicates, and addresses or blocks inside a block
 * of the same batch, are dropped, naming the line that covers them. At most {@value #MAX_OBJECTS} objects and
 * {@value #MAX_BYTES} bytes; a file that is not UTF-8 text is refused as a whole.
 */
public final class BatchParser {

    /** Most objects in one batch. */
    public static final int MAX_OBJECTS = 10_000;
    /** Largest batch, pasted or uploaded: 2 MiB. */
    public static final int MAX_BYTES = 2 * 1024 * 1024;
    /** Header names of the column that holds the objects, in order of preference. */
    static final List<String> OBJECT_COLUMNS = List.of("ip", "object", "target");

    private BatchParser() {
    }

    /** Reads pasted text. */
    public static ParsedBatch parseText(BlockType type, String text) {
        if (text.length() > MAX_BYTES || text.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return refused(ViolationCode.BATCH_TOO_LARGE, "the batch is larger than 2 MiB");
        }
        return parse(type, text, false);
    }

    /** Reads an uploaded file; {@code fileName} decides whether it is a CSV ({@code .csv}) or plain lines. */
    public static ParsedBatch parseFile(BlockType type, String fileName, byte[] content) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (content.length > MAX_BYTES) {
            return refused(ViolationCode.BATCH_TOO_LARGE, "the file " + fileName + " is larger than 2 MiB ("
                    + content.length + " bytes)");
        }
        String text = decode(content);
        if (text == null) {
            return refused(ViolationCode.NOT_A_TEXT_FILE, "the file " + fileName
                    + " is not a text file (binary, or not UTF-8); upload a .txt or .csv file of objects");
        }
        return parse(type, text, name.endsWith(".csv"));
    }

    private static ParsedBatch refused(ViolationCode code, String message) {
        return new ParsedBatch(List.of(), List.of(), List.of(LineFinding.error(0, code, message)));
    }

    /** Strict UTF-8 without NUL or other control characters but tab, CR and LF; null when the bytes are not that. */
    static String decode(byte[] content) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\r' && c != '\n' || c == 0x7F) {
                return null;
            }
        }
        return text;
    }

    private static ParsedBatch parse(BlockType type, String text, boolean csv) {
        List<LineFinding> findings = new ArrayList<>();
        List<Cell> cells = csv ? csvCells(type, text, findings) : plainCells(text);
        if (findings.stream().anyMatch(LineFinding::isError)) {
            return new ParsedBatch(List.of(), List.of(), findings);
        }
        if (cells.size() > MAX_OBJECTS) {
            return refused(ViolationCode.BATCH_TOO_LARGE, "the batch has " + cells.size() + " objects, at most "
                    + MAX_OBJECTS + " can be delivered at once");
        }
        if (cells.isEmpty()) {
            return refused(ViolationCode.EMPTY_BATCH, "the batch holds no object");
        }
        List<BatchObject> parsed = new ArrayList<>();
        for (Cell cell : cells) {
            BlockTargetParser.Result result = BlockTargetParser.parse(type, cell.text());
            if (result instanceof BlockTargetParser.Result.Parsed p) {
                parsed.add(new BatchObject(cell.line(), p.target()));
            } else {
                findings.add(notAnObject(type, cell, (BlockTargetParser.Result.Invalid) result));
            }
        }
        List<DroppedObject> dropped = new ArrayList<>();
        List<BatchObject> kept = type == BlockType.SOURCE_IP ? dropCovered(parsed, dropped) : dropDuplicates(parsed, dropped);
        return new ParsedBatch(kept, dropped, findings);
    }

    /** One object as written, with its line. */
    private record Cell(int line, String text) {
    }

    /** Names the other type {@code cell} is an object of (user names last: most words are one), else the reason. */
    private static LineFinding notAnObject(BlockType type, Cell cell, BlockTargetParser.Result.Invalid invalid) {
        for (BlockType other : List.of(BlockType.DOMAIN_NAME, BlockType.SOURCE_IP, BlockType.USER_NAME)) {
            if (other != type && BlockTargetParser.parse(other, cell.text()) instanceof BlockTargetParser.Result.Parsed
                    && (other != BlockType.USER_NAME || type == BlockType.SOURCE_IP && looksLikeNoAddress(cell.text()))) {
                return LineFinding.error(cell.line(), ViolationCode.OTHER_OBJECT_TYPE, "'" + cell.text() + "' is a "
                        + other.wireName() + " object; this batch is of " + type.wireName()
                        + " objects (a batch holds one type)");
            }
        }
        return LineFinding.error(cell.line(), ViolationCode.TARGET_DOES_NOT_MATCH_TYPE,
                "'" + cell.text() + "' is not " + invalid.reason());
    }

    private static boolean looksLikeNoAddress(String text) {
        return text.chars().noneMatch(c -> c == ':' || c == '/' || c >= '0' && c <= '9');
    }

    private static List<Cell> plainCells(String text) {
        List<Cell> cells = new ArrayList<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            for (String part : line.split(",", -1)) {
                String object = part.strip();
                if (!object.isEmpty()) {
                    cells.add(new Cell(i + 1, object));
                }
            }
        }
        return cells;
    }

    /** The cells of the object column of a CSV: the named column if its first row is a header, else every cell. */
    private static List<Cell> csvCells(BlockType type, String text, List<LineFinding> findings) {
        List<List<String>> rows = new ArrayList<>();
        List<Integer> lineOf = new ArrayList<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            List<String> row = csvRow(line);
            if (row == null) {
                findings.add(LineFinding.error(i + 1, ViolationCode.BAD_FORMAT,
                        "a quoted cell is not closed on this line"));
                continue;
            }
            rows.add(row);
            lineOf.add(i + 1);
        }
        if (rows.isEmpty() || !findings.isEmpty()) {
            return List.of();
        }
        List<String> first = rows.get(0);
        boolean header = first.stream().noneMatch(c -> !c.isBlank()
                && BlockTargetParser.parse(type, c.strip()) instanceof BlockTargetParser.Result.Parsed);
        if (!header) {
            List<Cell> cells = new ArrayList<>();
            for (int r = 0; r < rows.size(); r++) {
                for (String c : rows.get(r)) {
                    if (!c.isBlank()) {
                        cells.add(new Cell(lineOf.get(r), c.strip()));
                    }
                }
            }
            return cells;
        }
        int column = objectColumn(first);
        List<Cell> cells = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (column < row.size() && !row.get(column).isBlank()) {
                cells.add(new Cell(lineOf.get(r), row.get(column).strip()));
            }
        }
        boolean named = OBJECT_COLUMNS.contains(first.get(column).strip().toLowerCase(Locale.ROOT));
        if (!named && cells.stream().noneMatch(c -> BlockTargetParser.parse(type, c.text())
                instanceof BlockTargetParser.Result.Parsed)) {
            findings.add(LineFinding.error(lineOf.get(0), ViolationCode.NO_OBJECT_COLUMN, "the CSV has no column of "
                    + type.wireName() + " objects: name it ip, object or target (header: " + String.join(",", first)
                    + ")"));
            return List.of();
        }
        return cells;
    }

    private static int objectColumn(List<String> header) {
        for (String name : OBJECT_COLUMNS) {
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i).strip().toLowerCase(Locale.ROOT).equals(name)) {
                    return i;
                }
            }
        }
        return 0;
    }

    /** The cells of one CSV line (RFC 4180 quoting within the line); null when a quote is not closed. */
    static List<String> csvRow(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.toString().isBlank()) {
                quoted = true;
                cell.setLength(0);
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            return null;
        }
        cells.add(cell.toString());
        return cells;
    }

    /** Keeps the first of equal names (case-insensitive domains, exact user names), dropping the others. */
    private static List<BatchObject> dropDuplicates(List<BatchObject> objects, List<DroppedObject> dropped) {
        Map<String, BatchObject> first = new HashMap<>();
        List<BatchObject> kept = new ArrayList<>();
        for (BatchObject o : objects) {
            String key = o.target() instanceof BlockTarget.DomainName d ? d.ascii() : o.text();
            BatchObject earlier = first.putIfAbsent(key, o);
            if (earlier == null) {
                kept.add(o);
            } else {
                dropped.add(new DroppedObject(o.line(), o.text(), earlier.line(), "duplicate of line " + earlier.line()));
            }
        }
        return kept;
    }

    /**
     * Keeps the addresses and blocks no other of the batch covers, in source order: an equal one is a duplicate of
     * the first, one inside a larger block is dropped for it. Blocks are visited widest first, and each object is
     * looked up at every prefix length kept so far (at most 33 or 129), so a batch of 10,000 is checked in
     * milliseconds.
     */
    private static List<BatchObject> dropCovered(List<BatchObject> objects, List<DroppedObject> dropped) {
        List<BatchObject> byWidth = new ArrayList<>(objects);
        byWidth.sort((a, b) -> Integer.compare(prefix(a), prefix(b)));
        Map<Boolean, TreeMap<Integer, Map<String, BatchObject>>> kept = new HashMap<>();
        Set<BatchObject> droppedObjects = Collections.newSetFromMap(new IdentityHashMap<>());
        for (BatchObject o : byWidth) {
            IPAddress range = ((BlockTarget.IpTarget) o.target()).range();
            TreeMap<Integer, Map<String, BatchObject>> family = kept.computeIfAbsent(range.isIPv4(), k -> new TreeMap<>());
            BatchObject cover = null;
            for (Map.Entry<Integer, Map<String, BatchObject>> level : family.headMap(prefix(o), true).entrySet()) {
                cover = level.getValue().get(network(range, level.getKey()));
                if (cover != null) {
                    break;
                }
            }
            if (cover == null) {
                family.computeIfAbsent(prefix(o), k -> new HashMap<>()).put(network(range, prefix(o)), o);
                continue;
            }
            droppedObjects.add(o);
            dropped.add(new DroppedObject(o.line(), o.text(), cover.line(), prefix(cover) == prefix(o)
                    ? "duplicate of line " + cover.line()
                    : "inside " + cover.text() + " on line " + cover.line()));
        }
        dropped.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return objects.stream().filter(o -> !droppedObjects.contains(o)).toList();
    }

    private static int prefix(BatchObject o) {
        IPAddress range = ((BlockTarget.IpTarget) o.target()).range();
        return range.isPrefixed() ? range.getNetworkPrefixLength() : range.getBitCount();
    }

    private static String network(IPAddress range, int prefixLength) {
        return range.toPrefixBlock(prefixLength).toCanonicalString();
    }
}
