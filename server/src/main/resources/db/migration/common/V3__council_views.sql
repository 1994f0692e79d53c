-- Read models of the "councils" projection. Every row carries its valid-time interval [from, to) so that queries
-- answer "as of" any date; to = NULL means still valid.
CREATE TABLE council_view (
    council_id        VARCHAR(64)  NOT NULL PRIMARY KEY,
    name              VARCHAR(200) NOT NULL,
    tier              VARCHAR(16)  NOT NULL,
    parent_id         VARCHAR(64),
    established_on    DATE         NOT NULL,
    dissolved_on      DATE,
    successor_ids     VARCHAR(2000),
    dissolution_basis VARCHAR(2000)
);
CREATE INDEX council_view_parent ON council_view (parent_id);

CREATE TABLE council_term_view (
    council_id VARCHAR(64) NOT NULL,
    term       VARCHAR(16) NOT NULL,
    seats      INTEGER     NOT NULL,
    starts_on  DATE        NOT NULL,
    ends_on    DATE,
    PRIMARY KEY (council_id, term)
);

CREATE TABLE delegate_view (
    council_id     VARCHAR(64)  NOT NULL,
    term           VARCHAR(16)  NOT NULL,
    delegate_id    VARCHAR(64)  NOT NULL,
    full_name      VARCHAR(200) NOT NULL,
    constituency   VARCHAR(200),
    seated_on      DATE         NOT NULL,
    ended_on       DATE,
    end_reason     VARCHAR(32),
    -- the date from which the delegate serves full-time (seated full-time, or given a full-time office)
    full_time_from DATE,
    PRIMARY KEY (council_id, term, delegate_id)
);

CREATE TABLE office_view (
    office_id    VARCHAR(255) NOT NULL PRIMARY KEY,
    council_id   VARCHAR(64)  NOT NULL,
    delegate_id  VARCHAR(64)  NOT NULL,
    office       VARCHAR(32)  NOT NULL,
    committee_id VARCHAR(64),
    full_time    BOOLEAN      NOT NULL,
    starts_on    DATE         NOT NULL,
    ends_on      DATE,
    basis        VARCHAR(2000)
);
CREATE INDEX office_view_council ON office_view (council_id, office);

CREATE TABLE committee_view (
    council_id   VARCHAR(64)  NOT NULL,
    committee_id VARCHAR(64)  NOT NULL,
    name         VARCHAR(200) NOT NULL,
    formed_on    DATE         NOT NULL,
    PRIMARY KEY (council_id, committee_id)
);
