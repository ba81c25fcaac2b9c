// The renderer is served from app://desk/ rather than file://. A file:// page shares one
// origin with every file on the disk and 'self' in a CSP means little there; a standard,
// secure custom scheme gives the desk its own origin that navigation and IPC checks can name.
import { readStaticFile } from '../host/static-files';
import { securityHeaders } from '../host/security';

export const appScheme = 'app';
export const appHost = 'desk';
export const appOrigin = `${appScheme}://${appHost}`;
export const appEntryUrl = `${appOrigin}/index.html`;

/**
 * For protocol.registerSchemesAsPrivileged. standard: relative URLs, storage and a real
 * origin; secure: a secure context like https. corsEnabled: Vite marks the bundle's module
 * script `crossorigin`, so it is fetched in CORS mode, which Chromium refuses for a custom
 * scheme without this (reported by others; not verifiable here without the binary). No
 * bypassCSP, no service workers, no fetch(): the page needs none of them.
 */
export const appSchemePrivileges = { standard: true, secure: true, corsEnabled: true } as const;

/** Is this URL a page or file of the desk itself (and nothing else, not even another app:// host)? */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === `${appScheme}:` && parsed.host === appHost && parsed.username === '' && parsed.password === '';
}

export interface AppResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer | string;
}

/** One request to app://desk/...: a file of the built renderer with the same headers as the browser host, or a 404. */
export function serveAppRequest(rendererDir: string, url: string): AppResponse {
  if (!isAppUrl(url)) return { status: 404, headers: { ...securityHeaders }, body: 'Not found' };
  const file = readStaticFile(rendererDir, new URL(url).pathname);
  if (!file) return { status: 404, headers: { ...securityHeaders, 'content-type': 'text/plain; charset=utf-8' }, body: 'Not found' };
  return { status: 200, headers: { ...securityHeaders, 'content-type': file.contentType }, body: file.body };
}
