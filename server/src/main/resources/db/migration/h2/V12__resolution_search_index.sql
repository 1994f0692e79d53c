-- The embedded H2 default has no trigram index: q's LIKE conditions scan resolution_view, which is fine at the size
-- of an embedded record. PostgreSQL gets a pg_trgm GIN index under the same version (db/migration/postgresql).
COMMENT ON TABLE resolution_view IS 'resolutions; q scans search_folded on H2';
