package vn.hdnd.ledger.proofs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The right edge of a tree of {@code size} leaves: the roots of its maximal perfect subtrees, left (largest) to right
 * (smallest), one per set bit of {@code size}, so never more than 63. With them alone one can compute the root and
 * keep appending (see {@link TreeAppender}); this is the "compact range" {@code [0, size)} of transparency-dev.
 */
public record Frontier(long size, List<byte[]> hashes) {

    public Frontier {
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative: " + size);
        }
        if (hashes.size() != Long.bitCount(size)) {
            throw new IllegalArgumentException("a tree of size " + size + " has " + Long.bitCount(size)
                    + " frontier hashes, got " + hashes.size());
        }
        List<byte[]> copy = new ArrayList<>(hashes.size());
        for (byte[] hash : hashes) {
            if (!TreeHasher.isHash(hash)) {
                throw new IllegalArgumentException("a frontier hash has " + TreeHasher.HASH_SIZE + " bytes");
            }
            copy.add(hash.clone());
        }
        hashes = List.copyOf(copy);
    }

    /** The frontier of the empty tree. */
    public static Frontier empty() {
        return new Frontier(0, List.of());
    }

    /**
     * Reads the frontier of a tree of {@code size} leaves from stored nodes, e.g. when a server restarts: one node per
     * set bit of {@code size}.
     */
    public static Frontier read(NodeReader nodes, long size) {
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative: " + size);
        }
        List<byte[]> hashes = new ArrayList<>();
        long begin = 0;
        for (int level = Long.SIZE - 2; level >= 0; level--) {
            long pieceSize = 1L << level;
            if ((size & pieceSize) != 0) {
                hashes.add(nodes.node(level, begin >>> level));
                begin += pieceSize;
            }
        }
        return new Frontier(size, hashes);
    }

    @Override
    public List<byte[]> hashes() {
        return hashes.stream().map(byte[]::clone).toList();
    }

    /** {@code MTH(D[size])}: the frontier folded from the right (RFC 9162 §2.1.1). */
    public byte[] rootHash() {
        if (hashes.isEmpty()) {
            return TreeHasher.emptyRoot();
        }
        byte[] root = hashes.get(hashes.size() - 1);
        for (int i = hashes.size() - 2; i >= 0; i--) {
            root = TreeHasher.nodeHash(hashes.get(i), root);
        }
        return root.clone();
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof Frontier that) || size != that.size) {
            return false;
        }
        for (int i = 0; i < hashes.size(); i++) {
            if (!Arrays.equals(hashes.get(i), that.hashes.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int result = Long.hashCode(size);
        for (byte[] hash : hashes) {
            result = 31 * result + Arrays.hashCode(hash);
        }
        return result;
    }

    @Override
    public String toString() {
        HexFormat hex = HexFormat.of();
        return "Frontier[size=" + size + ", hashes=" + hashes.stream().map(hex::formatHex).toList() + "]";
    }
}
