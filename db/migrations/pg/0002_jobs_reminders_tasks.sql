CREATE TABLE "deliveries" (
	"dedupe_key" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"appointment_id" text,
	"channel" text NOT NULL,
	"recipient" text NOT NULL,
	"status" text NOT NULL,
	"message_ref" text,
	"provider_status" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"created_at" bigint NOT NULL,
	"sent_at" bigint,
	"last_error" text
);
--> statement-breakpoint
CREATE TABLE "patient_answers" (
	"answer_key" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"appointment_id" text NOT NULL,
	"answer" text NOT NULL,
	"outcome" text NOT NULL,
	"at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff_tasks" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"hlc" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"server_seq" bigint,
	"location_id" text NOT NULL,
	"appointment_id" text,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"due_at" bigint NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "waitlist_offers" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"freed_appointment_id" text NOT NULL,
	"waitlist_entry_id" text NOT NULL,
	"patient_id" text NOT NULL,
	"slot" jsonb NOT NULL,
	"status" text DEFAULT 'offered' NOT NULL,
	"expires_at" bigint NOT NULL,
	"booked_appointment_id" text,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
DROP INDEX "jobs_due";--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "status" text DEFAULT 'pending' NOT NULL;--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "max_attempts" integer DEFAULT 8 NOT NULL;--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "locked_by" text;--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "created_at" bigint NOT NULL;--> statement-breakpoint
CREATE INDEX "deliveries_appointment" ON "deliveries" USING btree ("appointment_id");--> statement-breakpoint
CREATE INDEX "staff_tasks_seq" ON "staff_tasks" USING btree ("org_id","server_seq");--> statement-breakpoint
CREATE UNIQUE INDEX "waitlist_offers_once" ON "waitlist_offers" USING btree ("freed_appointment_id","waitlist_entry_id");--> statement-breakpoint
CREATE INDEX "jobs_due" ON "jobs" USING btree ("run_at") WHERE status = 'pending';