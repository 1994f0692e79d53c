package vn.hdnd.ledger.proofs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The NodeReader-based tree agrees with the naive RFC definitions ({@link ReferenceMerkle}) for every size 1..64 and
 * some larger random sizes: every root, every audit path, every consistency proof; and every one of them verifies.
 */
class MerkleTreeAgainstReferenceTest {

    static Stream<Integer> sizes() {
        Random random = new Random(9162);
        return Stream.concat(IntStream.rangeClosed(1, 64).boxed(),
                Stream.of(127, 128, 129, 255, 256, 257, 300 + random.nextInt(200), 600 + random.nextInt(400)));
    }

    @ParameterizedTest(name = "tree size {0}")
    @MethodSource("sizes")
    void rootsAndAuditPathsEqualTheReference(int size) throws ProofException {
        List<byte[]> leaves = TestTrees.leafHashes(size);
        InMemoryTree tree = InMemoryTree.of(leaves);
        byte[] root = ReferenceMerkle.mth(leaves);

        assertThat(MerkleTree.rootHash(tree, size)).isEqualTo(root);
        for (int index = 0; index < size; index++) {
            List<byte[]> proof = MerkleTree.inclusionProof(tree, index, size);
            assertThat(proof).as("PATH(%d, D[%d])", index, size)
                    .containsExactlyElementsOf(ReferenceMerkle.path(index, leaves));
            ProofVerifier.verifyInclusion(leaves.get(index), index, size, proof, root);
        }
    }

    @ParameterizedTest(name = "tree size {0}")
    @MethodSource("sizes")
    void consistencyProofsEqualTheReference(int size) throws ProofException {
        List<byte[]> leaves = TestTrees.leafHashes(size);
        InMemoryTree tree = InMemoryTree.of(leaves);
        byte[] root = ReferenceMerkle.mth(leaves);
        // Every pair for small trees; for large ones every old size would be slow, so a spread of them.
        int step = size <= 64 ? 1 : Math.max(1, size / 40);
        for (int m = 0; m <= size; m += (m < 3 || m > size - 3) ? 1 : step) {
            List<byte[]> proof = MerkleTree.consistencyProof(tree, m, size);
            if (m > 0 && m < size) {
                assertThat(proof).as("PROOF(%d, D[%d])", m, size)
                        .containsExactlyElementsOf(ReferenceMerkle.proof(m, leaves));
            } else {
                assertThat(proof).isEmpty();
            }
            ProofVerifier.verifyConsistency(m, size, proof, ReferenceMerkle.mth(leaves.subList(0, m)), root);
        }
    }

    @ParameterizedTest(name = "tree size {0}")
    @MethodSource("sizes")
    void aProofReadsAtMostOrderLogSquaredNodes(int size) {
        InMemoryTree tree = InMemoryTree.of(TestTrees.leafHashes(size));
        int log = 64 - Long.numberOfLeadingZeros(size);
        int bound = (log + 1) * (log + 1);
        for (int index = 0; index < size; index++) {
            TestTrees.CountingReader reader = new TestTrees.CountingReader(tree);
            MerkleTree.inclusionProof(reader, index, size);
            assertThat(reader.reads.get()).as("reads for leaf %d of %d", index, size).isLessThanOrEqualTo(bound);
        }
        for (int m = 1; m < size; m++) {
            TestTrees.CountingReader reader = new TestTrees.CountingReader(tree);
            MerkleTree.consistencyProof(reader, m, size);
            assertThat(reader.reads.get()).as("reads for %d..%d", m, size).isLessThanOrEqualTo(bound);
        }
        TestTrees.CountingReader reader = new TestTrees.CountingReader(tree);
        MerkleTree.rootHash(reader, size);
        assertThat(reader.reads.get()).isEqualTo(Long.bitCount(size));
    }

    @Test
    void aSmallerTreeIsServedFromTheNodesOfALargerOne() throws ProofException {
        List<byte[]> leaves = TestTrees.leafHashes(100);
        InMemoryTree tree = InMemoryTree.of(leaves);
        for (int size = 1; size <= 100; size++) {
            byte[] root = ReferenceMerkle.mth(leaves.subList(0, size));
            assertThat(tree.rootHash(size)).isEqualTo(root);
            ProofVerifier.verifyInclusion(leaves.get(size / 2), size / 2, size, tree.inclusionProof(size / 2, size),
                    root);
        }
    }

    @Test
    void refusesProofsOutsideTheTree() {
        InMemoryTree tree = InMemoryTree.of(TestTrees.leafHashes(5));
        assertThatThrownBy(() -> MerkleTree.inclusionProof(tree, 5, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleTree.inclusionProof(tree, -1, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleTree.consistencyProof(tree, 4, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleTree.rootHash(tree, -1)).isInstanceOf(IllegalArgumentException.class);
        // Asking a store for a node it cannot have is a bug in the caller, and says so.
        assertThatThrownBy(() -> MerkleTree.rootHash(tree, 6)).isInstanceOf(IllegalStateException.class);
    }
}
