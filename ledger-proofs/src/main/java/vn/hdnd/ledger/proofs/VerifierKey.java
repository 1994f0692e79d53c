package vn.hdnd.ledger.proofs;

import java.nio.ByteBuffer;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;

/**
 * A public key that checks note signatures, in the text form of Go's {@code golang.org/x/mod/sumdb/note} package:
 * {@code <name>+<key id, 8 hex digits>+<base64(0x01 || 32-byte Ed25519 public key)>}, for example
 * {@code PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW}.
 *
 * <p>This is what the server publishes at {@code /api/v1/ledger/public-key} and what an auditor pins.
 */
public final class VerifierKey {

    private final String name;
    private final int keyId;
    private final byte[] rawPublicKey;
    private final PublicKey publicKey;

    private VerifierKey(String name, byte[] rawPublicKey) {
        this.name = KeyNames.requireValid(name);
        this.rawPublicKey = rawPublicKey.clone();
        this.publicKey = Ed25519.publicKey(rawPublicKey);
        this.keyId = KeyNames.keyId(name, rawPublicKey);
    }

    /** The verifier key for a key name and a raw 32-byte Ed25519 public key. */
    public static VerifierKey of(String name, byte[] rawPublicKey) {
        return new VerifierKey(name, rawPublicKey);
    }

    /**
     * Parses {@code name+hash+base64}. The key id in the text must match the one computed from name and key, as in
     * Go's {@code note.NewVerifier}.
     *
     * @throws IllegalArgumentException if the text is not a well-formed Ed25519 verifier key
     */
    public static VerifierKey parse(String text) {
        String trimmed = text.strip();
        int first = trimmed.indexOf('+');
        int second = first < 0 ? -1 : trimmed.indexOf('+', first + 1);
        if (first < 0 || second < 0) {
            throw new IllegalArgumentException("a verifier key has the form <name>+<key id>+<base64 key>");
        }
        String name = trimmed.substring(0, first);
        int keyId = KeyNames.parseHex(trimmed.substring(first + 1, second));
        byte[] typeAndKey = decodeBase64(trimmed.substring(second + 1));
        if (typeAndKey.length != 1 + Ed25519.KEY_SIZE || typeAndKey[0] != KeyNames.ED25519) {
            throw new IllegalArgumentException("the verifier key is not an Ed25519 key (type 0x01 and 32 bytes)");
        }
        VerifierKey key = new VerifierKey(name, Arrays.copyOfRange(typeAndKey, 1, typeAndKey.length));
        if (key.keyId != keyId) {
            throw new IllegalArgumentException("the key id " + KeyNames.hex(keyId) + " does not match name and key (expected "
                    + KeyNames.hex(key.keyId) + ")");
        }
        return key;
    }

    public String name() {
        return name;
    }

    /** The 4-byte key id as an unsigned big-endian int (C2SP signed-note). */
    public int keyId() {
        return keyId;
    }

    /** The raw 32-byte Ed25519 public key (RFC 8032). */
    public byte[] rawPublicKey() {
        return rawPublicKey.clone();
    }

    /** True if {@code signature} (64 bytes, without key id) is this key's Ed25519 signature of {@code message}. */
    public boolean verify(byte[] message, byte[] signature) {
        return Ed25519.verify(publicKey, message, signature);
    }

    /** The text form {@code name+hash+base64}. */
    public String format() {
        byte[] typeAndKey = ByteBuffer.allocate(1 + Ed25519.KEY_SIZE).put(KeyNames.ED25519).put(rawPublicKey).array();
        return name + "+" + KeyNames.hex(keyId) + "+" + Base64.getEncoder().encodeToString(typeAndKey);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VerifierKey that && name.equals(that.name) && Arrays.equals(rawPublicKey, that.rawPublicKey);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(rawPublicKey);
    }

    @Override
    public String toString() {
        return format();
    }

    /** Standard base64 (RFC 4648 §4) in its one canonical spelling: padded, no line breaks, no stray bits. */
    static byte[] decodeBase64(String text) {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not standard base64: " + text, e);
        }
        if (!Base64.getEncoder().encodeToString(decoded).equals(text)) {
            throw new IllegalArgumentException("not canonical standard base64: " + text);
        }
        return decoded;
    }
}
