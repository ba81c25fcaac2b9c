-- Slot claims: the coordination that per-column LWW cannot give (ARCHITECTURE.md 5).
-- Each active appointment claims its provider, each resource and its patient over a range
-- of UTC milliseconds; exclusive claims may not overlap. Written by hand: drizzle-kit
-- cannot express EXCLUDE constraints.
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
CREATE TABLE "claims" (
	"appointment_id" text NOT NULL,
	"org_id" text NOT NULL,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"during" int8range NOT NULL,
	-- A manager's audited overbook claims without excluding; everything else excludes.
	"exclusive" boolean NOT NULL DEFAULT true,
	CONSTRAINT "claims_no_overlap" EXCLUDE USING gist ("org_id" WITH =, "kind" WITH =, "key" WITH =, "during" WITH &&) WHERE ("exclusive")
);
--> statement-breakpoint
CREATE INDEX "claims_appointment" ON "claims" ("appointment_id");
--> statement-breakpoint
CREATE INDEX "claims_lookup" ON "claims" USING gist ("org_id", "kind", "key", "during");
