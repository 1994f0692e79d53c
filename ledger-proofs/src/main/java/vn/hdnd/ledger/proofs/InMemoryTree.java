package vn.hdnd.ledger.proofs;

import java.util.ArrayList;
import java.util.List;

/**
 * A whole tree held in memory: every perfect subtree node over a list of leaf hashes. For tests and for the offline
 * verifier, which rebuilds a log from an export; the server keeps the same nodes in its database instead.
 *
 * <p>Like a database-backed store, it answers only for perfect nodes, so code that works against it cannot
 * accidentally depend on nodes a real store would not have.
 */
public final class InMemoryTree implements NodeReader {

    /** levels.get(L).get(i) is node (L, i). */
    private final List<List<byte[]>> levels = new ArrayList<>();

    public InMemoryTree() {
        levels.add(new ArrayList<>());
    }

    /** A tree over the given leaf hashes, in order. */
    public static InMemoryTree of(List<byte[]> leafHashes) {
        InMemoryTree tree = new InMemoryTree();
        leafHashes.forEach(tree::append);
        return tree;
    }

    /** Adds a leaf hash at index {@link #size()} and every perfect node it completes. */
    public void append(byte[] leafHash) {
        if (!TreeHasher.isHash(leafHash)) {
            throw new IllegalArgumentException("a leaf hash has " + TreeHasher.HASH_SIZE + " bytes");
        }
        byte[] hash = leafHash.clone();
        int level = 0;
        while (true) {
            List<byte[]> nodes = levelList(level);
            nodes.add(hash);
            int count = nodes.size();
            if (count % 2 == 1) {
                return;
            }
            hash = TreeHasher.nodeHash(nodes.get(count - 2), nodes.get(count - 1));
            level++;
        }
    }

    public long size() {
        return levels.get(0).size();
    }

    @Override
    public byte[] node(int level, long index) {
        if (level < 0 || level >= levels.size() || index < 0 || index >= levels.get(level).size()) {
            throw new IllegalStateException("no perfect node (level " + level + ", index " + index
                    + ") in a tree of size " + size());
        }
        return levels.get(level).get((int) index).clone();
    }

    /** The leaf hash at {@code index}. */
    public byte[] leafHash(long index) {
        return node(0, index);
    }

    public byte[] rootHash() {
        return MerkleTree.rootHash(this, size());
    }

    public byte[] rootHash(long treeSize) {
        requireSize(treeSize);
        return MerkleTree.rootHash(this, treeSize);
    }

    public List<byte[]> inclusionProof(long leafIndex, long treeSize) {
        requireSize(treeSize);
        return MerkleTree.inclusionProof(this, leafIndex, treeSize);
    }

    public List<byte[]> consistencyProof(long fromSize, long toSize) {
        requireSize(toSize);
        return MerkleTree.consistencyProof(this, fromSize, toSize);
    }

    private void requireSize(long treeSize) {
        if (treeSize > size()) {
            throw new IllegalArgumentException("tree size " + treeSize + " exceeds the " + size() + " leaves held");
        }
    }

    private List<byte[]> levelList(int level) {
        while (levels.size() <= level) {
            levels.add(new ArrayList<>());
        }
        return levels.get(level);
    }
}
