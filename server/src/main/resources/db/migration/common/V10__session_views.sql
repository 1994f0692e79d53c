-- Read models of the "sessions" projection (SessionProjection): sessions, their attendance, motions with their votes,
-- and per-delegate ballots when a vote was given as ballots.
CREATE TABLE session_view (
    session_id       VARCHAR(64) NOT NULL PRIMARY KEY,
    council_id       VARCHAR(64) NOT NULL,
    term             VARCHAR(16) NOT NULL,
    session_number   INTEGER     NOT NULL,
    kind             VARCHAR(16) NOT NULL,
    scheduled_for    DATE        NOT NULL,
    convened_on      DATE,
    -- delegates whose mandate was valid on the convening day
    seated_delegates INTEGER,
    adjourned_on     DATE
);
CREATE INDEX session_view_council ON session_view (council_id, scheduled_for);

CREATE TABLE session_attendance_view (
    session_id  VARCHAR(64) NOT NULL,
    delegate_id VARCHAR(64) NOT NULL,
    seq         INTEGER     NOT NULL,
    PRIMARY KEY (session_id, delegate_id)
);

CREATE TABLE motion_view (
    session_id        VARCHAR(64)  NOT NULL,
    motion_id         VARCHAR(64)  NOT NULL,
    council_id        VARCHAR(64)  NOT NULL,
    -- the session's event sequence number of the tabling: motions list in the order they were tabled
    tabled_seq        BIGINT       NOT NULL,
    title             VARCHAR(500) NOT NULL,
    kind              VARCHAR(16)  NOT NULL,
    -- resolution ids, comma-separated
    amends            VARCHAR(13000),
    repeals           VARCHAR(13000),
    delegate_id       VARCHAR(64),
    voted_on          DATE,
    yes_count         INTEGER,
    no_count          INTEGER,
    abstain_count     INTEGER,
    total_delegates   INTEGER,
    voting_rule       VARCHAR(32),
    rule_set          VARCHAR(32),
    outcome           VARCHAR(16),
    has_ballots       BOOLEAN      NOT NULL,
    resolution_id     VARCHAR(128),
    resolution_number VARCHAR(64),
    PRIMARY KEY (session_id, motion_id)
);

CREATE TABLE ballot_view (
    session_id  VARCHAR(64) NOT NULL,
    motion_id   VARCHAR(64) NOT NULL,
    delegate_id VARCHAR(64) NOT NULL,
    choice      VARCHAR(8)  NOT NULL,
    PRIMARY KEY (session_id, motion_id, delegate_id)
);
