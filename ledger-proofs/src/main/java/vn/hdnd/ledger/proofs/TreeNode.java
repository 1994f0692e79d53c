package vn.hdnd.ledger.proofs;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A perfect subtree root: node ({@code level}, {@code index}) covers leaves {@code [index·2^level, (index+1)·2^level)}.
 * This is the unit a store persists; see {@link NodeReader}.
 */
public record TreeNode(int level, long index, byte[] hash) {

    public TreeNode {
        if (level < 0 || level > 63) {
            throw new IllegalArgumentException("level must be in [0, 63]: " + level);
        }
        if (index < 0) {
            throw new IllegalArgumentException("index must not be negative: " + index);
        }
        if (!TreeHasher.isHash(hash)) {
            throw new IllegalArgumentException("a node hash has " + TreeHasher.HASH_SIZE + " bytes");
        }
        hash = hash.clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TreeNode that
                && level == that.level && index == that.index && Arrays.equals(hash, that.hash);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * level + Long.hashCode(index)) + Arrays.hashCode(hash);
    }

    @Override
    public String toString() {
        return "TreeNode[level=" + level + ", index=" + index + ", hash=" + HexFormat.of().formatHex(hash) + "]";
    }
}
