CREATE TABLE "watched_slots" (
	"appointment_id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"slot" jsonb NOT NULL
);
