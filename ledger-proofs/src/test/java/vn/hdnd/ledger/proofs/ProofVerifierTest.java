package vn.hdnd.ledger.proofs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every valid proof verifies, and every corrupted variant of it fails, in the style of transparency-dev/merkle's
 * proofgen: wrong index, wrong size, wrong leaf, wrong roots, flipped bits, and hashes added, removed or moved.
 */
class ProofVerifierTest {

    private static final Random RANDOM = new Random(6962);

    static Stream<Integer> sizes() {
        return Stream.concat(IntStream.rangeClosed(1, 33).boxed(), Stream.of(63, 64, 65, 100));
    }

    @ParameterizedTest(name = "tree size {0}")
    @MethodSource("sizes")
    void everyCorruptedInclusionProofFails(int size) {
        List<byte[]> leaves = TestTrees.leafHashes(size);
        InMemoryTree tree = InMemoryTree.of(leaves);
        byte[] root = tree.rootHash();
        for (int index = 0; index < size; index++) {
            List<byte[]> proof = tree.inclusionProof(index, size);
            byte[] leaf = leaves.get(index);
            int i = index;
            assertThatCode(() -> ProofVerifier.verifyInclusion(leaf, i, size, proof, root)).doesNotThrowAnyException();

            Map<String, InclusionCall> probes = new LinkedHashMap<>();
            probes.put("leaf index - 1", () -> ProofVerifier.verifyInclusion(leaf, i - 1, size, proof, root));
            probes.put("leaf index + 1", () -> ProofVerifier.verifyInclusion(leaf, i + 1, size, proof, root));
            probes.put("leaf index XOR 2", () -> ProofVerifier.verifyInclusion(leaf, i ^ 2, size, proof, root));
            probes.put("tree size * 2", () -> ProofVerifier.verifyInclusion(leaf, i, size * 2L, proof, root));
            probes.put("tree size / 2", () -> ProofVerifier.verifyInclusion(leaf, i, size / 2, proof, root));
            probes.put("wrong leaf", () -> ProofVerifier.verifyInclusion(
                    TreeHasher.leafHash(new byte[] {42}), i, size, proof, root));
            probes.put("empty root", () -> ProofVerifier.verifyInclusion(leaf, i, size, proof, new byte[0]));
            probes.put("empty-tree root", () -> ProofVerifier.verifyInclusion(
                    leaf, i, size, proof, TreeHasher.emptyRoot()));
            probes.put("random root", () -> ProofVerifier.verifyInclusion(leaf, i, size, proof, randomHash()));
            probes.put("hash appended", () -> ProofVerifier.verifyInclusion(
                    leaf, i, size, with(proof, proof.size(), randomHash()), root));
            probes.put("hash prepended", () -> ProofVerifier.verifyInclusion(
                    leaf, i, size, with(proof, 0, randomHash()), root));
            probes.put("root appended", () -> ProofVerifier.verifyInclusion(
                    leaf, i, size, with(proof, proof.size(), root), root));
            probes.put("root prepended", () -> ProofVerifier.verifyInclusion(
                    leaf, i, size, with(proof, 0, root), root));
            for (int p = 0; p < proof.size(); p++) {
                int at = p;
                probes.put("hash " + p + " removed", () -> ProofVerifier.verifyInclusion(
                        leaf, i, size, without(proof, at), root));
                for (int bit : new int[] {0, 7, 255}) {
                    probes.put("hash " + p + " bit " + bit + " flipped", () -> ProofVerifier.verifyInclusion(
                            leaf, i, size, flipped(proof, at, bit), root));
                }
            }
            probes.forEach((name, call) -> assertThat(catchThrowable(call::run))
                    .as("size %d, leaf %d: %s", size, i, name)
                    .isInstanceOf(ProofException.class));
        }
    }

