package vn.hdnd.query.ledger;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.hdnd.ledger.proofs.Frontier;
import vn.hdnd.ledger.proofs.LedgerLeaf;
import vn.hdnd.ledger.proofs.MerkleTree;
import vn.hdnd.ledger.proofs.NodeReader;
import vn.hdnd.ledger.proofs.TreeAppender;
import vn.hdnd.query.support.Databases;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The Merkle tree over the ledger's leaves (RFC 9162), stored as its perfect subtrees in {@code ledger_node}: the
 * tables of V30__ledger.sql. Appending a batch reads the tree's right edge (one node per set bit of its size) and
 * inserts the new leaves and nodes; roots and proofs read O(log² n) nodes by primary key, in one query, and never
 * rehash leaves.
 */
@Component
class LedgerTree {
    private static final String LEAF_COLUMNS = """
            leaf_index, global_index, event_identifier, aggregate_identifier, sequence_number, aggregate_type,
            payload_type, recorded_at, payload_sha256, leaf_hash""";
    /** Their SQL types, in order, for PostgreSQL's arrays. */
    private static final String[] LEAF_TYPES = {"bigint", "bigint", "varchar", "varchar", "bigint", "varchar",
            "varchar", "varchar", "bytea", "bytea"};
    private static final String[] NODE_TYPES = {"integer", "bigint", "bytea"};

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final boolean postgres;

    LedgerTree(JdbcClient jdbc, JdbcTemplate template, DataSource dataSource) throws SQLException {
        this.jdbc = jdbc;
        this.template = template;
        this.postgres = Databases.isPostgres(dataSource);
    }

    /** The number of leaves: leaf indexes are dense, so the largest plus one. */
    long size() {
        return jdbc.sql("SELECT COALESCE(MAX(leaf_index) + 1, 0) FROM ledger_leaf").query(Long.class).single();
    }

    /**
     * Logs the events, in this order, as the next leaves. Must run in the transaction that also stores the ledger
     * processor's token, so a leaf index is assigned once and never reused. Events already logged are skipped: a
     * replay of the processor (a reset) never renumbers a leaf, it only logs what is new.
     *
     * @param firstPosition the lowest position of the processor's tokens in this batch
     * @param lastPosition  the highest
     * @return the number of leaves appended
     */
    int append(List<String> eventIds, long firstPosition, long lastPosition) {
        Set<String> ids = new LinkedHashSet<>(eventIds);
        if (ids.isEmpty()) {
            return 0;
        }
        // A token's position is the highest global index its reader has seen, which is an event's own global index
        // unless the event filled a gap below it. So the events logged in the tokens' range are found with one scan
        // of the global index, and only the rest are looked up by id: a replay asks this for every batch, and a
        // thousand ids cost a thousand lookups (a rebuild's ledger spent most of its time waiting on them).
        ids.removeAll(jdbc.sql(
                        "SELECT event_identifier FROM ledger_leaf WHERE global_index BETWEEN :first AND :last")
                .param("first", firstPosition).param("last", lastPosition).query(String.class).set());
        if (!ids.isEmpty()) {
            ids.removeAll(jdbc.sql("SELECT event_identifier FROM ledger_leaf WHERE event_identifier IN (:ids)")
                    .param("ids", ids).query(String.class).set());
        }
        if (ids.isEmpty()) {
            return 0;
        }
        // The events themselves, likewise: the tokens' range in one scan, and only what lies outside it by id.
        Map<String, StoredEvent> rows = new HashMap<>();
        Consumer<StoredEvent> keep = row -> {
            if (ids.contains(row.eventId())) {
                rows.put(row.eventId(), row);
            }
        };
        jdbc.sql("SELECT " + StoredEvent.LEAF_FIELDS
                        + " FROM domain_event_entry e WHERE e.global_index BETWEEN :first AND :last")
                .param("first", firstPosition).param("last", lastPosition)
                .query((rs, n) -> StoredEvent.read(rs))
                .list()
                .forEach(keep);
        if (rows.size() < ids.size()) {
            Set<String> outside = new HashSet<>(ids);
            outside.removeAll(rows.keySet());
            jdbc.sql("SELECT " + StoredEvent.LEAF_FIELDS
                            + " FROM domain_event_entry e WHERE e.event_identifier IN (:ids)")
                    .param("ids", outside)
                    .query((rs, n) -> StoredEvent.read(rs))
                    .list()
                    .forEach(keep);
        }

        long size = size();
        Frontier frontier = read(nodes -> Frontier.read(nodes, size));
        List<Object[]> leaves = new ArrayList<>();
        List<byte[]> hashes = new ArrayList<>();
        for (String id : ids) {
            StoredEvent event = rows.get(id);
            if (event == null) {
                throw new IllegalStateException("event " + id + " was delivered but is not in the event store");
            }
            LedgerLeaf leaf = event.leaf();
            byte[] hash = leaf.leafHash();
            leaves.add(new Object[]{size + hashes.size(), event.globalIndex(), event.eventId(), event.aggregateId(),
                    event.sequence(), event.aggregateType(), event.type(), event.recordedAt(), leaf.payloadSha256(),
                    hash});
            hashes.add(hash);
        }
        TreeAppender.Result grown = TreeAppender.append(frontier, hashes);
        insert("ledger_leaf", LEAF_COLUMNS, LEAF_TYPES, leaves);
        insert("ledger_node", "tree_level, node_index, hash", NODE_TYPES, grown.newNodes().stream()
                .map(node -> new Object[]{node.level(), node.index(), node.hash()})
                .toList());
        return hashes.size();
    }

