package vn.hdnd.ledger.proofs;

import java.util.ArrayList;
import java.util.List;

/**
 * MTH, PATH and PROOF written straight from the recursive definitions of RFC 9162 §2.1.1, §2.1.3.1 and §2.1.4.1,
 * over leaf hashes, with no cleverness at all. The optimized code must agree with it everywhere.
 */
final class ReferenceMerkle {

    private ReferenceMerkle() {
    }

    static byte[] mth(List<byte[]> leafHashes) {
        int n = leafHashes.size();
        if (n == 0) {
            return TreeHasher.sha256(new byte[0]);
        }
        if (n == 1) {
            return leafHashes.get(0);
        }
        int k = k(n);
        return TreeHasher.nodeHash(mth(leafHashes.subList(0, k)), mth(leafHashes.subList(k, n)));
    }

    static List<byte[]> path(int m, List<byte[]> leafHashes) {
        int n = leafHashes.size();
        List<byte[]> result = new ArrayList<>();
        if (n == 1) {
            return result;
        }
        int k = k(n);
        if (m < k) {
            result.addAll(path(m, leafHashes.subList(0, k)));
            result.add(mth(leafHashes.subList(k, n)));
        } else {
            result.addAll(path(m - k, leafHashes.subList(k, n)));
            result.add(mth(leafHashes.subList(0, k)));
        }
        return result;
    }

    static List<byte[]> proof(int m, List<byte[]> leafHashes) {
        return subproof(m, leafHashes, true);
    }

    private static List<byte[]> subproof(int m, List<byte[]> leafHashes, boolean b) {
        int n = leafHashes.size();
        List<byte[]> result = new ArrayList<>();
        if (m == n) {
            if (!b) {
                result.add(mth(leafHashes));
            }
            return result;
        }
        int k = k(n);
        if (m <= k) {
            result.addAll(subproof(m, leafHashes.subList(0, k), b));
            result.add(mth(leafHashes.subList(k, n)));
        } else {
            result.addAll(subproof(m - k, leafHashes.subList(k, n), false));
            result.add(mth(leafHashes.subList(0, k)));
        }
        return result;
    }

    /** The largest power of two smaller than n. */
    private static int k(int n) {
        int k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        return k;
    }
}
