import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLinkToken, verifyLinkToken, type LinkClaims } from './links';

const secret = new TextEncoder().encode('a-test-secret-of-enough-length-123456');
const claims: LinkClaims = { action: 'confirm', targetId: '0190f0aa-1111-7000-8000-000000000001', expiresAt: Date.UTC(2026, 5, 1), nonce: 'n1' };

describe('signed links', () => {
  it('accepts a valid link before it expires', () => {
    expect(verifyLinkToken(createLinkToken(claims, secret), secret, claims.expiresAt - 1)).toEqual({ ok: true, claims });
  });

  it('refuses an expired link', () => {
    expect(verifyLinkToken(createLinkToken(claims, secret), secret, claims.expiresAt)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses a link signed with another secret', () => {
    const other = new TextEncoder().encode('another-secret-another-secret-0000');
    expect(verifyLinkToken(createLinkToken(claims, other), secret, 0)).toEqual({ ok: false, reason: 'tampered' });
  });

  it('refuses any single-character change to a link', () => {
    const token = createLinkToken(claims, secret);
    fc.assert(fc.property(fc.nat({ max: token.length - 1 }), fc.constantFrom(...'abcdef0123456789-.xyz'), (i, c) => {
      fc.pre(token[i] !== c);
      const altered = token.slice(0, i) + c + token.slice(i + 1);
      expect(verifyLinkToken(altered, secret, 0).ok).toBe(false);
    }), { numRuns: 300 });
  });

  it('reads an altered expiry or action as tampering, not as expired', () => {
    const [, id, exp, nonce, mac] = createLinkToken(claims, secret).split('.');
    expect(verifyLinkToken(['cancel', id, exp, nonce, mac].join('.'), secret, 0)).toEqual({ ok: false, reason: 'tampered' });
    expect(verifyLinkToken(['confirm', id, (claims.expiresAt * 2).toString(36), nonce, mac].join('.'), secret, claims.expiresAt + 1)).toEqual({ ok: false, reason: 'tampered' });
  });

  it('refuses garbage', () => {
    expect(verifyLinkToken('', secret, 0)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyLinkToken('a.b.c', secret, 0)).toEqual({ ok: false, reason: 'malformed' });
  });
});
