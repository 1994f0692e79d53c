-- Read models of the "oversight" projection: oversight cases, their findings, recommendations, agency responses and
-- re-examination links. Dates are valid time: a query "as of d" sees a row from its date on (opened_on, issued_on,
-- reported_on, closed_on <= d). Overdue is never stored: it is due_on < d for a recommendation still open on d.
CREATE TABLE oversight_case_view (
    case_id            VARCHAR(64)    NOT NULL PRIMARY KEY,
    council_id         VARCHAR(64)    NOT NULL,
    title              VARCHAR(500)   NOT NULL,
    scope              VARCHAR(20000),
    conducted_by       VARCHAR(32)    NOT NULL,
    committee_id       VARCHAR(64),
    opened_on          DATE           NOT NULL,
    -- the case this one re-examines (tái giám sát), if any
    re_examination_of  VARCHAR(64),
    conclusion_number  VARCHAR(100),
    concluded_on       DATE,
    conclusion_summary VARCHAR(20000),
    closed_on          DATE
);
CREATE INDEX oversight_case_view_council ON oversight_case_view (council_id);
CREATE INDEX oversight_case_view_re_examination_of ON oversight_case_view (re_examination_of);

-- The supervised agencies of a case, in the order given.
CREATE TABLE oversight_subject_view (
    case_id VARCHAR(64)  NOT NULL,
    ordinal INTEGER      NOT NULL,
    agency  VARCHAR(300) NOT NULL,
    PRIMARY KEY (case_id, ordinal)
);

CREATE TABLE oversight_finding_view (
    case_id        VARCHAR(64)    NOT NULL,
    finding_number INTEGER        NOT NULL,
    finding_text   VARCHAR(20000) NOT NULL,
    recorded_on    DATE           NOT NULL,
    PRIMARY KEY (case_id, finding_number)
);

CREATE TABLE oversight_recommendation_view (
    case_id           VARCHAR(64)    NOT NULL,
    recommendation_id VARCHAR(64)    NOT NULL,
    ordinal           INTEGER        NOT NULL,
    addressee         VARCHAR(300)   NOT NULL,
    action            VARCHAR(20000) NOT NULL,
    due_on            DATE           NOT NULL,
    -- the conclusion's date: the recommendation exists from then on
    issued_on         DATE           NOT NULL,
    closed_on         DATE,
    outcome           VARCHAR(32),
    closure_reason    VARCHAR(20000),
    -- set when a re-examination's conclusion closed it; superseded_by is that case's replacing recommendation
    closed_by_case_id VARCHAR(64),
    superseded_by     VARCHAR(64),
    PRIMARY KEY (case_id, recommendation_id)
);
CREATE INDEX oversight_recommendation_view_addressee ON oversight_recommendation_view (addressee);
CREATE INDEX oversight_recommendation_view_closed_by ON oversight_recommendation_view (closed_by_case_id);

-- Agency responses, append-only; event_sequence (the event's place in the case's stream) orders same-day responses.
CREATE TABLE oversight_response_view (
    case_id           VARCHAR(64)    NOT NULL,
    event_sequence    BIGINT         NOT NULL,
    recommendation_id VARCHAR(64)    NOT NULL,
    reported_on       DATE           NOT NULL,
    report            VARCHAR(20000) NOT NULL,
    status            VARCHAR(32)    NOT NULL,
    PRIMARY KEY (case_id, event_sequence)
);
CREATE INDEX oversight_response_view_recommendation ON oversight_response_view (case_id, recommendation_id);

-- Which case re-examines which recommendation, from which date (written from the original case's event).
CREATE TABLE oversight_re_examination_view (
    case_id                VARCHAR(64)  NOT NULL,
    recommendation_id      VARCHAR(64)  NOT NULL,
    re_examination_case_id VARCHAR(64)  NOT NULL,
    opened_on              DATE         NOT NULL,
    reason                 VARCHAR(2000),
    PRIMARY KEY (case_id, recommendation_id, re_examination_case_id)
);
CREATE INDEX oversight_re_examination_view_new_case ON oversight_re_examination_view (re_examination_case_id);
