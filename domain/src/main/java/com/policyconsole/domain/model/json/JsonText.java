package com.policyconsole.domain.model.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads and writes {@link JsonValue}s as RFC 8259 JSON text, with limits on size and nesting. */
public final class JsonText {

    /** Longest JSON text {@link #parse} accepts. */
    public static final int MAX_LENGTH = 65_536;
    /** Deepest nesting {@link #parse} accepts. */
    public static final int MAX_DEPTH = 32;

    private JsonText() {
    }

    /** Either the parsed value or why the text is not JSON. */
    public sealed interface Parsed permits Parsed.Ok, Parsed.Invalid {
        /** A well-formed text. */
        record Ok(JsonValue value) implements Parsed {
        }

        /** A malformed text: what is wrong, and at which character offset. */
        record Invalid(String reason, int offset) implements Parsed {
        }
    }

    /** Parses one JSON value; surrounding white space is allowed, anything else after the value is not. */
    public static Parsed parse(String text) {
        if (text == null) {
            return new Parsed.Invalid("no JSON text", 0);
        }
        if (text.length() > MAX_LENGTH) {
            return new Parsed.Invalid("JSON text longer than " + MAX_LENGTH + " characters", MAX_LENGTH);
        }
        Reader reader = new Reader(text);
        try {
            reader.skipWhitespace();
            JsonValue value = reader.value(0);
            reader.skipWhitespace();
            if (reader.pos != text.length()) {
                throw reader.error("unexpected text after the JSON value");
            }
            return new Parsed.Ok(value);
        } catch (Malformed e) {
            return new Parsed.Invalid(e.getMessage(), e.offset);
        }
    }

    static void write(JsonValue value, StringBuilder out) {
        if (value instanceof JsonValue.JsonNull) {
            out.append("null");
        } else if (value instanceof JsonValue.JsonBoolean b) {
            out.append(b.value());
        } else if (value instanceof JsonValue.JsonNumber n) {
            out.append(n.value().toString());
        } else if (value instanceof JsonValue.JsonString s) {
            quote(s.value(), out);
        } else if (value instanceof JsonValue.JsonArray a) {
            out.append('[');
            for (int i = 0; i < a.items().size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(a.items().get(i), out);
            }
            out.append(']');
        } else if (value instanceof JsonValue.JsonObject o) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, JsonValue> e : o.members().entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                quote(e.getKey(), out);
                out.append(':');
                write(e.getValue(), out);
            }
            out.append('}');
        }
    }

    /** Appends {@code s} as a JSON string literal. */
    public static void quote(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static final class Malformed extends Exception {
        private final int offset;

        Malformed(String message, int offset) {
            super(message, null, false, false);
            this.offset = offset;
        }
    }

    private static final class Reader {
        private final String text;
        private int pos;

        Reader(String text) {
            this.text = text;
        }

        Malformed error(String message) {
            return new Malformed(message + " at offset " + pos, pos);
        }

        void skipWhitespace() {
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                    pos++;
                } else {
                    return;
                }
            }
        }

        JsonValue value(int depth) throws Malformed {
            if (depth > MAX_DEPTH) {
                throw error("JSON nested deeper than " + MAX_DEPTH + " levels");
            }
            if (pos >= text.length()) {
                throw error("unexpected end of JSON text");
            }
            char c = text.charAt(pos);
            return switch (c) {
                case '{' -> object(depth);
                case '[' -> array(depth);
                case '"' -> new JsonValue.JsonString(string());
                case 't' -> literal("true", JsonValue.JsonBoolean.TRUE);
                case 'f' -> literal("false", JsonValue.JsonBoolean.FALSE);
                case 'n' -> literal("null", JsonValue.JsonNull.INSTANCE);
                default -> {
                    if (c == '-' || (c >= '0' && c <= '9')) {
                        yield number();
                    }
                    throw error("unexpected character '" + printable(c) + "'");
                }
            };
        }

        private static String printable(char c) {
            return Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c);
        }

        JsonValue literal(String word, JsonValue value) throws Malformed {
            if (!text.startsWith(word, pos)) {
                throw error("expected '" + word + "'");
            }
            pos += word.length();
            return value;
        }

        JsonValue object(int depth) throws Malformed {
            pos++;
            Map<String, JsonValue> members = new LinkedHashMap<>();
            skipWhitespace();
            if (peek() == '}') {
                pos++;
                return new JsonValue.JsonObject(members);
            }
            while (true) {
                skipWhitespace();
                if (peek() != '"') {
                    throw error("expected a member name in double quotes");
                }
                String name = string();
                if (members.containsKey(name)) {
                    throw error("duplicate member name '" + name + "'");
                }
                skipWhitespace();
                expect(':');
                skipWhitespace();
                members.put(name, value(depth + 1));
                skipWhitespace();
                char c = next();
                if (c == '}') {
                    return new JsonValue.JsonObject(members);
                }
                if (c != ',') {
                    pos--;
                    throw error("expected ',' or '}'");
                }
            }
        }

        JsonValue array(int depth) throws Malformed {
            pos++;
            List<JsonValue> items = new ArrayList<>();
            skipWhitespace();
            if (peek() == ']') {
                pos++;
                return new JsonValue.JsonArray(items);
            }
            while (true) {
                skipWhitespace();
                items.add(value(depth + 1));
                skipWhitespace();
                char c = next();
                if (c == ']') {
                    return new JsonValue.JsonArray(items);
                }
                if (c != ',') {
                    pos--;
                    throw error("expected ',' or ']'");
                }
            }
        }

        String string() throws Malformed {
            pos++;
            StringBuilder out = new StringBuilder();
            while (true) {
                if (pos >= text.length()) {
                    throw error("unterminated string");
                }
                char c = text.charAt(pos++);
                if (c == '"') {
                    return out.toString();
                }
                if (c < 0x20) {
                    pos--;
                    throw error("control character in string");
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char e = next();
                switch (e) {
                    case '"', '\\', '/' -> out.append(e);
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        if (pos + 4 > text.length()) {
                            throw error("short \\u escape");
                        }
                        try {
                            out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                        } catch (NumberFormatException ex) {
                            throw error("bad \\u escape");
                        }
                        pos += 4;
                    }
                    default -> {
                        pos--;
                        throw error("bad escape '\\" + printable(e) + "'");
                    }
                }
            }
        }

        JsonValue number() throws Malformed {
            int start = pos;
            if (peek() == '-') {
                pos++;
            }
            if (peek() == '0') {
                pos++;
            } else if (isDigit(peek())) {
                digits();
            } else {
                throw error("expected a digit");
            }
            if (peek() == '.') {
                pos++;
                if (!isDigit(peek())) {
                    throw error("expected a digit after '.'");
                }
                digits();
            }
            if (peek() == 'e' || peek() == 'E') {
                pos++;
                if (peek() == '+' || peek() == '-') {
                    pos++;
                }
                if (!isDigit(peek())) {
                    throw error("expected a digit in the exponent");
                }
                digits();
            }
            if (pos - start > 64) {
                throw error("number longer than 64 characters");
            }
            return new JsonValue.JsonNumber(new BigDecimal(text.substring(start, pos)));
        }

        private void digits() {
            while (isDigit(peek())) {
                pos++;
            }
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        private char peek() {
            return pos < text.length() ? text.charAt(pos) : '\0';
        }

        private char next() throws Malformed {
            if (pos >= text.length()) {
                throw error("unexpected end of JSON text");
            }
            return text.charAt(pos++);
        }

        private void expect(char c) throws Malformed {
            if (peek() != c) {
                throw error("expected '" + c + "'");
            }
            pos++;
        }
    }
}
