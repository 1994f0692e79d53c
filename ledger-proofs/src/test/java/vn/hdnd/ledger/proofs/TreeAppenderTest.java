package vn.hdnd.ledger.proofs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TreeAppenderTest {

    /** A stand-in for the server's node table. */
    static final class MapStore implements NodeReader {
        final Map<String, byte[]> nodes = new HashMap<>();

        void store(List<TreeNode> created) {
            for (TreeNode node : created) {
                byte[] previous = nodes.putIfAbsent(node.level() + "/" + node.index(), node.hash());
                assertThat(previous).as("node %s stored twice", node).isNull();
            }
        }

        @Override
        public byte[] node(int level, long index) {
            byte[] hash = nodes.get(level + "/" + index);
            if (hash == null) {
                throw new IllegalStateException("no node " + level + "/" + index);
            }
            return hash;
        }
    }

    @Test
    void appendingOneLeafAtATimeMatchesTheReferenceAtEverySize() throws ProofException {
        List<byte[]> leaves = TestTrees.leafHashes(300);
        MapStore store = new MapStore();
        Frontier frontier = Frontier.empty();
        assertThat(frontier.rootHash()).isEqualTo(TreeHasher.emptyRoot());
        for (int size = 1; size <= leaves.size(); size++) {
            TreeAppender.Result result = TreeAppender.append(frontier, leaves.get(size - 1));
            store.store(result.newNodes());
            frontier = result.frontier();

            byte[] expected = ReferenceMerkle.mth(leaves.subList(0, size));
            assertThat(frontier.size()).isEqualTo(size);
            assertThat(frontier.hashes()).hasSize(Long.bitCount(size));
            assertThat(frontier.rootHash()).as("frontier root at size %d", size).isEqualTo(expected);
            assertThat(result.rootHash()).isEqualTo(expected);
            assertThat(MerkleTree.rootHash(store, size)).as("stored root at size %d", size).isEqualTo(expected);
            // The store is enough to answer proofs, and to rebuild the frontier after a restart.
            assertThat(Frontier.read(store, size)).isEqualTo(frontier);
            int index = (size * 7) % size;
            ProofVerifier.verifyInclusion(leaves.get(index), index, size,
                    MerkleTree.inclusionProof(store, index, size), expected);
        }
        // Exactly the perfect nodes exist: 2n - popcount(n) of them.
        assertThat(store.nodes).hasSize(2 * 300 - Integer.bitCount(300));
    }

    @Test
    void appendingInUnevenBatchesGivesTheSameNodesAndRoot() {
        List<byte[]> leaves = TestTrees.leafHashes(500);
        MapStore oneByOne = new MapStore();
        Frontier single = Frontier.empty();
        for (byte[] leaf : leaves) {
            TreeAppender.Result result = TreeAppender.append(single, leaf);
            oneByOne.store(result.newNodes());
            single = result.frontier();
        }

        Random random = new Random(6962);
        MapStore batched = new MapStore();
        Frontier frontier = Frontier.empty();
        int next = 0;
        while (next < leaves.size()) {
            int batch = Math.min(leaves.size() - next, random.nextInt(40));
            TreeAppender.Result result = TreeAppender.append(frontier, leaves.subList(next, next + batch));
            batched.store(result.newNodes());
            frontier = result.frontier();
            next += batch;
            assertThat(frontier.rootHash()).isEqualTo(ReferenceMerkle.mth(leaves.subList(0, next)));
        }
        assertThat(frontier).isEqualTo(single);
        assertThat(batched.nodes.keySet()).isEqualTo(oneByOne.nodes.keySet());
        batched.nodes.forEach((key, hash) -> assertThat(hash).isEqualTo(oneByOne.nodes.get(key)));
    }

    @Test
    void reportsTheNodesEachAppendCompletes() {
        List<byte[]> leaves = TestTrees.leafHashes(8);
        TreeAppender.Result seven = TreeAppender.append(Frontier.empty(), leaves.subList(0, 7));
        TreeAppender.Result eight = TreeAppender.append(seven.frontier(), leaves.get(7));
        List<String> created = new ArrayList<>();
        eight.newNodes().forEach(node -> created.add(node.level() + "/" + node.index()));
        // Leaf 7 completes (1,3), (2,1) and the whole tree (3,0).
        assertThat(created).containsExactly("0/7", "1/3", "2/1", "3/0");
        assertThat(eight.frontier().hashes()).hasSize(1);
        assertThat(eight.frontier().hashes().get(0)).isEqualTo(ReferenceMerkle.mth(leaves));
    }
}
