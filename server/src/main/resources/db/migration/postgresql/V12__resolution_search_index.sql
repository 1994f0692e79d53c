-- PostgreSQL only: a trigram GIN index on the folded search column serves q's LIKE '%word%' conditions, so a search
-- does not scan the table. pg_trgm ships with PostgreSQL (contrib) and is a trusted extension since PostgreSQL 13: the
-- database's owner may create it. fastupdate is off: resolutions are few and written once, and without a pending list
-- the planner costs (and a search reads) the index alone, right after a burst of inserts as much as after a vacuum.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX resolution_view_search_trgm ON resolution_view USING gin (search_folded gin_trgm_ops)
    WITH (fastupdate = off);