    /**
     * Inserts the rows. On PostgreSQL in one statement, each column an array: a JDBC batch becomes statements of up to
     * 128 rows whose every value is a parameter (1,280 for 128 leaves), and PostgreSQL plans each of them anew
     * (the plan of a 128-row insert took up to 1.8 ms, bench/README.md); the arrays' statement is the same whatever
     * the number of rows.
     */
    private void insert(String table, String columns, String[] types, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        if (!postgres) {
            template.batchUpdate("INSERT INTO " + table + " (" + columns + ") VALUES ("
                    + String.join(", ", Collections.nCopies(types.length, "?")) + ")", rows);
            return;
        }
        String sql = "INSERT INTO " + table + " (" + columns + ") SELECT * FROM unnest("
                + Arrays.stream(types).map(type -> "?::" + type + "[]").collect(Collectors.joining(", ")) + ")";
        template.execute((Connection connection) -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int column = 0; column < types.length; column++) {
                    // Typed arrays: the driver encodes a byte[][] as bytea[], not each element as text.
                    Object[] values = switch (types[column]) {
                        case "bytea" -> new byte[rows.size()][];
                        case "bigint" -> new Long[rows.size()];
                        case "integer" -> new Integer[rows.size()];
                        default -> new String[rows.size()];
                    };
                    for (int row = 0; row < values.length; row++) {
                        values[row] = rows.get(row)[column];
                    }
                    statement.setArray(column + 1, connection.createArrayOf(types[column], values));
                }
                return statement.executeUpdate();
            }
        });
    }

    byte[] rootHash(long treeSize) {
        return read(nodes -> MerkleTree.rootHash(nodes, treeSize));
    }

    List<byte[]> inclusionProof(long leafIndex, long treeSize) {
        return read(nodes -> MerkleTree.inclusionProof(nodes, leafIndex, treeSize));
    }

    /** The leaf's hash and its audit path, read together. */
    record Inclusion(byte[] leafHash, List<byte[]> path) {
    }

    Inclusion inclusion(long leafIndex, long treeSize) {
        return read(nodes -> new Inclusion(nodes.node(0, leafIndex),
                MerkleTree.inclusionProof(nodes, leafIndex, treeSize)));
    }

    List<byte[]> consistencyProof(long from, long to) {
        return read(nodes -> MerkleTree.consistencyProof(nodes, from, to));
    }

    /** Runs a computation over the stored nodes, fetching every node it reads in one query. */
    <T> T read(Function<NodeReader, T> computation) {
        return BatchedNodes.compute(computation, this::fetch);
    }

    private Map<BatchedNodes.Key, byte[]> fetch(Set<BatchedNodes.Key> keys) {
        StringBuilder sql = new StringBuilder("SELECT tree_level, node_index, hash FROM ledger_node WHERE ");
        List<Object> params = new ArrayList<>();
        for (BatchedNodes.Key key : keys) {
            if (!params.isEmpty()) {
                sql.append(" OR ");
            }
            sql.append("(tree_level = ? AND node_index = ?)");
            params.add(key.level());
            params.add(key.index());
        }
        Map<BatchedNodes.Key, byte[]> found = new HashMap<>();
        jdbc.sql(sql.toString()).params(params).query(rs -> {
            found.put(new BatchedNodes.Key(rs.getInt(1), rs.getLong(2)), rs.getBytes(3));
        });
        return found;
    }
}