    @ParameterizedTest(name = "tree size {0}")
    @MethodSource("sizes")
    void everyCorruptedConsistencyProofFails(int size2) {
        List<byte[]> leaves = TestTrees.leafHashes(size2);
        InMemoryTree tree = InMemoryTree.of(leaves);
        byte[] root2 = tree.rootHash();
        for (int size1 = 0; size1 <= size2; size1++) {
            List<byte[]> proof = tree.consistencyProof(size1, size2);
            byte[] root1 = tree.rootHash(size1);
            int m = size1;
            assertThatCode(() -> ProofVerifier.verifyConsistency(m, size2, proof, root1, root2))
                    .doesNotThrowAnyException();

            Map<String, InclusionCall> probes = new LinkedHashMap<>();
            if (m != size2) {
                probes.put("sizes swapped", () -> ProofVerifier.verifyConsistency(size2, m, proof, root2, root1));
                probes.put("roots swapped", () -> ProofVerifier.verifyConsistency(m, size2, proof, root2, root1));
            }
            probes.put("size1 - 1", () -> ProofVerifier.verifyConsistency(m - 1, size2, proof, root1, root2));
            probes.put("size1 + 1", () -> ProofVerifier.verifyConsistency(m + 1, size2, proof, root1, root2));
            probes.put("size1 XOR 2", () -> ProofVerifier.verifyConsistency(m ^ 2, size2, proof, root1, root2));
            if (m > 0) {
                // Every tree extends the empty tree, so from size 0 nothing about the new tree can be wrong.
                probes.put("size2 * 2", () -> ProofVerifier.verifyConsistency(m, size2 * 2L, proof, root1, root2));
                probes.put("size2 / 2", () -> ProofVerifier.verifyConsistency(m, size2 / 2, proof, root1, root2));
                // Not size2 ± 1: neighbouring sizes often give the proof the same shape (from size 1 it is leaf 0's
                // audit path, the same for sizes 5..8), so a proof never pins size2 by itself; the signed checkpoint
                // does. proofgen probes size2 * 2 and / 2 for the same reason.
                probes.put("random root2", () -> ProofVerifier.verifyConsistency(m, size2, proof, root1, randomHash()));
            }
            probes.put("random root1", () -> ProofVerifier.verifyConsistency(m, size2, proof, randomHash(), root2));
            probes.put("empty root1", () -> ProofVerifier.verifyConsistency(m, size2, proof, new byte[0], root2));
            probes.put("empty root2", () -> ProofVerifier.verifyConsistency(m, size2, proof, root1, new byte[0]));
            probes.put("hash appended", () -> ProofVerifier.verifyConsistency(
                    m, size2, with(proof, proof.size(), randomHash()), root1, root2));
            probes.put("hash prepended", () -> ProofVerifier.verifyConsistency(
                    m, size2, with(proof, 0, randomHash()), root1, root2));
            probes.put("root1 prepended", () -> ProofVerifier.verifyConsistency(
                    m, size2, with(proof, 0, root1), root1, root2));
            probes.put("root2 appended", () -> ProofVerifier.verifyConsistency(
                    m, size2, with(proof, proof.size(), root2), root1, root2));
            for (int p = 0; p < proof.size(); p++) {
                int at = p;
                probes.put("hash " + p + " removed", () -> ProofVerifier.verifyConsistency(
                        m, size2, without(proof, at), root1, root2));
                for (int bit : new int[] {0, 100, 255}) {
                    probes.put("hash " + p + " bit " + bit + " flipped", () -> ProofVerifier.verifyConsistency(
                            m, size2, flipped(proof, at, bit), root1, root2));
                }
            }
            probes.forEach((name, call) -> assertThat(catchThrowable(call::run))
                    .as("%d -> %d: %s", m, size2, name)
                    .isInstanceOf(ProofException.class));
        }
    }

    @Test
    void inclusionEdgeCases() {
        byte[] leaf = TreeHasher.leafHash(new byte[] {1});
        assertThatThrownBy(() -> ProofVerifier.verifyInclusion(leaf, 0, 0, List.of(), TreeHasher.emptyRoot()))
                .isInstanceOf(ProofException.class).hasMessageContaining("size 0");
        assertThatThrownBy(() -> ProofVerifier.verifyInclusion(leaf, 1, 1, List.of(), leaf))
                .isInstanceOf(ProofException.class).hasMessageContaining("outside a tree of size 1");
        assertThatThrownBy(() -> ProofVerifier.verifyInclusion(leaf, 0, 1, List.of(leaf), leaf))
                .isInstanceOf(ProofException.class).hasMessageContaining("has 0 hashes, this one has 1");
        assertThatThrownBy(() -> ProofVerifier.verifyInclusion(leaf, 0, 1, List.of(new byte[31]), leaf))
                .isInstanceOf(ProofException.class).hasMessageContaining("proof hash 0 must have 32 bytes");
        assertThatThrownBy(() -> ProofVerifier.verifyInclusion(leaf, 0, 1, null, leaf))
                .isInstanceOf(ProofException.class);
        // A one-leaf tree's root is its leaf hash, with an empty proof.
        assertThatCode(() -> ProofVerifier.verifyInclusion(leaf, 0, 1, List.of(), leaf)).doesNotThrowAnyException();
    }

