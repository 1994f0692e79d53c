package vn.hdnd.ledger.proofs;

/**
 * Read access to the stored perfect subtrees of the tree.
 *
 * <p>Node (level {@code L}, index {@code i}) is the root of the perfect subtree over leaves
 * {@code [i·2^L, (i+1)·2^L)}; level 0 holds the leaf hashes. Such a node never changes once its last leaf exists, so
 * a store can keep it forever (see {@link TreeAppender}). {@link MerkleTree} only ever asks for nodes whose leaves all
 * lie inside the tree size it was given; incomplete right-edge subtrees are computed from perfect ones.
 */
@FunctionalInterface
public interface NodeReader {

    /**
     * The 32-byte hash of node ({@code level}, {@code index}).
     *
     * @throws IllegalStateException (or another runtime exception) if the store does not have the node
     */
    byte[] node(int level, long index);
}
