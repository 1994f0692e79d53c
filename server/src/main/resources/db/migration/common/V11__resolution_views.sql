-- Read models of the "resolutions" projection (ResolutionProjection): every resolution with its number and folded
-- search columns, and the amendments and repeals between resolutions with the date each took effect, so that the
-- status of a resolution can be answered as of any date.
CREATE TABLE resolution_view (
    resolution_id     VARCHAR(128)     NOT NULL PRIMARY KEY,
    council_id        VARCHAR(64)      NOT NULL,
    resolution_number VARCHAR(64)      NOT NULL,
    adopted_year      INTEGER          NOT NULL,
    sequence_in_year  INTEGER          NOT NULL,
    session_id        VARCHAR(64)      NOT NULL,
    motion_id         VARCHAR(64)      NOT NULL,
    kind              VARCHAR(16)      NOT NULL,
    title             VARCHAR(500)     NOT NULL,
    body_text         VARCHAR(1000000),
    adopted_on        DATE             NOT NULL,
    delegate_id       VARCHAR(64),
    -- number, title and text in NFC lower case (diacritics kept): ranks matches of what the user typed
    search_lower      VARCHAR(1000000) NOT NULL,
    -- the same folded (NFD, combining marks stripped, đ to d, lower case): what q matches
    search_folded     VARCHAR(1000000) NOT NULL,
    title_folded      VARCHAR(1000)    NOT NULL,
    CONSTRAINT resolution_view_number UNIQUE (council_id, resolution_number)
);
CREATE INDEX resolution_view_adopted ON resolution_view (council_id, adopted_on);

CREATE TABLE resolution_link_view (
    -- the resolution amended or repealed
    resolution_id VARCHAR(128) NOT NULL,
    -- AMENDED or REPEALED
    change        VARCHAR(16)  NOT NULL,
    by_id         VARCHAR(128) NOT NULL,
    by_number     VARCHAR(64)  NOT NULL,
    effective_on  DATE         NOT NULL,
    PRIMARY KEY (resolution_id, by_id)
);
CREATE INDEX resolution_link_view_by ON resolution_link_view (by_id);
