import { describe, expect, it } from 'vitest';
import { isTrustedSender } from './ipc-sender';

const desk = new Set([7]);

describe('the IPC sender check', () => {
  it('trusts the top frame of a desk window showing the desk', () => {
    expect(isTrustedSender({ sender: { id: 7 }, senderFrame: { url: 'app://desk/index.html', parent: null } }, desk)).toBe(true);
    expect(isTrustedSender({ sender: { id: 7 }, senderFrame: { url: 'app://desk/', parent: null } }, desk)).toBe(true);
  });

  it('refuses a subframe inside the desk, even one served from the desk itself', () => {
    expect(isTrustedSender({ sender: { id: 7 }, senderFrame: { url: 'app://desk/index.html', parent: { url: 'app://desk/index.html' } } }, desk)).toBe(false);
  });

  it('refuses a desk window that has navigated elsewhere', () => {
    for (const url of ['https://example.com/', 'file:///etc/passwd', 'app://other/index.html', 'app://desk@evil/', 'about:blank', 'data:text/html,hi']) {
      expect(isTrustedSender({ sender: { id: 7 }, senderFrame: { url, parent: null } }, desk)).toBe(false);
    }
  });

  it('refuses web contents this app did not create as a desk window', () => {
    expect(isTrustedSender({ sender: { id: 8 }, senderFrame: { url: 'app://desk/index.html', parent: null } }, desk)).toBe(false);
  });

  it('refuses a sender whose frame is already gone', () => {
    expect(isTrustedSender({ sender: { id: 7 }, senderFrame: null }, desk)).toBe(false);
  });
});
