package vn.hdnd.ledger.proofs;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Verifies inclusion and consistency proofs without access to the tree, following RFC 9162 §2.1.3.2 and §2.1.4.2
 * step by step. Every check that fails throws a {@link ProofException}; returning normally means the proof holds.
 *
 * <p>Before running the RFC algorithm the proof length is compared with the length the sizes imply, so a truncated or
 * padded proof is reported as such rather than as a mismatched root.
 */
public final class ProofVerifier {

    private static final HexFormat HEX = HexFormat.of();

    private ProofVerifier() {
    }

    /**
     * Checks that {@code leafHash} is leaf {@code index} of the tree of {@code treeSize} leaves whose root is
     * {@code root} (RFC 9162 §2.1.3.2).
     */
    public static void verifyInclusion(byte[] leafHash, long index, long treeSize, List<byte[]> proof, byte[] root)
            throws ProofException {
        requireHash(leafHash, "the leaf hash");
        requireHash(root, "the root hash");
        requireHashes(proof);
        if (treeSize <= 0) {
            throw new ProofException("a tree of size " + treeSize + " contains no leaves");
        }
        // RFC 9162 §2.1.3.2 step 1: the leaf must lie inside the tree.
        if (index < 0 || index >= treeSize) {
            throw new ProofException("leaf index " + index + " is outside a tree of size " + treeSize);
        }
        int expected = inclusionProofLength(index, treeSize);
        if (proof.size() != expected) {
            throw new ProofException("an inclusion proof for leaf " + index + " in a tree of size " + treeSize
                    + " has " + expected + " hashes, this one has " + proof.size());
        }
        byte[] computed = rootFromInclusionProof(leafHash, index, treeSize, proof);
        if (!MessageDigest.isEqual(computed, root)) {
            throw new ProofException("the inclusion proof for leaf " + index + " leads to root " + HEX.formatHex(computed)
                    + ", not to " + HEX.formatHex(root));
        }
    }

    /**
     * Checks that the tree of {@code size2} leaves with root {@code root2} extends the tree of {@code size1} leaves
     * with root {@code root1} (RFC 9162 §2.1.4.2): nothing in the first {@code size1} leaves was changed, removed or
     * reordered.
     */
    public static void verifyConsistency(long size1, long size2, List<byte[]> proof, byte[] root1, byte[] root2)
            throws ProofException {
        requireHash(root1, "the first root hash");
        requireHash(root2, "the second root hash");
        requireHashes(proof);
        if (size1 < 0 || size2 < 0) {
            throw new ProofException("tree sizes must not be negative: " + size1 + ", " + size2);
        }
        if (size2 < size1) {
            throw new ProofException("the second tree (size " + size2 + ") is smaller than the first (size " + size1
                    + "): a log only grows");
        }
        if (size1 == size2) {
            if (!proof.isEmpty()) {
                throw new ProofException("two trees of the same size need an empty consistency proof, this one has "
                        + proof.size() + " hashes");
            }
            if (!MessageDigest.isEqual(root1, root2)) {
                throw new ProofException("two trees of size " + size1 + " have different roots "
                        + HEX.formatHex(root1) + " and " + HEX.formatHex(root2) + ": the log forked");
            }
            return;
        }
        if (size1 == 0) {
            // Every tree extends the empty tree, whose root is fixed (RFC 9162 §2.1.1).
            if (!proof.isEmpty()) {
                throw new ProofException("a consistency proof from the empty tree is empty, this one has "
                        + proof.size() + " hashes");
            }
            if (!MessageDigest.isEqual(root1, TreeHasher.emptyRoot())) {
                throw new ProofException("the root of a tree of size 0 must be SHA-256(\"\"), not "
                        + HEX.formatHex(root1));
            }
            return;
        }
        int expected = consistencyProofLength(size1, size2);
        if (proof.size() != expected) {
            throw new ProofException("a consistency proof from size " + size1 + " to size " + size2 + " has "
                    + expected + " hashes, this one has " + proof.size());
        }
        verifyConsistencyPath(size1, size2, proof, root1, root2);
    }