    @Test
    void consistencyEdgeCases() {
        byte[] root = TestTrees.leafHashes(1).get(0);
        byte[] other = TestTrees.leafHashes(2).get(1);
        byte[] empty = TreeHasher.emptyRoot();
        // Same size: empty proof and equal roots, nothing else.
        assertThatCode(() -> ProofVerifier.verifyConsistency(1, 1, List.of(), root, root)).doesNotThrowAnyException();
        assertThatThrownBy(() -> ProofVerifier.verifyConsistency(1, 1, List.of(), root, other))
                .isInstanceOf(ProofException.class).hasMessageContaining("forked");
        assertThatThrownBy(() -> ProofVerifier.verifyConsistency(1, 1, List.of(root), root, root))
                .isInstanceOf(ProofException.class);
        // From the empty tree: empty proof, and the old root must be the empty-tree hash.
        assertThatCode(() -> ProofVerifier.verifyConsistency(0, 5, List.of(), empty, other))
                .doesNotThrowAnyException();
        assertThatCode(() -> ProofVerifier.verifyConsistency(0, 0, List.of(), empty, empty))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> ProofVerifier.verifyConsistency(0, 5, List.of(root), empty, other))
                .isInstanceOf(ProofException.class);
        assertThatThrownBy(() -> ProofVerifier.verifyConsistency(0, 5, List.of(), root, other))
                .isInstanceOf(ProofException.class).hasMessageContaining("size 0");
        // Shrinking and empty proofs for real growth are refused.
        assertThatThrownBy(() -> ProofVerifier.verifyConsistency(5, 4, List.of(), root, other))
                .isInstanceOf(ProofException.class).hasMessageContaining("only grows");
        assertThatThrownBy(() -> ProofVerifier.verifyConsistency(3, 4, List.of(), root, other))
                .isInstanceOf(ProofException.class).hasMessageContaining("has 3 hashes, this one has 0");
        assertThatThrownBy(() -> ProofVerifier.verifyConsistency(-1, 4, List.of(), root, other))
                .isInstanceOf(ProofException.class);
    }

    @Test
    void proofLengthsFollowFromTheSizes() {
        for (int size = 1; size <= 70; size++) {
            List<byte[]> leaves = TestTrees.leafHashes(size);
            for (int index = 0; index < size; index++) {
                assertThat(ProofVerifier.inclusionProofLength(index, size))
                        .isEqualTo(ReferenceMerkle.path(index, leaves).size());
            }
            for (int m = 1; m < size; m++) {
                assertThat(ProofVerifier.consistencyProofLength(m, size))
                        .isEqualTo(ReferenceMerkle.proof(m, leaves).size());
            }
        }
    }

    @FunctionalInterface
    interface InclusionCall {
        void run() throws ProofException;
    }

    private static byte[] randomHash() {
        byte[] hash = new byte[32];
        RANDOM.nextBytes(hash);
        return hash;
    }

    private static List<byte[]> with(List<byte[]> proof, int at, byte[] hash) {
        List<byte[]> copy = new ArrayList<>(proof);
        copy.add(at, hash);
        return copy;
    }

    private static List<byte[]> without(List<byte[]> proof, int at) {
        List<byte[]> copy = new ArrayList<>(proof);
        copy.remove(at);
        return copy;
    }

    private static List<byte[]> flipped(List<byte[]> proof, int at, int bit) {
        List<byte[]> copy = new ArrayList<>(proof);
        byte[] hash = copy.get(at).clone();
        hash[bit / 8] ^= (byte) (1 << (bit % 8));
        copy.set(at, hash);
        return copy;
    }
}
