CREATE TABLE "appointments" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"hlc" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"server_seq" bigint,
	"location_id" text NOT NULL,
	"provider_id" text NOT NULL,
	"service_id" text NOT NULL,
	"patient_id" text NOT NULL,
	"resource_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"start_at" bigint NOT NULL,
	"end_at" bigint NOT NULL,
	"buffer_before_min" integer DEFAULT 0 NOT NULL,
	"buffer_after_min" integer DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'booked' NOT NULL,
	"notes" text,
	"source_channel" text DEFAULT 'desk' NOT NULL,
	"overbook" boolean DEFAULT false NOT NULL,
	"confirmation_code" text NOT NULL,
	"cancel_reason" text,
	"late_cancel_fee" boolean DEFAULT false NOT NULL,
	"booked_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"hlc" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"server_seq" bigint,
	"device_id" text NOT NULL,
	"chain_seq" integer NOT NULL,
	"staff_user_id" text,
	"at" bigint NOT NULL,
	"action" text NOT NULL,
	"entity_table" text NOT NULL,
	"entity_id" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "change_log" (
	"change_id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"device_id" text NOT NULL,
	"table_name" text NOT NULL,
	"row_id" text NOT NULL,
	"status" text NOT NULL,
	"seq" bigint,
	"reason" text,
	"message" text,
	"conflicts_with" text,
	"received_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "devices" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"node_id" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" bigint NOT NULL,
	"revoked_at" bigint,
	"last_seen_at" bigint,
	CONSTRAINT "devices_node_id_unique" UNIQUE("node_id"),
	CONSTRAINT "devices_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"kind" text NOT NULL,
	"dedupe_key" text NOT NULL,
	"payload" jsonb NOT NULL,
	"run_at" bigint NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"locked_until" bigint,
	"done_at" bigint,
	"last_error" text,
	CONSTRAINT "jobs_dedupe_key_unique" UNIQUE("dedupe_key")
);
--> statement-breakpoint
CREATE TABLE "locations" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"hlc" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"server_seq" bigint,
	"name" text NOT NULL,
	"time_zone" text NOT NULL,
	"address" text,
	"phone" text
);
--> statement-breakpoint
CREATE TABLE "org_sequences" (
	"org_id" text PRIMARY KEY NOT NULL,
	"last_seq" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"hlc" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"server_seq" bigint,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pairing_codes" (
	"code_hash" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"role" text NOT NULL,
	"expires_at" bigint NOT NULL,
	"used_at" bigint
);
--> statement-breakpoint
CREATE TABLE "patients" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"hlc" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"server_seq" bigint,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"date_of_birth" text NOT NULL,
	"phone" text,
	"email" text,
	"preferred_channel" text DEFAULT 'sms' NOT NULL,
	"preferred_language" text DEFAULT 'en' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policies" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"hlc" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"server_seq" bigint,
	"location_id" text,
	"cancellation_notice_hours" integer DEFAULT 24 NOT NULL,
	"late_cancel_fee_cents" integer DEFAULT 0 NOT NULL,
	"no_show_grace_minutes" integer DEFAULT 15 NOT NULL,
	"no_show_threshold" integer DEFAULT 3 NOT NULL,
	"check_in_early_minutes" integer DEFAULT 60 NOT NULL,
	"late_arrival_minutes" integer DEFAULT 15 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "providers" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"hlc" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"server_seq" bigint,
	"name" text NOT NULL,
	"specialty" text NOT NULL,
	"credentials" text,
	"location_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"color" text
);
--> statement-breakpoint
CREATE TABLE "reminder_rules" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"hlc" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"server_seq" bigint,
	"location_id" text,
	"service_id" text,
	"rule" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resources" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"hlc" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"server_seq" bigint,
	"location_id" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "schedule_exceptions" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"hlc" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"server_seq" bigint,
	"provider_id" text NOT NULL,
	"location_id" text,
	"kind" text NOT NULL,
	"start_at" bigint NOT NULL,
	"end_at" bigint NOT NULL,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "schedule_templates" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"hlc" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"server_seq" bigint,
	"provider_id" text NOT NULL,
	"location_id" text NOT NULL,
	"weekday" integer NOT NULL,
	"start" text NOT NULL,
	"end" text NOT NULL,
	"breaks" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"valid_from" text,
	"valid_to" text
);
--> statement-breakpoint
CREATE TABLE "server_meta" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "services" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"hlc" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"server_seq" bigint,
	"name" text NOT NULL,
	"duration_min" integer NOT NULL,
	"buffer_before_min" integer DEFAULT 0 NOT NULL,
	"buffer_after_min" integer DEFAULT 0 NOT NULL,
	"eligible_provider_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"required_resources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"preparation" text,
	"color" text,
	"bookable_online" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff_users" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"hlc" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"server_seq" bigint,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"secret_hash" text NOT NULL,
	"provider_id" text,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "waitlist_entries" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"hlc" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"server_seq" bigint,
	"patient_id" text NOT NULL,
	"service_id" text NOT NULL,
	"provider_id" text,
	"location_id" text NOT NULL,
	"earliest_date" text NOT NULL,
	"latest_date" text NOT NULL,
	"urgency" integer DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'waiting' NOT NULL,
	"notes" text,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE INDEX "appointments_seq" ON "appointments" USING btree ("org_id","server_seq");--> statement-breakpoint
