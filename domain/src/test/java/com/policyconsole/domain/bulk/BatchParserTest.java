package com.policyconsole.domain.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.policyconsole.domain.model.bulk.BatchObject;
import com.policyconsole.domain.model.bulk.DroppedObject;
import com.policyconsole.domain.model.emergency.BlockType;
import com.policyconsole.domain.validation.ViolationCode;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BatchParserTest {

    @Test
    void pastedLinesAndCommasBecomeObjectsWithTheirLinesAndCommentsAndBlankLinesAreSkipped() {
        ParsedBatch batch = BatchParser.parseText(BlockType.SOURCE_IP, """
                # threat feed 2026-12-01
                203.0.113.7
                198.51.100.1, 198.51.100.2

                2001:db8::1
                """);

        assertThat(batch.findings()).isEmpty();
        assertThat(batch.objects()).extracting(BatchObject::line, BatchObject::text).containsExactly(
                tuple(2, "203.0.113.7"), tuple(3, "198.51.100.1"),
                tuple(3, "198.51.100.2"), tuple(5, "2001:db8::1"));
    }

    @Test
    void everyBadLineIsNamedAndObjectsOfAnotherTypeSaySo() {
        ParsedBatch batch = BatchParser.parseText(BlockType.SOURCE_IP, "203.0.113.7\n10.0.0.1/8\nevil.example.com\n"
                + "alice\n1.2.3\n");

        assertThat(batch.findings()).extracting(LineFinding::toString).containsExactly(
                "line 2: '10.0.0.1/8' is not a CIDR block with host bits set (did you mean 10.0.0.0/8?)",
                "line 3: 'evil.example.com' is a Domain Name object; this batch is of Source Ip objects (a batch holds one type)",
                "line 4: 'alice' is a User Name object; this batch is of Source Ip objects (a batch holds one type)",
                "line 5: '1.2.3' is not an IPv4 or IPv6 address or CIDR block");
        assertThat(batch.hasErrors()).isTrue();
        assertThat(batch.objects()).extracting(BatchObject::text).containsExactly("203.0.113.7");
    }

    @Test
    void duplicatesAndObjectsInsideABlockOfTheBatchAreDroppedNamingTheLineThatCoversThem() {
        ParsedBatch batch = BatchParser.parseText(BlockType.SOURCE_IP, """
                203.0.113.7
                198.51.100.0/24
                203.0.113.7
                198.51.100.9
                198.51.0.0/16
                2001:db8::1
                2001:db8::/32
                192.0.2.1, 192.0.2.1
                """);

        assertThat(batch.objects()).extracting(BatchObject::text)
                .containsExactly("203.0.113.7", "198.51.0.0/16", "2001:db8::/32", "192.0.2.1");
        assertThat(batch.dropped()).extracting(d -> d.line() + " " + d.text() + ": " + d.reason()).containsExactly(
                "2 198.51.100.0/24: inside 198.51.0.0/16 on line 5",
                "3 203.0.113.7: duplicate of line 1",
                "4 198.51.100.9: inside 198.51.0.0/16 on line 5",
                "6 2001:db8::1: inside 2001:db8::/32 on line 7",
                "8 192.0.2.1: duplicate of line 8");
    }

    @Test
    void domainNamesAreDuplicatesWhateverTheirCaseAndUserNamesOnlyWhenEqual() {
        assertThat(BatchParser.parseText(BlockType.DOMAIN_NAME, "Evil.Example.com\nevil.example.com.\n").dropped())
                .extracting(DroppedObject::reason).containsExactly("duplicate of line 1");
        assertThat(BatchParser.parseText(BlockType.USER_NAME, "alice\nAlice\nalice\n").objects())
                .extracting(BatchObject::text).containsExactly("alice", "Alice");
    }

    @Test
    void aCsvWithAHeaderGivesTheColumnNamedIpObjectOrTargetAndLinesCountTheHeader() {
        byte[] csv = """
                seen,source,ip,comment
                2026-12-01,feed-a,203.0.113.7,"scanner, noisy"
                2026-12-01,feed-b,198.51.100.1,
                """.getBytes(StandardCharsets.UTF_8);

        ParsedBatch batch = BatchParser.parseFile(BlockType.SOURCE_IP, "feed.csv", csv);

        assertThat(batch.findings()).isEmpty();
        assertThat(batch.objects()).extracting(o -> o.line() + ":" + o.text())
                .containsExactly("2:203.0.113.7", "3:198.51.100.1");
    }

    @Test
    void aCsvWithAHeaderAndNoNamedColumnTakesTheFirstOneAndOneWithoutUsableColumnIsRefused() {
        assertThat(BatchParser.parseFile(BlockType.SOURCE_IP, "a.csv", bytes("address,seen\n203.0.113.7,today\n"))
                .objects()).extracting(BatchObject::text).containsExactly("203.0.113.7");

        ParsedBatch unusable = BatchParser.parseFile(BlockType.SOURCE_IP, "b.csv", bytes("name,seen\nfoo,today\n"));
        assertThat(unusable.findings()).extracting(LineFinding::code).containsExactly(ViolationCode.NO_OBJECT_COLUMN);
        assertThat(unusable.findings().get(0).toString()).contains("name it ip, object or target");
        assertThat(unusable.objects()).isEmpty();
    }

    @Test
    void aCsvWithoutHeaderGivesEveryCellAndAnUnclosedQuoteIsNamed() {
        assertThat(BatchParser.parseFile(BlockType.SOURCE_IP, "c.csv", bytes("203.0.113.7,203.0.113.8\n")).objects())
                .hasSize(2);
        assertThat(BatchParser.parseFile(BlockType.SOURCE_IP, "d.csv", bytes("ip\n\"203.0.113.7\n")).findings())
                .extracting(LineFinding::toString).containsExactly("line 2: a quoted cell is not closed on this line");
    }

    @ParameterizedTest
    @ValueSource(strings = {"binary", "latin1", "nul"})
    void aFileThatIsNotUtf8TextIsRefusedAsAWhole(String kind) {
        byte[] content = switch (kind) {
            case "binary" -> new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0};
            case "latin1" -> "203.0.113.7 caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);
            default -> "203.0.113.7\u0000\n".getBytes(StandardCharsets.UTF_8);
        };
        ParsedBatch batch = BatchParser.parseFile(BlockType.SOURCE_IP, "x.txt", content);
        assertThat(batch.findings()).extracting(LineFinding::code).containsExactly(ViolationCode.NOT_A_TEXT_FILE);
        assertThat(batch.objects()).isEmpty();
    }

    @Test
    void aUtf8ByteOrderMarkIsNotPartOfTheFirstObject() {
        byte[] withBom = ("\uFEFF203.0.113.7\n").getBytes(StandardCharsets.UTF_8);
        assertThat(BatchParser.parseFile(BlockType.SOURCE_IP, "x.txt", withBom).objects()).hasSize(1);
    }

    @Test
    void moreThanTenThousandObjectsOrTwoMebibytesAreRefusedAndAnEmptyBatchToo() {
        String tenThousand = IntStream.range(0, 10_000).mapToObj(i -> "10." + (i / 256) + "." + (i % 256) + ".1")
                .collect(Collectors.joining("\n"));
        assertThat(BatchParser.parseText(BlockType.SOURCE_IP, tenThousand).objects()).hasSize(10_000);
        assertThat(BatchParser.parseText(BlockType.SOURCE_IP, tenThousand + "\n10.200.0.1").findings())
                .extracting(LineFinding::toString)
                .containsExactly("batch: the batch has 10001 objects, at most 10000 can be delivered at once");
        assertThat(BatchParser.parseFile(BlockType.SOURCE_IP, "big.txt", new byte[BatchParser.MAX_BYTES + 1])
                .findings()).extracting(LineFinding::code).containsExactly(ViolationCode.BATCH_TOO_LARGE);
        assertThat(BatchParser.parseText(BlockType.SOURCE_IP, "# nothing\n\n").findings())
                .extracting(LineFinding::code).containsExactly(ViolationCode.EMPTY_BATCH);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
