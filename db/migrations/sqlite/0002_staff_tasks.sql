CREATE TABLE `staff_tasks` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`hlc` text DEFAULT '{}' NOT NULL,
	`server_seq` integer,
	`location_id` text NOT NULL,
	`appointment_id` text,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`due_at` integer NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `staff_tasks_open` ON `staff_tasks` (`status`,`due_at`);