CREATE INDEX "appointments_location_start" ON "appointments" USING btree ("location_id","start_at");--> statement-breakpoint
CREATE UNIQUE INDEX "appointments_confirmation_code" ON "appointments" USING btree ("confirmation_code");--> statement-breakpoint
CREATE INDEX "audit_events_seq" ON "audit_events" USING btree ("org_id","server_seq");--> statement-breakpoint
CREATE UNIQUE INDEX "audit_events_chain" ON "audit_events" USING btree ("device_id","chain_seq");--> statement-breakpoint
CREATE INDEX "change_log_unpublished" ON "change_log" USING btree ("org_id") WHERE seq is null;--> statement-breakpoint
CREATE INDEX "change_log_device_rejections" ON "change_log" USING btree ("device_id","seq") WHERE status = 'rejected';--> statement-breakpoint
CREATE INDEX "jobs_due" ON "jobs" USING btree ("run_at");--> statement-breakpoint
CREATE INDEX "locations_seq" ON "locations" USING btree ("org_id","server_seq");--> statement-breakpoint
CREATE INDEX "organizations_seq" ON "organizations" USING btree ("org_id","server_seq");--> statement-breakpoint
CREATE INDEX "patients_seq" ON "patients" USING btree ("org_id","server_seq");--> statement-breakpoint
CREATE INDEX "policies_seq" ON "policies" USING btree ("org_id","server_seq");--> statement-breakpoint
CREATE INDEX "providers_seq" ON "providers" USING btree ("org_id","server_seq");--> statement-breakpoint
CREATE INDEX "reminder_rules_seq" ON "reminder_rules" USING btree ("org_id","server_seq");--> statement-breakpoint
CREATE INDEX "resources_seq" ON "resources" USING btree ("org_id","server_seq");--> statement-breakpoint
CREATE INDEX "schedule_exceptions_seq" ON "schedule_exceptions" USING btree ("org_id","server_seq");--> statement-breakpoint
CREATE INDEX "schedule_templates_seq" ON "schedule_templates" USING btree ("org_id","server_seq");--> statement-breakpoint
CREATE INDEX "services_seq" ON "services" USING btree ("org_id","server_seq");--> statement-breakpoint
CREATE INDEX "staff_users_seq" ON "staff_users" USING btree ("org_id","server_seq");--> statement-breakpoint
CREATE INDEX "waitlist_entries_seq" ON "waitlist_entries" USING btree ("org_id","server_seq");