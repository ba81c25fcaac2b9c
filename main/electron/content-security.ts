// The desk's CSP is the browser host's (main/host/security.ts): one policy for one UI, so a
// renderer change that breaks it fails the browser e2e tests before it reaches Electron.
import { contentSecurityPolicy } from '../host/security';

export { contentSecurityPolicy };

export type ResponseHeaders = Record<string, string | string[]>;

/**
 * For session.webRequest.onHeadersReceived: every response the window loads carries our
 * policy, replacing any the response brought (header names compare case-insensitively, and
 * a second, looser CSP header must not survive next to ours).
 */
export function withContentSecurityPolicy(headers: ResponseHeaders | undefined): ResponseHeaders {
  const result: ResponseHeaders = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const lower = name.toLowerCase();
    if (lower === 'content-security-policy' || lower === 'content-security-policy-report-only') continue;
    result[name] = value;
  }
  result['Content-Security-Policy'] = [contentSecurityPolicy];
  return result;
}
