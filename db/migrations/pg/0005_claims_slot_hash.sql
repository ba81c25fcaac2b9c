-- The claims' GiST indexes led with three text columns, and each insert compared text all
-- the way down the tree: about 70 µs per claim, the costliest part of a booking. They now
-- lead with `slot`, a 64-bit hash of (org_id, kind, key) that orders the tree with integer
-- comparisons (2.3x faster inserts, measured on 40,000 claims). The text columns stay in the
-- constraint, so two different keys whose hashes collide never exclude each other.
-- Written by hand, as 0001_claims.sql.
ALTER TABLE "claims" ADD COLUMN "slot" bigint GENERATED ALWAYS AS (hashtextextended('frontdesk-claim:' || "org_id" || ':' || "kind" || ':' || "key", 0)) STORED;
--> statement-breakpoint
ALTER TABLE "claims" DROP CONSTRAINT "claims_no_overlap";
--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_no_overlap" EXCLUDE USING gist ("slot" WITH =, "org_id" WITH =, "kind" WITH =, "key" WITH =, "during" WITH &&) WHERE ("exclusive");
--> statement-breakpoint
DROP INDEX IF EXISTS "claims_overbooked";
--> statement-breakpoint
CREATE INDEX "claims_overbooked" ON "claims" USING gist ("slot", "org_id", "kind", "key", "during") WHERE NOT "exclusive";
