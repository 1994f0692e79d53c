-- The first answer to each Idempotency-Key, written in the same transaction as the command's events.
CREATE TABLE idempotency_record (
    actor           VARCHAR(255) NOT NULL,
    idempotency_key VARCHAR(128) NOT NULL,
    fingerprint     VARCHAR(64)  NOT NULL,
    status          INTEGER      NOT NULL,
    result_id       VARCHAR(255) NOT NULL,
    version         BIGINT       NOT NULL,
    position        BIGINT       NOT NULL,
    recorded_at     TIMESTAMP    NOT NULL,
    PRIMARY KEY (actor, idempotency_key)
);
