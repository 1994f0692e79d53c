package vn.hdnd.ledger.proofs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class LedgerLeafTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void encodesSevenLinesWithoutTrailingNewline() throws Exception {
        byte[] payloadHash = LedgerLeaf.canonicalPayloadSha256(MAPPER.readTree("{\"name\":\"Hội đồng\"}"));
        LedgerLeaf leaf = new LedgerLeaf("evt-1", "council-7", 3, "CouncilRenamed",
                Instant.parse("2024-05-01T08:30:00.120Z"), payloadHash);

        String expected = "hdnd-ledger-leaf/v1\nevt-1\ncouncil-7\n3\nCouncilRenamed\n2024-05-01T08:30:00.120Z\n"
                + HexFormat.of().formatHex(payloadHash);
        assertThat(new String(leaf.encode(), StandardCharsets.UTF_8)).isEqualTo(expected);
        assertThat(leaf.leafHash()).isEqualTo(TreeHasher.leafHash(expected.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void writesTheInstantTheWayInstantToStringDoes() {
        byte[] hash = new byte[32];
        assertThat(text(new LedgerLeaf("e", "a", 0, "T", Instant.parse("2024-01-01T00:00:00Z"), hash)))
                .contains("\n2024-01-01T00:00:00Z\n");
        assertThat(text(new LedgerLeaf("e", "a", 0, "T", Instant.parse("2024-01-01T00:00:00.000123Z"), hash)))
                .contains("\n2024-01-01T00:00:00.000123Z\n");
    }

    @Test
    void ofHashesTheCanonicalPayload() throws Exception {
        Instant at = Instant.parse("2024-05-01T08:30:00Z");
        LedgerLeaf a = LedgerLeaf.of("e", "a", 1, "T", at, MAPPER.readTree("{\"x\":1,\"y\":[true]}"));
        LedgerLeaf b = LedgerLeaf.of("e", "a", 1, "T", at, MAPPER.readTree("{ \"y\": [ true ], \"x\": 1 }"));
        assertThat(a).isEqualTo(b);
        assertThat(a.leafHash()).isEqualTo(b.leafHash());
    }

    @Test
    void everyFieldChangesTheLeafHash() {
        Instant at = Instant.parse("2024-05-01T08:30:00Z");
        byte[] hash = new byte[32];
        byte[] otherHash = new byte[32];
        otherHash[31] = 1;
        LedgerLeaf base = new LedgerLeaf("e", "a", 1, "T", at, hash);
        for (LedgerLeaf variant : new LedgerLeaf[] {
            new LedgerLeaf("e2", "a", 1, "T", at, hash),
            new LedgerLeaf("e", "a2", 1, "T", at, hash),
            new LedgerLeaf("e", "a", 2, "T", at, hash),
            new LedgerLeaf("e", "a", 1, "T2", at, hash),
            new LedgerLeaf("e", "a", 1, "T", at.plusNanos(1000), hash),
            new LedgerLeaf("e", "a", 1, "T", at, otherHash)
        }) {
            assertThat(variant.leafHash()).as(variant.toString()).isNotEqualTo(base.leafHash());
        }
    }

    @Test
    void refusesFieldsThatWouldMakeTheEncodingAmbiguous() {
        Instant at = Instant.EPOCH;
        byte[] hash = new byte[32];
        assertThatThrownBy(() -> new LedgerLeaf("e\nx", "a", 0, "T", at, hash))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("newline");
        assertThatThrownBy(() -> new LedgerLeaf("e", "a", -1, "T", at, hash))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LedgerLeaf("e", "a", 0, "T", at, new byte[31]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LedgerLeaf("e", "a\ud800", 0, "T", at, hash))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LedgerLeaf(null, "a", 0, "T", at, hash))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void payloadHashIsDefensivelyCopied() {
        byte[] hash = new byte[32];
        LedgerLeaf leaf = new LedgerLeaf("e", "a", 0, "T", Instant.EPOCH, hash);
        byte[] before = leaf.leafHash();
        hash[0] = 9;
        leaf.payloadSha256()[1] = 9;
        assertThat(leaf.leafHash()).isEqualTo(before);
    }

    private static String text(LedgerLeaf leaf) {
        return new String(leaf.encode(), StandardCharsets.UTF_8);
    }
}
