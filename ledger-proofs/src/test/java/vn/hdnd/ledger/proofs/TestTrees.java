package vn.hdnd.ledger.proofs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Shared helpers for the tree tests. */
final class TestTrees {

    private TestTrees() {
    }

    static List<byte[]> leafHashes(int count) {
        List<byte[]> hashes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            hashes.add(TreeHasher.leafHash(("leaf " + i).getBytes(StandardCharsets.UTF_8)));
        }
        return hashes;
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HexFormat.of()::formatHex).toList();
    }

    static String hex(byte[] hash) {
        return HexFormat.of().formatHex(hash);
    }

    /** Counts reads, to hold the optimized code to its O(log² n) promise. */
    static final class CountingReader implements NodeReader {
        private final NodeReader delegate;
        final AtomicInteger reads = new AtomicInteger();

        CountingReader(NodeReader delegate) {
            this.delegate = delegate;
        }

        @Override
        public byte[] node(int level, long index) {
            reads.incrementAndGet();
            return delegate.node(level, index);
        }
    }
}
