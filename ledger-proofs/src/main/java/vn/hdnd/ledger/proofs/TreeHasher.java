package vn.hdnd.ledger.proofs;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The Merkle tree hash function of RFC 9162 §2.1.1 (unchanged from RFC 6962 §2.1).
 *
 * <p>Leaves and interior nodes are hashed with different one-byte prefixes. Without that domain separation an interior
 * node could be presented as a leaf (a second-preimage attack), so every hash in this module goes through here.
 */
public final class TreeHasher {

    /** Length in bytes of every hash in the tree (SHA-256). */
    public static final int HASH_SIZE = 32;

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;
    /**
     * Never updated, only cloned: {@code MessageDigest.getInstance} searches the security providers on every call,
     * a tenth of the ledger worker's time when it looked one up per hash.
     */
    private static final MessageDigest SHA_256 = lookUp();
    private static final byte[] EMPTY_ROOT = sha256(new byte[0]);

    private TreeHasher() {
    }

    /** {@code MTH({}) = SHA-256()}: the root of a tree with no leaves. */
    public static byte[] emptyRoot() {
        return EMPTY_ROOT.clone();
    }

    /** {@code MTH({d}) = SHA-256(0x00 || d)}. */
    public static byte[] leafHash(byte[] data) {
        MessageDigest digest = newDigest();
        digest.update(LEAF_PREFIX);
        digest.update(data);
        return digest.digest();
    }

    /** {@code SHA-256(0x01 || left || right)}, the hash of an interior node. */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest digest = newDigest();
        digest.update(NODE_PREFIX);
        digest.update(left);
        digest.update(right);
        return digest.digest();
    }

    /** Plain SHA-256, used for payload hashes and key ids. */
    public static byte[] sha256(byte[] data) {
        return newDigest().digest(data);
    }

    static boolean isHash(byte[] hash) {
        return hash != null && hash.length == HASH_SIZE;
    }

    private static MessageDigest newDigest() {
        try {
            return (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            return lookUp();
        }
    }

    private static MessageDigest lookUp() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime must provide SHA-256", e);
        }
    }
}
