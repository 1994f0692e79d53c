package vn.hdnd.query.ledger;

import org.junit.jupiter.api.Test;
import vn.hdnd.ledger.proofs.Frontier;
import vn.hdnd.ledger.proofs.InMemoryTree;
import vn.hdnd.ledger.proofs.MerkleTree;
import vn.hdnd.ledger.proofs.NodeReader;
import vn.hdnd.ledger.proofs.TreeHasher;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Proofs from stored nodes: the same answers as a whole tree in memory, with every node a proof needs fetched in one
 * query, and few of them even at a million leaves. This counts node reads; it does not time anything.
 */
class BatchedNodesTest {

    @Test
    void proofsAndRootsFromOneBatchedFetchAreThoseOfTheWholeTree() {
        InMemoryTree tree = new InMemoryTree();
        for (int i = 0; i < 300; i++) {
            tree.append(TreeHasher.leafHash(("leaf " + i).getBytes()));
        }
        Fetcher fetcher = new Fetcher(key -> tree.node(key.level(), key.index()));
        for (long size : new long[]{1, 2, 3, 7, 8, 9, 100, 255, 256, 257, 300}) {
            byte[] root = fetcher.run(nodes -> MerkleTree.rootHash(nodes, size));
            assertThat(root).isEqualTo(tree.rootHash(size));
            Frontier frontier = fetcher.run(nodes -> Frontier.read(nodes, size));
            assertThat(frontier).isEqualTo(Frontier.read(tree, size));
            for (long leaf : new long[]{0, size / 2, size - 1}) {
                List<byte[]> path = fetcher.run(nodes -> MerkleTree.inclusionProof(nodes, leaf, size));
                assertThat(path).containsExactlyElementsOf(tree.inclusionProof(leaf, size));
            }
            for (long from : new long[]{0, 1, size / 3, size - 1, size}) {
                List<byte[]> proof = fetcher.run(nodes -> MerkleTree.consistencyProof(nodes, from, size));
                assertThat(proof).containsExactlyElementsOf(tree.consistencyProof(from, size));
            }
        }
    }

    @Test
    void aProofAtAMillionLeavesReadsAtMostFortyNodesInOneQuery() {
        // Stand-in hashes: which nodes a proof reads does not depend on their values.
        Fetcher fetcher = new Fetcher(key -> ByteBuffer.allocate(32).putInt(key.level()).putLong(key.index()).array());
        int most = 0;
        for (long size : new long[]{1_000_000, 1_000_001, 1_048_575, 1_048_576, 999_999}) {
            for (long leaf = 0; leaf < size; leaf += 9_973) {
                long index = leaf;
                fetcher.run(nodes -> MerkleTree.inclusionProof(nodes, index, size));
                most = Math.max(most, fetcher.lastFetchSize);
            }
            for (long from = 1; from < size; from += 13_337) {
                long old = from;
                fetcher.run(nodes -> MerkleTree.consistencyProof(nodes, old, size));
                most = Math.max(most, fetcher.lastFetchSize);
            }
            fetcher.run(nodes -> Frontier.read(nodes, size));
            assertThat(fetcher.lastFetchSize).isEqualTo(Long.bitCount(size));
        }
        // log2(10^6) ≈ 20 levels: a path plus the pieces of the incomplete right edge.
        assertThat(most).isLessThanOrEqualTo(40);
    }

    @Test
    void aMissingNodeIsAnErrorNotAWrongProof() {
        assertThatThrownBy(() -> BatchedNodes.compute(nodes -> MerkleTree.rootHash(nodes, 3), keys -> Map.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("is not stored");
    }

    /** Fetches from a function of the key, counting fetches and the size of the last one. */
    private static final class Fetcher {
        final Function<BatchedNodes.Key, byte[]> source;
        final AtomicInteger fetches = new AtomicInteger();
        int lastFetchSize;

        Fetcher(Function<BatchedNodes.Key, byte[]> source) {
            this.source = source;
        }

        <T> T run(Function<NodeReader, T> computation) {
            lastFetchSize = 0;
            int before = fetches.get();
            T result = BatchedNodes.compute(computation, this::fetch);
            assertThat(fetches.get() - before).as("queries per computation").isLessThanOrEqualTo(1);
            return result;
        }

        private Map<BatchedNodes.Key, byte[]> fetch(Set<BatchedNodes.Key> keys) {
            fetches.incrementAndGet();
            lastFetchSize = keys.size();
            Map<BatchedNodes.Key, byte[]> found = new HashMap<>();
            keys.forEach(key -> found.put(key, source.apply(key)));
            return found;
        }
    }
}
