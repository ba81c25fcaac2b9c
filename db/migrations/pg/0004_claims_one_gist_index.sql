-- Every claim written paid for two GiST indexes on (org_id, kind, key, during): the exclusion
-- constraint's and claims_lookup. The constraint's index already finds exclusive claims; only
-- the few non-exclusive (overbooked) ones need an index of their own. Written by hand, as
-- 0001_claims.sql.
DROP INDEX IF EXISTS "claims_lookup";
--> statement-breakpoint
CREATE INDEX "claims_overbooked" ON "claims" USING gist ("org_id", "kind", "key", "during") WHERE NOT "exclusive";
