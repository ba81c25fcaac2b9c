// What the server's jobs and patient-facing routes share.
import type { SyncServer } from '../app';
import type { Mailer } from '../reminders/email';
import type { SmsProvider } from '../reminders/sms';
import type { SystemAudit } from './system-audit';

export interface JobsContext {
  server: SyncServer;
  now: () => number;
  /** Where patients reach this server, e.g. https://clinic.example.org (links in messages). */
  publicUrl: string;
  linkSecret: Uint8Array;
  mailer: Mailer | null;
  sms: SmsProvider | null;
  audit: SystemAudit;
  /** How long a waitlist offer stays open. */
  offerTtlMs: number;
  /** How many waiting patients are offered a freed slot at once. */
  offersPerSlot: number;
}
