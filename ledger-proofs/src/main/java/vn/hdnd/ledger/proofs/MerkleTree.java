package vn.hdnd.ledger.proofs;

import java.util.ArrayList;
import java.util.List;

/**
 * Roots and proofs of the RFC 9162 Merkle tree, computed from stored perfect subtrees.
 *
 * <p>The definitions are the recursive ones of RFC 9162 §2.1.1 (MTH), §2.1.3.1 (PATH) and §2.1.4.1 (PROOF /
 * SUBPROOF): split {@code D[n]} at {@code k}, the largest power of two smaller than {@code n}. The left part
 * {@code D[0:k]} is always a perfect subtree and is read from the {@link NodeReader} in one call; only the right part
 * may be incomplete, and it is rebuilt from its own perfect pieces (at most one per set bit of its size). A proof
 * therefore reads O(log² n) nodes at most and never rehashes leaves, which is what lets the server answer from
 * PostgreSQL.
 */
public final class MerkleTree {

    private MerkleTree() {
    }

    /** {@code MTH(D[treeSize])}; the empty-tree hash for size 0 (RFC 9162 §2.1.1). */
    public static byte[] rootHash(NodeReader nodes, long treeSize) {
        if (treeSize < 0) {
            throw new IllegalArgumentException("tree size must not be negative: " + treeSize);
        }
        return treeSize == 0 ? TreeHasher.emptyRoot() : subtreeHash(nodes, 0, treeSize);
    }

    /**
     * The audit path {@code PATH(leafIndex, D[treeSize])} of RFC 9162 §2.1.3.1, ordered from the leaf's sibling up to
     * the child of the root.
     */
    public static List<byte[]> inclusionProof(NodeReader nodes, long leafIndex, long treeSize) {
        if (leafIndex < 0 || leafIndex >= treeSize) {
            throw new IllegalArgumentException(
                    "leaf index " + leafIndex + " is not in a tree of size " + treeSize);
        }
        List<byte[]> path = new ArrayList<>();
        auditPath(nodes, leafIndex, 0, treeSize, path);
        return path;
    }

    /**
     * The consistency proof {@code PROOF(fromSize, D[toSize])} of RFC 9162 §2.1.4.1. The RFC defines it for
     * {@code 0 < fromSize < toSize}; for {@code fromSize == 0} and {@code fromSize == toSize} the proof is empty, as
     * every verifier expects.
     */
    public static List<byte[]> consistencyProof(NodeReader nodes, long fromSize, long toSize) {
        if (fromSize < 0 || fromSize > toSize) {
            throw new IllegalArgumentException(
                    "no consistency proof from size " + fromSize + " to size " + toSize);
        }
        List<byte[]> proof = new ArrayList<>();
        if (fromSize > 0 && fromSize < toSize) {
            subproof(nodes, fromSize, 0, toSize, true, proof);
        }
        return proof;
    }

    /** PATH(m, D[begin:end]) with m an absolute leaf index; appends leaf-first. */
    private static void auditPath(NodeReader nodes, long m, long begin, long end, List<byte[]> path) {
        long n = end - begin;
        if (n == 1) {
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m < begin + k) {
            auditPath(nodes, m, begin, begin + k, path);
            path.add(subtreeHash(nodes, begin + k, end));
        } else {
            auditPath(nodes, m, begin + k, end, path);
            path.add(perfectNode(nodes, begin, k));
        }
    }

    /** SUBPROOF(m, D[begin:end], b) with m counted from begin; appends in the RFC's order. */
    private static void subproof(NodeReader nodes, long m, long begin, long end, boolean b, List<byte[]> proof) {
        long n = end - begin;
        if (m == n) {
            if (!b) {
                proof.add(subtreeHash(nodes, begin, end));
            }
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(nodes, m, begin, begin + k, b, proof);
            proof.add(subtreeHash(nodes, begin + k, end));
        } else {
            subproof(nodes, m - k, begin + k, end, false, proof);
            proof.add(perfectNode(nodes, begin, k));
        }
    }

    /**
     * MTH(D[begin:end]) for a subtree that the RFC's recursion produces: {@code begin} is a multiple of the smallest
     * power of two not below {@code end - begin}. Such a range splits into perfect pieces, one per set bit of its size,
     * largest first; the hash folds them from the right, exactly as the recursive definition does.
     */
    static byte[] subtreeHash(NodeReader nodes, long begin, long end) {
        long size = end - begin;
        byte[] hash = null;
        long pieceEnd = end;
        for (int level = 0; level < Long.SIZE - 1; level++) {
            long pieceSize = 1L << level;
            if ((size & pieceSize) != 0) {
                long pieceBegin = pieceEnd - pieceSize;
                byte[] piece = read(nodes, level, pieceBegin >>> level);
                hash = hash == null ? piece : TreeHasher.nodeHash(piece, hash);
                pieceEnd = pieceBegin;
            }
        }
        return hash;
    }

    private static byte[] perfectNode(NodeReader nodes, long begin, long size) {
        int level = Long.numberOfTrailingZeros(size);
        return read(nodes, level, begin >>> level);
    }

    private static byte[] read(NodeReader nodes, int level, long index) {
        byte[] hash = nodes.node(level, index);
        if (!TreeHasher.isHash(hash)) {
            throw new IllegalStateException("node store returned no " + TreeHasher.HASH_SIZE
                    + "-byte hash for node (level " + level + ", index " + index + ")");
        }
        return hash;
    }

    /** The k of RFC 9162 §2.1.1: the largest power of two strictly smaller than n (n > 1). */
    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }
}
