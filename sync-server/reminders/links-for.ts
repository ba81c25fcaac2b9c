// Signed links for one appointment's messages, valid until the appointment ends.
import { randomBytes } from 'node:crypto';
import { createLinkToken, type LinkAction } from '../../db/reminders/links';
import type { JobsContext } from '../jobs/context';

export function linkFor(ctx: JobsContext, action: LinkAction, targetId: string, expiresAt: number): string {
  const token = createLinkToken({ action, targetId, expiresAt, nonce: randomBytes(6).toString('hex') }, ctx.linkSecret);
  return `${ctx.publicUrl.replace(/\/$/, '')}/p/${token}`;
}
