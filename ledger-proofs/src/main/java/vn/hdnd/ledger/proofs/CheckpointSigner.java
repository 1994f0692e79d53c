package vn.hdnd.ledger.proofs;

import java.nio.ByteBuffer;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.util.Arrays;
import java.util.Base64;

/**
 * The log's Ed25519 signing key, read from and written to the key file format of Go's
 * {@code golang.org/x/mod/sumdb/note}: {@code PRIVATE+KEY+<name>+<key id>+<base64(0x01 || 32-byte seed)>}.
 *
 * <p>The key file is a secret: keep it out of logs and out of the database. {@link #toString()} never shows it.
 */
public final class CheckpointSigner {

    private static final String PREFIX = "PRIVATE+KEY+";

    private final String name;
    private final PrivateKey privateKey;
    private final byte[] seed;
    private final VerifierKey verifierKey;

    private CheckpointSigner(String name, KeyPair pair) {
        this.name = KeyNames.requireValid(name);
        this.privateKey = pair.getPrivate();
        this.seed = Ed25519.rawPrivate(pair.getPrivate());
        this.verifierKey = VerifierKey.of(name, Ed25519.rawPublic(pair.getPublic()));
    }

    /** A fresh key pair named {@code name}; by C2SP convention the name is the log's origin. */
    public static CheckpointSigner generate(String name) {
        return new CheckpointSigner(name, Ed25519.generate());
    }

    /**
     * Reads a key file ({@code PRIVATE+KEY+name+hash+base64}); the key id must match the name and the derived public
     * key.
     *
     * @throws IllegalArgumentException if the text is not a well-formed Ed25519 signer key
     */
    public static CheckpointSigner fromKeyFile(String keyFile) {
        String text = keyFile.strip();
        if (!text.startsWith(PREFIX)) {
            throw new IllegalArgumentException("a signer key file starts with " + PREFIX);
        }
        String rest = text.substring(PREFIX.length());
        int first = rest.indexOf('+');
        int second = first < 0 ? -1 : rest.indexOf('+', first + 1);
        if (first < 0 || second < 0) {
            throw new IllegalArgumentException("a signer key has the form PRIVATE+KEY+<name>+<key id>+<base64 key>");
        }
        String name = rest.substring(0, first);
        int keyId = KeyNames.parseHex(rest.substring(first + 1, second));
        byte[] typeAndSeed = VerifierKey.decodeBase64(rest.substring(second + 1));
        if (typeAndSeed.length != 1 + Ed25519.KEY_SIZE || typeAndSeed[0] != KeyNames.ED25519) {
            throw new IllegalArgumentException("the signer key is not an Ed25519 key (type 0x01 and 32 bytes)");
        }
        CheckpointSigner signer =
                new CheckpointSigner(name, Ed25519.keyPair(Arrays.copyOfRange(typeAndSeed, 1, typeAndSeed.length)));
        if (signer.keyId() != keyId) {
            throw new IllegalArgumentException("the key id " + KeyNames.hex(keyId)
                    + " does not match the name and the key");
        }
        return signer;
    }

    public String name() {
        return name;
    }

    public int keyId() {
        return verifierKey.keyId();
    }

    /** The public half, to publish. */
    public VerifierKey verifierKey() {
        return verifierKey;
    }

    /** The secret key file text, to store somewhere safe. */
    public String keyFile() {
        byte[] typeAndSeed = ByteBuffer.allocate(1 + Ed25519.KEY_SIZE).put(KeyNames.ED25519).put(seed).array();
        return PREFIX + name + "+" + KeyNames.hex(keyId()) + "+" + Base64.getEncoder().encodeToString(typeAndSeed);
    }

    /** The 64-byte Ed25519 signature of {@code message}. */
    public byte[] sign(byte[] message) {
        return Ed25519.sign(privateKey, message);
    }

    /** The checkpoint as a signed note, ready to publish. */
    public String sign(Checkpoint checkpoint) {
        return SignedNote.sign(checkpoint.format(), this);
    }

    @Override
    public String toString() {
        return "CheckpointSigner[" + verifierKey.format() + "]";
    }
}
