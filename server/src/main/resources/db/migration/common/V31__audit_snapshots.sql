-- Folded aggregate histories (vn.hdnd.query.audit), so that "state as of" does not replay a long history from the
-- start. A snapshot at sequence_number covers events 0..sequence_number, all recorded by recorded_through (an
-- Instant.toString()); it is only a cache: deleting every row changes no answer. fold_version changes whenever the
-- fold's code or shape changes, so an old snapshot is never read by new code.
CREATE TABLE audit_snapshot (
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    fold_version         INTEGER      NOT NULL,
    recorded_through     VARCHAR(64)  NOT NULL,
    state                BYTEA        NOT NULL,
    PRIMARY KEY (aggregate_identifier, fold_version, sequence_number)
);
