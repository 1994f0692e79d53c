package vn.hdnd.ledger.proofs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The worked 7-leaf example of RFC 6962 §2.1.3 (the same tree in RFC 9162 §2.1.5), with every named node built by
 * hand from the leaf data:
 * <pre>
 *             hash
 *            /    \
 *           k      l
 *          / \    / \
 *         g   h  i   j
 *        / \ / \/ \  |
 *        a b c d e f d6
 * </pre>
 */
class Rfc6962ExampleTest {

    static byte[] a, b, c, d, e, f, j, g, h, i, k, l, root;
    static InMemoryTree tree;

    @BeforeAll
    static void buildTheExample() {
        List<byte[]> leaves = new ArrayList<>();
        for (int n = 0; n < 7; n++) {
            leaves.add(TreeHasher.leafHash(("d" + n).getBytes(StandardCharsets.UTF_8)));
        }
        a = leaves.get(0);
        b = leaves.get(1);
        c = leaves.get(2);
        d = leaves.get(3);
        e = leaves.get(4);
        f = leaves.get(5);
        j = leaves.get(6);
        g = TreeHasher.nodeHash(a, b);
        h = TreeHasher.nodeHash(c, d);
        i = TreeHasher.nodeHash(e, f);
        k = TreeHasher.nodeHash(g, h);
        l = TreeHasher.nodeHash(i, j);
        root = TreeHasher.nodeHash(k, l);
        tree = InMemoryTree.of(leaves);
    }

    @Test
    void rootIsTheHashOfKAndL() {
        assertThat(tree.rootHash()).isEqualTo(root);
    }

    @Test
    void auditPathsAreThoseOfTheRfc() throws ProofException {
        // "The audit path for d0 is [b, h, l]." and so on (RFC 6962 §2.1.3).
        assertThat(tree.inclusionProof(0, 7)).containsExactly(b, h, l);
        assertThat(tree.inclusionProof(3, 7)).containsExactly(c, g, l);
        assertThat(tree.inclusionProof(4, 7)).containsExactly(f, j, k);
        assertThat(tree.inclusionProof(6, 7)).containsExactly(i, k);
        for (int index = 0; index < 7; index++) {
            ProofVerifier.verifyInclusion(tree.leafHash(index), index, 7, tree.inclusionProof(index, 7), root);
        }
    }

    @Test
    void consistencyProofsAreThoseOfTheRfc() throws ProofException {
        // hash0 = MTH(D[0:3]), hash1 = k = MTH(D[0:4]), hash2 = MTH(D[0:6]).
        byte[] hash0 = TreeHasher.nodeHash(g, c);
        byte[] hash2 = TreeHasher.nodeHash(k, i);

        assertThat(tree.consistencyProof(3, 7)).containsExactly(c, d, g, l);
        assertThat(tree.consistencyProof(4, 7)).containsExactly(l);
        assertThat(tree.consistencyProof(6, 7)).containsExactly(i, j, k);

        ProofVerifier.verifyConsistency(3, 7, List.of(c, d, g, l), hash0, root);
        ProofVerifier.verifyConsistency(4, 7, List.of(l), k, root);
        ProofVerifier.verifyConsistency(6, 7, List.of(i, j, k), hash2, root);
    }
}
