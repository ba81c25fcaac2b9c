// The browser host's defences: it listens on loopback only, but a web page in the same
// browser can still reach loopback. So every API call needs the per-launch token, every
// request must name this host (DNS rebinding), and responses forbid framing and inline code.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  // No inline styles either; a library that injects <style> needs a nonce or a stylesheet.
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  // The print preview frames the PDF the desk just rendered through a blob: URL made by this
  // page; without this, frames fall back to default-src 'self' and the preview stays blank.
  "frame-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const securityHeaders: Readonly<Record<string, string>> = {
  'content-security-policy': contentSecurityPolicy,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=()',
  'cache-control': 'no-store',
};

export function newLaunchToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Constant-time comparison of a presented token with the launch token (hashed first, so lengths never leak). */
export function isLaunchToken(presented: string | undefined, token: string): boolean {
  if (!presented) return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(presented), digest(token));
}

export function bearerToken(authorization: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  return match?.[1];
}

/** Host names a loopback listener answers to; anything else is a rebinding attempt or a mistake. */
export function isLoopbackHost(hostHeader: string | undefined, port: number): boolean {
  if (!hostHeader) return false;
  const host = hostHeader.toLowerCase();
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/** A browser's Origin, when sent, must be this host's own. */
export function isOwnOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}
