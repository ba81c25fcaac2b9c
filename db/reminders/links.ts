// Signed, expiring links in reminders (confirm, cancel, ask to reschedule, accept a waitlist
// offer). The token names its action, target and expiry in clear and is authenticated with
// HMAC-SHA256: anyone can read it, nobody without the server's secret can forge or alter it.
// Each carries a nonce so that using a link twice is recognised (patient_answers).
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { Instant } from '../rules/types';

export const linkActions = ['confirm', 'cancel', 'reschedule', 'accept_offer'] as const;
export type LinkAction = (typeof linkActions)[number];

export interface LinkClaims {
  action: LinkAction;
  /** The appointment, or for accept_offer the waitlist offer. */
  targetId: string;
  expiresAt: Instant;
  nonce: string;
}

export type LinkVerdict = { ok: true; claims: LinkClaims } | { ok: false; reason: 'malformed' | 'tampered' | 'expired' };

// 128 bits of the MAC: forging needs 2^128 guesses, and the link stays short enough for SMS.
const MAC_HEX_LENGTH = 32;
const idPattern = /^[A-Za-z0-9-]{1,64}$/;

function mac(payload: string, secret: Uint8Array): string {
  return bytesToHex(hmac(sha256, secret, utf8ToBytes(payload))).slice(0, MAC_HEX_LENGTH);
}

/** Compares every character so the time taken does not reveal how much of a guess was right. */
function equalInConstantTime(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

export function createLinkToken(claims: LinkClaims, secret: Uint8Array): string {
  if (!idPattern.test(claims.targetId) || !idPattern.test(claims.nonce)) throw new Error('Link ids must be letters, digits and dashes.');
  const payload = `${claims.action}.${claims.targetId}.${claims.expiresAt.toString(36)}.${claims.nonce}`;
  return `${payload}.${mac(payload, secret)}`;
}

export function verifyLinkToken(token: string, secret: Uint8Array, now: Instant): LinkVerdict {
  const parts = token.split('.');
  if (parts.length !== 5) return { ok: false, reason: 'malformed' };
  const [action, targetId, expiry, nonce, signature] = parts as [string, string, string, string, string];
  const payload = parts.slice(0, 4).join('.');
  // The MAC is checked first, so an altered expiry reads as tampering, not as "expired".
  if (!equalInConstantTime(signature, mac(payload, secret))) return { ok: false, reason: 'tampered' };
  const expiresAt = parseInt(expiry, 36);
  if (!(linkActions as readonly string[]).includes(action) || !idPattern.test(targetId) || !Number.isFinite(expiresAt)) return { ok: false, reason: 'malformed' };
  if (now >= expiresAt) return { ok: false, reason: 'expired' };
  return { ok: true, claims: { action: action as LinkAction, targetId, expiresAt, nonce } };
}
