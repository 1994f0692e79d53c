-- The ledger (processor "ledger", vn.hdnd.query.ledger): one leaf per event with a dense leaf index in the order the
-- single-segment ledger processor saw the events, the Merkle tree's perfect subtree nodes, and signed checkpoints.
-- Rows are only ever inserted: a leaf, a node or a checkpoint never changes once written.
CREATE TABLE ledger_leaf (
    leaf_index           BIGINT       NOT NULL PRIMARY KEY,
    global_index         BIGINT       NOT NULL,
    event_identifier     VARCHAR(255) NOT NULL,
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    aggregate_type       VARCHAR(255),
    payload_type         VARCHAR(255) NOT NULL,
    -- Instant.toString() of the event store's time_stamp: exactly the text the leaf commits to.
    recorded_at          VARCHAR(64)  NOT NULL,
    payload_sha256       BYTEA        NOT NULL,
    leaf_hash            BYTEA        NOT NULL,
    CONSTRAINT ledger_leaf_global_index UNIQUE (global_index),
    CONSTRAINT ledger_leaf_event_identifier UNIQUE (event_identifier)
);

-- Node (tree_level, node_index) covers leaves [node_index * 2^tree_level, (node_index + 1) * 2^tree_level).
-- Level 0 holds the leaf hashes. Only perfect subtrees are stored, so a node never changes.
CREATE TABLE ledger_node (
    tree_level INTEGER NOT NULL,
    node_index BIGINT  NOT NULL,
    hash       BYTEA   NOT NULL,
    PRIMARY KEY (tree_level, node_index)
);

CREATE TABLE ledger_checkpoint (
    tree_size BIGINT        NOT NULL PRIMARY KEY,
    root_hash BYTEA         NOT NULL,
    -- The C2SP signed note, as served at /api/v1/ledger/checkpoint.
    note      VARCHAR(4000) NOT NULL,
    signed_at TIMESTAMP     NOT NULL
);
