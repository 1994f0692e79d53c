package vn.hdnd.ledger.proofs;

import java.util.ArrayList;
import java.util.List;

/**
 * Appends leaves to a tree kept as a {@link Frontier} (a "compact range" over {@code [0, size)}), reporting every
 * perfect subtree node that the append completes.
 *
 * <p>Appending leaf {@code n} always creates node (0, n); then, for each trailing one bit of {@code n}, the two
 * youngest frontier entries are siblings and merge into their parent. The caller stores the returned nodes (they never
 * change afterwards) and keeps the new frontier, so the tree grows in O(log n) work per leaf and in batches of any
 * size, without ever reading old leaves.
 */
public final class TreeAppender {

    private TreeAppender() {
    }

    /** The outcome of an append: the new frontier and the nodes to store, in creation order. */
    public record Result(Frontier frontier, List<TreeNode> newNodes) {
        public Result {
            newNodes = List.copyOf(newNodes);
        }

        /** The root after the append, same as {@code frontier().rootHash()}. */
        public byte[] rootHash() {
            return frontier.rootHash();
        }
    }

    /** Appends one leaf hash (see {@link LedgerLeaf#leafHash()}). */
    public static Result append(Frontier frontier, byte[] leafHash) {
        return append(frontier, List.of(leafHash));
    }

    /** Appends leaf hashes in order; {@code appendAll(f, [a, b])} equals appending a then b. */
    public static Result append(Frontier frontier, List<byte[]> leafHashes) {
        long size = frontier.size();
        List<byte[]> hashes = new ArrayList<>(frontier.hashes());
        List<TreeNode> created = new ArrayList<>();
        for (byte[] leafHash : leafHashes) {
            if (!TreeHasher.isHash(leafHash)) {
                throw new IllegalArgumentException("a leaf hash has " + TreeHasher.HASH_SIZE + " bytes");
            }
            if (size == Long.MAX_VALUE) {
                throw new IllegalStateException("the tree is full");
            }
            byte[] hash = leafHash;
            int level = 0;
            long index = size;
            created.add(new TreeNode(level, index, hash));
            while (((size >>> level) & 1) == 1) {
                byte[] left = hashes.remove(hashes.size() - 1);
                hash = TreeHasher.nodeHash(left, hash);
                level++;
                index >>>= 1;
                created.add(new TreeNode(level, index, hash));
            }
            hashes.add(hash);
            size++;
        }
        return new Result(new Frontier(size, hashes), created);
    }
}
