CREATE TABLE `appointments` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`hlc` text DEFAULT '{}' NOT NULL,
	`server_seq` integer,
	`location_id` text NOT NULL,
	`provider_id` text NOT NULL,
	`service_id` text NOT NULL,
	`patient_id` text NOT NULL,
	`resource_ids` text DEFAULT '[]' NOT NULL,
	`start_at` integer NOT NULL,
	`end_at` integer NOT NULL,
	`buffer_before_min` integer DEFAULT 0 NOT NULL,
	`buffer_after_min` integer DEFAULT 0 NOT NULL,
	`status` text DEFAULT 'booked' NOT NULL,
	`notes` text,
	`source_channel` text DEFAULT 'desk' NOT NULL,
	`overbook` integer DEFAULT false NOT NULL,
	`confirmation_code` text NOT NULL,
	`cancel_reason` text,
	`late_cancel_fee` integer DEFAULT false NOT NULL,
	`booked_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `appointments_location_start` ON `appointments` (`location_id`,`start_at`);--> statement-breakpoint
CREATE INDEX `appointments_provider_start` ON `appointments` (`provider_id`,`start_at`);--> statement-breakpoint
CREATE INDEX `appointments_patient` ON `appointments` (`patient_id`,`start_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `appointments_confirmation_code` ON `appointments` (`confirmation_code`);--> statement-breakpoint
CREATE TABLE `audit_events` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`hlc` text DEFAULT '{}' NOT NULL,
	`server_seq` integer,
	`device_id` text NOT NULL,
	`chain_seq` integer NOT NULL,
	`staff_user_id` text,
	`at` integer NOT NULL,
	`action` text NOT NULL,
	`entity_table` text NOT NULL,
	`entity_id` text NOT NULL,
	`before` text,
	`after` text,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `audit_events_chain` ON `audit_events` (`device_id`,`chain_seq`);--> statement-breakpoint
CREATE INDEX `audit_events_entity` ON `audit_events` (`entity_table`,`entity_id`);--> statement-breakpoint
CREATE TABLE `device_meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `locations` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`hlc` text DEFAULT '{}' NOT NULL,
	`server_seq` integer,
	`name` text NOT NULL,
	`time_zone` text NOT NULL,
	`address` text,
	`phone` text
);
--> statement-breakpoint
CREATE TABLE `organizations` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`hlc` text DEFAULT '{}' NOT NULL,
	`server_seq` integer,
	`name` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `outbox` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`change_id` text NOT NULL,
	`table_name` text NOT NULL,
	`row_id` text NOT NULL,
	`values` text NOT NULL,
	`hlc` text NOT NULL,
	`previous` text,
	`staff_user_id` text,
	`created_at` integer NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_change_id_unique` ON `outbox` (`change_id`);--> statement-breakpoint
CREATE INDEX `outbox_row` ON `outbox` (`table_name`,`row_id`);--> statement-breakpoint
CREATE TABLE `patients` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`hlc` text DEFAULT '{}' NOT NULL,
	`server_seq` integer,
	`first_name` text NOT NULL,
	`last_name` text NOT NULL,
	`date_of_birth` text NOT NULL,
	`phone` text,
	`email` text,
	`preferred_channel` text DEFAULT 'sms' NOT NULL,
	`preferred_language` text DEFAULT 'en' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `patients_name` ON `patients` (`last_name`,`first_name`);--> statement-breakpoint
CREATE TABLE `policies` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`hlc` text DEFAULT '{}' NOT NULL,
	`server_seq` integer,
	`location_id` text,
	`cancellation_notice_hours` integer DEFAULT 24 NOT NULL,
	`late_cancel_fee_cents` integer DEFAULT 0 NOT NULL,
	`no_show_grace_minutes` integer DEFAULT 15 NOT NULL,
	`no_show_threshold` integer DEFAULT 3 NOT NULL,
	`check_in_early_minutes` integer DEFAULT 60 NOT NULL,
	`late_arrival_minutes` integer DEFAULT 15 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `providers` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`hlc` text DEFAULT '{}' NOT NULL,
	`server_seq` integer,
	`name` text NOT NULL,
	`specialty` text NOT NULL,
	`credentials` text,
	`location_ids` text DEFAULT '[]' NOT NULL,
	`color` text
);
--> statement-breakpoint
CREATE TABLE `reminder_rules` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`hlc` text DEFAULT '{}' NOT NULL,
	`server_seq` integer,
	`location_id` text,
	`service_id` text,
	`rule` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `resources` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`hlc` text DEFAULT '{}' NOT NULL,
	`server_seq` integer,
	`location_id` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `schedule_exceptions` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`hlc` text DEFAULT '{}' NOT NULL,
	`server_seq` integer,
	`provider_id` text NOT NULL,
	`location_id` text,
	`kind` text NOT NULL,
	`start_at` integer NOT NULL,
	`end_at` integer NOT NULL,
	`reason` text
);
--> statement-breakpoint
CREATE INDEX `schedule_exceptions_provider` ON `schedule_exceptions` (`provider_id`,`start_at`);--> statement-breakpoint
CREATE TABLE `schedule_templates` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`hlc` text DEFAULT '{}' NOT NULL,
	`server_seq` integer,
	`provider_id` text NOT NULL,
	`location_id` text NOT NULL,
	`weekday` integer NOT NULL,
	`start` text NOT NULL,
	`end` text NOT NULL,
	`breaks` text DEFAULT '[]' NOT NULL,
	`valid_from` text,
	`valid_to` text
);
--> statement-breakpoint
CREATE INDEX `schedule_templates_provider` ON `schedule_templates` (`provider_id`,`location_id`);--> statement-breakpoint
CREATE TABLE `services` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`hlc` text DEFAULT '{}' NOT NULL,
	`server_seq` integer,
	`name` text NOT NULL,
	`duration_min` integer NOT NULL,
	`buffer_before_min` integer DEFAULT 0 NOT NULL,
	`buffer_after_min` integer DEFAULT 0 NOT NULL,
	`eligible_provider_ids` text DEFAULT '[]' NOT NULL,
	`required_resources` text DEFAULT '[]' NOT NULL,
	`preparation` text,
	`color` text,
	`bookable_online` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE `staff_users` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`hlc` text DEFAULT '{}' NOT NULL,
	`server_seq` integer,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`secret_hash` text NOT NULL,
	`provider_id` text,
	`active` integer DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sync_rejections` (
	`change_id` text PRIMARY KEY NOT NULL,
	`table_name` text NOT NULL,
	`row_id` text NOT NULL,
	`reason` text NOT NULL,
	`message` text NOT NULL,
	`conflicts_with` text,
	`values` text NOT NULL,
	`created_at` integer NOT NULL,
	`resolved_at` integer
);
--> statement-breakpoint
CREATE TABLE `sync_shapes` (
	`table_name` text PRIMARY KEY NOT NULL,
	`handle` text,
	`offset` text DEFAULT '-1' NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `waitlist_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`hlc` text DEFAULT '{}' NOT NULL,
	`server_seq` integer,
	`patient_id` text NOT NULL,
	`service_id` text NOT NULL,
	`provider_id` text,
	`location_id` text NOT NULL,
	`earliest_date` text NOT NULL,
	`latest_date` text NOT NULL,
	`urgency` integer DEFAULT 0 NOT NULL,
	`status` text DEFAULT 'waiting' NOT NULL,
	`notes` text,
	`created_at` integer NOT NULL
);
