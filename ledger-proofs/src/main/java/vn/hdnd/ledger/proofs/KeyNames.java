package vn.hdnd.ledger.proofs;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;

/** Key names and key ids as the C2SP signed-note specification defines them. */
final class KeyNames {

    /** The signature type byte of Ed25519 in signed notes. */
    static final byte ED25519 = 0x01;

    private KeyNames() {
    }

    /** Key names must be non-empty and contain no Unicode space, no '+' and no control character (signed-note). */
    static String requireValid(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a key name must not be empty");
        }
        name.codePoints().forEach(c -> {
            if (c == '+' || c < 0x20 || c == 0x7f || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                throw new IllegalArgumentException("a key name must not contain spaces, '+' or control characters: "
                        + name);
            }
        });
        return name;
    }

    /** {@code key ID = SHA-256(key name || 0x0A || 0x01 || 32-byte Ed25519 public key)[:4]}, big-endian. */
    static int keyId(String name, byte[] rawPublicKey) {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        ByteBuffer input = ByteBuffer.allocate(nameBytes.length + 2 + rawPublicKey.length);
        input.put(nameBytes).put((byte) '\n').put(ED25519).put(rawPublicKey);
        return ByteBuffer.wrap(TreeHasher.sha256(input.array())).getInt();
    }

    static String hex(int keyId) {
        return HexFormat.of().toHexDigits(keyId);
    }

    static int parseHex(String text) {
        if (text.length() != 8 || !text.equals(text.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("a key id is 8 lowercase hex digits: " + text);
        }
        try {
            return HexFormat.fromHexDigits(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a key id is 8 lowercase hex digits: " + text, e);
        }
    }
}
