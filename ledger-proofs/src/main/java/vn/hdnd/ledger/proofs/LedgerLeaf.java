package vn.hdnd.ledger.proofs;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * What one ledger leaf commits to: an event's identity, its place in its aggregate's history, its type, when it was
 * recorded and a hash of its canonical payload.
 *
 * <p>The leaf data {@code d} hashed by {@link TreeHasher#leafHash(byte[])} is the UTF-8 encoding of these seven
 * lines joined by {@code "\n"}, with no trailing newline:
 * <pre>
 * hdnd-ledger-leaf/v1
 * &lt;eventId&gt;
 * &lt;aggregateId&gt;
 * &lt;sequence, decimal&gt;
 * &lt;type&gt;
 * &lt;recordedAt, Instant.toString(), e.g. 2024-05-01T08:30:00.123Z&gt;
 * &lt;SHA-256 of the canonical payload, 64 lowercase hex digits&gt;
 * </pre>
 * The first line versions the format, so a later format can never be confused with this one. No field may contain a
 * newline: that keeps the encoding unambiguous (two different leaves never encode to the same bytes). The payload hash
 * is over {@link CanonicalJson} bytes, so re-serializing the payload cannot change the leaf.
 */
public record LedgerLeaf(
        String eventId, String aggregateId, long sequence, String type, Instant recordedAt, byte[] payloadSha256) {

    /** The first line of every leaf in this format. */
    public static final String FORMAT = "hdnd-ledger-leaf/v1";

    public LedgerLeaf {
        requireLine(eventId, "eventId");
        requireLine(aggregateId, "aggregateId");
        requireLine(type, "type");
        Objects.requireNonNull(recordedAt, "recordedAt");
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must not be negative: " + sequence);
        }
        if (payloadSha256 == null || payloadSha256.length != 32) {
            throw new IllegalArgumentException("payloadSha256 must be a 32-byte SHA-256 hash");
        }
        payloadSha256 = payloadSha256.clone();
    }

    /** A leaf whose payload hash is {@link #canonicalPayloadSha256(JsonNode)} of {@code payload}. */
    public static LedgerLeaf of(
            String eventId, String aggregateId, long sequence, String type, Instant recordedAt, JsonNode payload) {
        return new LedgerLeaf(eventId, aggregateId, sequence, type, recordedAt, canonicalPayloadSha256(payload));
    }

    /** SHA-256 of the RFC 8785 canonical form of the payload (see {@link CanonicalJson}). */
    public static byte[] canonicalPayloadSha256(JsonNode payload) {
        return TreeHasher.sha256(canonicalJson(payload));
    }

    /** The RFC 8785 canonical UTF-8 bytes of a JSON value (see {@link CanonicalJson}). */
    public static byte[] canonicalJson(JsonNode payload) {
        return CanonicalJson.canonicalize(Objects.requireNonNull(payload, "payload"));
    }

    /** The leaf data {@code d}: the exact bytes described in the class comment. */
    public byte[] encode() {
        String text = String.join("\n",
                FORMAT,
                eventId,
                aggregateId,
                Long.toString(sequence),
                type,
                recordedAt.toString(),
                HexFormat.of().formatHex(payloadSha256));
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** {@code SHA-256(0x00 || encode())}, the hash this leaf has in the tree (RFC 9162 §2.1.1). */
    public byte[] leafHash() {
        return TreeHasher.leafHash(encode());
    }

    @Override
    public byte[] payloadSha256() {
        return payloadSha256.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LedgerLeaf that
                && eventId.equals(that.eventId)
                && aggregateId.equals(that.aggregateId)
                && sequence == that.sequence
                && type.equals(that.type)
                && recordedAt.equals(that.recordedAt)
                && Arrays.equals(payloadSha256, that.payloadSha256);
    }

    @Override
    public int hashCode() {
        return Objects.hash(eventId, aggregateId, sequence, type, recordedAt) * 31 + Arrays.hashCode(payloadSha256);
    }

    @Override
    public String toString() {
        return "LedgerLeaf[eventId=" + eventId + ", aggregateId=" + aggregateId + ", sequence=" + sequence
                + ", type=" + type + ", recordedAt=" + recordedAt
                + ", payloadSha256=" + HexFormat.of().formatHex(payloadSha256) + "]";
    }

    private static void requireLine(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException(name + " must not contain a newline: it would make the leaf ambiguous");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                // UTF-8 cannot encode a lone surrogate; the encoder would silently replace it.
                throw new IllegalArgumentException(name + " is not valid Unicode (lone surrogate at " + i + ")");
            }
        }
    }
}
