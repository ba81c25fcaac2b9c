import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy as hostPolicy } from '../host/security';
import { withContentSecurityPolicy } from './content-security';

describe('the CSP on every response the window loads', () => {
  it('is the browser host\'s policy: no inline or remote script, no framing', () => {
    const headers = withContentSecurityPolicy({ 'Content-Type': ['text/html'] });
    expect(headers['Content-Security-Policy']).toEqual([hostPolicy]);
    expect(hostPolicy).toContain("script-src 'self'");
    expect(hostPolicy).not.toContain('unsafe-inline');
    expect(hostPolicy).not.toContain('unsafe-eval');
    expect(hostPolicy).toContain("object-src 'none'");
    expect(headers['Content-Type']).toEqual(['text/html']);
  });

  it('replaces a looser policy a response brought, whatever the header\'s case', () => {
    const headers = withContentSecurityPolicy({
      'content-security-policy': ["script-src 'unsafe-inline' *"],
      'CONTENT-SECURITY-POLICY-REPORT-ONLY': ['default-src *'],
    });
    expect(Object.keys(headers)).toEqual(['Content-Security-Policy']);
    expect(JSON.stringify(headers)).not.toContain('unsafe-inline');
  });

  it('adds the policy to a response that had no headers', () => {
    expect(withContentSecurityPolicy(undefined)).toEqual({ 'Content-Security-Policy': [hostPolicy] });
  });
});
