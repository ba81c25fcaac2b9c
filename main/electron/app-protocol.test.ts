import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appEntryUrl, isAppUrl, serveAppRequest } from './app-protocol';
import { decideWindowOpen, isNavigationAllowed } from './navigation-guard';

let base: string;
let rendererDir: string;
beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'frontdesk-shell-'));
  rendererDir = join(base, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Frontdesk</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(base, 'secret.txt'), 'not for the page');
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('what the window may show', () => {
  it('allows the desk and its files', () => {
    expect(isNavigationAllowed(appEntryUrl)).toBe(true);
    expect(isNavigationAllowed('app://desk/assets/app.js?x=1#y')).toBe(true);
  });

  it('stops navigation anywhere else, including look-alikes of the desk', () => {
    for (const url of ['https://desk/', 'http://127.0.0.1:5180/', 'file:///home/', 'app://desk.evil.example/', 'app://user@desk/', 'app://evil/#app://desk/', 'javascript:alert(1)', 'not a url', '']) {
      expect(isNavigationAllowed(url), url).toBe(false);
    }
  });

  it('opens no new windows, not even of the desk', () => {
    expect(decideWindowOpen('https://example.com/')).toEqual({ action: 'deny' });
    expect(decideWindowOpen(appEntryUrl)).toEqual({ action: 'deny' });
  });
});

describe('the app:// protocol', () => {
  it('serves the built renderer with the browser host\'s CSP and headers', () => {
    const response = serveAppRequest(rendererDir, 'app://desk/');
    expect(response.status).toBe(200);
    expect(String(response.body)).toContain('<title>Frontdesk</title>');
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(serveAppRequest(rendererDir, 'app://desk/assets/app.js').headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it('never serves a file outside the renderer folder', () => {
    for (const url of ['app://desk/../secret.txt', 'app://desk/%2e%2e/secret.txt', 'app://desk/assets/..%2f..%2fsecret.txt', 'app://desk/.hidden']) {
      expect(serveAppRequest(rendererDir, url).status, url).toBe(404);
    }
  });

  it('answers only for the desk host', () => {
    expect(isAppUrl('app://other/index.html')).toBe(false);
    expect(serveAppRequest(rendererDir, 'app://other/index.html').status).toBe(404);
  });
});