    /** RFC 9162 §2.1.3.2 steps 2 to 5, returning the computed root. */
    private static byte[] rootFromInclusionProof(byte[] leafHash, long index, long treeSize, List<byte[]> proof)
            throws ProofException {
        long fn = index;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                throw new ProofException("the inclusion proof is longer than a tree of size " + treeSize + " allows");
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = TreeHasher.nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                r = TreeHasher.nodeHash(r, p);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        if (sn != 0) {
            throw new ProofException("the inclusion proof is shorter than a tree of size " + treeSize + " needs");
        }
        return r;
    }

    /** RFC 9162 §2.1.4.2 steps 1 to 7, for 0 < size1 < size2. */
    private static void verifyConsistencyPath(long size1, long size2, List<byte[]> proof, byte[] root1, byte[] root2)
            throws ProofException {
        // Step 1: a non-trivial consistency proof is never empty.
        if (proof.isEmpty()) {
            throw new ProofException("the consistency proof from size " + size1 + " to size " + size2 + " is empty");
        }
        // Step 2: if size1 is a power of two, its root is the first node of the path.
        List<byte[]> path = new ArrayList<>(proof.size() + 1);
        if (Long.bitCount(size1) == 1) {
            path.add(root1);
        }
        path.addAll(proof);
        // Steps 3 and 4.
        long fn = size1 - 1;
        long sn = size2 - 1;
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        // Step 5.
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        // Step 6.
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                throw new ProofException("the consistency proof is longer than sizes " + size1 + " and " + size2
                        + " allow");
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = TreeHasher.nodeHash(c, fr);
                sr = TreeHasher.nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                sr = TreeHasher.nodeHash(sr, c);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        // Step 7.
        if (sn != 0) {
            throw new ProofException("the consistency proof is shorter than sizes " + size1 + " and " + size2
                    + " need");
        }
        if (!MessageDigest.isEqual(fr, root1)) {
            throw new ProofException("the consistency proof leads to old root " + HEX.formatHex(fr) + ", not to "
                    + HEX.formatHex(root1) + ": the first " + size1 + " leaves differ");
        }
        if (!MessageDigest.isEqual(sr, root2)) {
            throw new ProofException("the consistency proof leads to new root " + HEX.formatHex(sr) + ", not to "
                    + HEX.formatHex(root2));
        }
    }

    /**
     * The number of hashes in {@code PATH(index, D[treeSize])}: one per level below the point where the leaf's path
     * leaves the tree's right edge ("inner"), plus one per left sibling on the right edge ("border").
     */
    static int inclusionProofLength(long index, long treeSize) {
        int inner = Long.SIZE - Long.numberOfLeadingZeros(index ^ (treeSize - 1));
        int border = Long.bitCount(index >>> inner);
        return inner + border;
    }

    /**
     * The number of hashes in {@code PROOF(size1, D[size2])}: the inclusion path of leaf {@code size1 - 1}, minus the
     * levels inside the largest perfect subtree ending at {@code size1}, plus that subtree's root unless it is the
     * whole old tree (when {@code size1} is a power of two, the verifier already knows it as {@code root1}).
     */
    static int consistencyProofLength(long size1, long size2) {
        int shift = Long.numberOfTrailingZeros(size1);
        int inner = Long.SIZE - Long.numberOfLeadingZeros((size1 - 1) ^ (size2 - 1));
        int border = Long.bitCount((size1 - 1) >>> inner);
        int seed = Long.bitCount(size1) == 1 ? 0 : 1;
        return seed + inner - shift + border;
    }

    private static void requireHash(byte[] hash, String what) throws ProofException {
        if (!TreeHasher.isHash(hash)) {
            throw new ProofException(what + " must have " + TreeHasher.HASH_SIZE + " bytes, it has "
                    + (hash == null ? "none" : hash.length));
        }
    }

    private static void requireHashes(List<byte[]> proof) throws ProofException {
        if (proof == null) {
            throw new ProofException("the proof is missing");
        }
        for (int i = 0; i < proof.size(); i++) {
            requireHash(proof.get(i), "proof hash " + i);
        }
    }
}
