// Column value shapes shared by both dialects.

/** Column name -> HLC timestamp of the write that set it (db/crdt/hlc.ts). */
export type HlcMap = Record<string, string>;

export type SourceChannel = 'desk' | 'phone' | 'online' | 'kiosk';

export interface WallBreak {
  start: string;
  end: string;
}

export interface ReminderRule {
  channel: 'sms' | 'email';
  /** Minutes before the appointment's start. */
  offsetMinutes: number;
  kind: 'reminder' | 'confirmation_prompt';
  /** Local wall-clock window in which nothing is sent, e.g. 21:00-08:00. */
  quietHours: { start: string; end: string } | null;
}

/** Why a server job raised a staff task (staff_tasks.kind). */
export type StaffTaskKind = 'unconfirmed_appointment' | 'reschedule_requested' | 'reminder_undeliverable';
