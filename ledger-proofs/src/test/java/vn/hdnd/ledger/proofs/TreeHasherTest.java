package vn.hdnd.ledger.proofs;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hdnd.ledger.proofs.TestTrees.hex;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TreeHasherTest {

    /** Leaves and roots published with transparency-dev/merkle (testonly), used as data. */
    static final List<byte[]> CT_LEAVES = List.of(
            hex(""), hex("00"), hex("10"), hex("2021"), hex("3031"), hex("40414243"), hex("5051525354555657"),
            hex("606162636465666768696a6b6c6d6e6f"));
    static final List<String> CT_ROOTS = List.of(
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    @Test
    void emptyTreeRootIsTheHashOfNothing() {
        assertThat(hex(TreeHasher.emptyRoot())).isEqualTo(CT_ROOTS.get(0));
        assertThat(hex(MerkleTree.rootHash(new InMemoryTree(), 0))).isEqualTo(CT_ROOTS.get(0));
    }

    @Test
    void leafAndNodeHashesUseTheirOwnPrefix() {
        assertThat(TreeHasher.leafHash(hex("abcd"))).isEqualTo(TreeHasher.sha256(hex("00abcd")));
        byte[] left = TreeHasher.sha256(hex("01"));
        byte[] right = TreeHasher.sha256(hex("02"));
        byte[] concatenated = new byte[65];
        concatenated[0] = 1;
        System.arraycopy(left, 0, concatenated, 1, 32);
        System.arraycopy(right, 0, concatenated, 33, 32);
        assertThat(TreeHasher.nodeHash(left, right)).isEqualTo(TreeHasher.sha256(concatenated));
    }

    @Test
    void rootsMatchThePublishedCertificateTransparencyVectors() {
        List<byte[]> leafHashes = new ArrayList<>();
        CT_LEAVES.forEach(leaf -> leafHashes.add(TreeHasher.leafHash(leaf)));
        InMemoryTree tree = InMemoryTree.of(leafHashes);
        for (int size = 0; size <= CT_LEAVES.size(); size++) {
            assertThat(hex(tree.rootHash(size))).as("size %d", size).isEqualTo(CT_ROOTS.get(size));
        }
    }

    @Test
    void proofsMatchThePublishedCertificateTransparencyVectors() throws ProofException {
        List<byte[]> leafHashes = new ArrayList<>();
        CT_LEAVES.forEach(leaf -> leafHashes.add(TreeHasher.leafHash(leaf)));
        InMemoryTree tree = InMemoryTree.of(leafHashes);

        assertThat(hex(tree.inclusionProof(0, 8))).containsExactly(
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertThat(hex(tree.inclusionProof(5, 8))).containsExactly(
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertThat(hex(tree.consistencyProof(2, 5))).containsExactly(
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
        ProofVerifier.verifyConsistency(2, 5, tree.consistencyProof(2, 5),
                hex(CT_ROOTS.get(2)), hex(CT_ROOTS.get(5)));
    }
}
