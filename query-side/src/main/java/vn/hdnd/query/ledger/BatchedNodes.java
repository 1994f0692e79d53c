package vn.hdnd.query.ledger;

import vn.hdnd.ledger.proofs.NodeReader;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Runs a tree computation (a root, a proof, a frontier) with all its node reads in one fetch. Which nodes a
 * computation reads depends only on leaf indexes and tree sizes, never on hash values; so a first run with placeholder
 * hashes names the nodes, they are fetched together, and the computation runs again on them. A proof at a million
 * leaves needs a few dozen nodes: one query by primary key instead of a few dozen round trips.
 */
final class BatchedNodes {
    private static final byte[] PLACEHOLDER = new byte[32];

    record Key(int level, long index) {
    }

    private BatchedNodes() {
    }

    static <T> T compute(Function<NodeReader, T> computation, Function<Set<Key>, Map<Key, byte[]>> fetch) {
        Set<Key> wanted = new LinkedHashSet<>();
        computation.apply((level, index) -> {
            wanted.add(new Key(level, index));
            return PLACEHOLDER;
        });
        Map<Key, byte[]> found = wanted.isEmpty() ? Map.of() : fetch.apply(wanted);
        return computation.apply((level, index) -> {
            byte[] hash = found.get(new Key(level, index));
            if (hash == null) {
                throw new IllegalStateException("ledger node (" + level + ", " + index + ") is not stored");
            }
            return hash;
        });
    }
}
