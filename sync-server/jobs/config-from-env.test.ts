import { describe, expect, it } from 'vitest';
import { readJobsConfig } from './config-from-env';

describe('jobs configuration from the environment', () => {
  it('runs with no channel configured, with the documented defaults', () => {
    expect(readJobsConfig({})).toEqual({
      enabled: true, publicUrl: null, smtp: null, sms: null, smsWebhookSecret: null, linkSecret: null,
      tickMs: 15_000, leaseMs: undefined, offersPerSlot: 3, offerTtlMs: 2 * 3_600_000,
    });
    expect(readJobsConfig({ FRONTDESK_JOBS: 'off' }).enabled).toBe(false);
  });

  it('reads SMTP and SMS settings, TLS from the first byte on port 465 only', () => {
    const c = readJobsConfig({
      FRONTDESK_SMTP_HOST: 'smtp.example.org', FRONTDESK_SMTP_PORT: '465', FRONTDESK_SMTP_USER: 'u', FRONTDESK_SMTP_PASSWORD: 'p', FRONTDESK_SMTP_FROM: 'clinic@example.org',
      FRONTDESK_SMS_URL: 'https://sms.example.org/2010-04-01', FRONTDESK_SMS_ACCOUNT_SID: 'AC1', FRONTDESK_SMS_AUTH_TOKEN: 't', FRONTDESK_SMS_FROM: '+15550000',
      FRONTDESK_PUBLIC_URL: 'https://clinic.example.org/', FRONTDESK_WAITLIST_OFFERS: '5', FRONTDESK_WAITLIST_OFFER_MINUTES: '30',
    });
    expect(c.smtp).toEqual({ host: 'smtp.example.org', port: 465, secure: true, user: 'u', password: 'p', from: 'clinic@example.org' });
    expect(c.sms).toEqual({ baseUrl: 'https://sms.example.org/2010-04-01', accountSid: 'AC1', authToken: 't', from: '+15550000' });
    expect(c.publicUrl).toBe('https://clinic.example.org');
    expect([c.offersPerSlot, c.offerTtlMs]).toEqual([5, 30 * 60_000]);
    expect(readJobsConfig({ FRONTDESK_SMTP_HOST: 'h', FRONTDESK_SMTP_FROM: 'a@b.c' }).smtp).toMatchObject({ port: 587, secure: false });
  });

  it('refuses half a configuration and nonsense numbers, naming the variable', () => {
    expect(() => readJobsConfig({ FRONTDESK_SMTP_HOST: 'h' })).toThrow(/FRONTDESK_SMTP_FROM must be set/);
    expect(() => readJobsConfig({ FRONTDESK_SMS_URL: 'https://x', FRONTDESK_SMS_FROM: '+1' })).toThrow(/FRONTDESK_SMS_ACCOUNT_SID, FRONTDESK_SMS_AUTH_TOKEN must be set/);
    expect(() => readJobsConfig({ FRONTDESK_JOBS_TICK_MS: '0' })).toThrow(/FRONTDESK_JOBS_TICK_MS must be a positive whole number/);
    expect(() => readJobsConfig({ FRONTDESK_LINK_SECRET: 'short' })).toThrow(/at least 32 characters/);
  });
});
