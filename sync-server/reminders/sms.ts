// SMS through an HTTP provider with a Twilio-style API: POST {baseUrl}/Accounts/{sid}/Messages.json,
// form-encoded To, From, Body (and StatusCallback), HTTP Basic auth with the account id and
// token. Every request carries an Idempotency-Key (the delivery's dedupe key): a provider that
// honours it drops the duplicate of a message whose first attempt's answer was lost.
export interface SmsConfig {
  baseUrl: string;
  accountSid: string;
  authToken: string;
  from: string;
  /** Where the provider reports delivery status (our /v1/sms/status). */
  statusCallbackUrl?: string;
  timeoutMs?: number;
}

export interface OutgoingSms {
  to: string;
  body: string;
  idempotencyKey: string;
}

export class SmsSendError extends Error {
  constructor(message: string, readonly retryable: boolean) {
    super(message);
  }
}

export interface SmsProvider {
  send(message: OutgoingSms): Promise<{ sid: string; status: string }>;
}

export function createSmsProvider(config: SmsConfig): SmsProvider {
  const url = `${config.baseUrl.replace(/\/$/, '')}/Accounts/${encodeURIComponent(config.accountSid)}/Messages.json`;
  const authorization = `Basic ${Buffer.from(`${config.accountSid}:${config.authToken}`).toString('base64')}`;
  return {
    async send({ to, body, idempotencyKey }) {
      const form = new URLSearchParams({ To: to, From: config.from, Body: body });
      if (config.statusCallbackUrl) form.set('StatusCallback', config.statusCallbackUrl);
      let res: Response;
      try {
        res = await fetch(url, {
          method: 'POST',
          headers: { authorization, 'content-type': 'application/x-www-form-urlencoded', 'idempotency-key': idempotencyKey },
          body: form,
          signal: AbortSignal.timeout(config.timeoutMs ?? 10_000),
        });
      } catch (e) {
        // Timeouts and refused connections: the provider may be back in a minute.
        throw new SmsSendError(`SMS provider unreachable: ${(e as Error).message}`, true);
      }
      const text = await res.text();
      if (!res.ok) {
        // 429 and 5xx are the provider's trouble; any other 4xx is ours (bad number, bad credentials) and will not heal by retrying.
        throw new SmsSendError(`SMS provider answered ${res.status}: ${text.slice(0, 200)}`, res.status === 429 || res.status >= 500);
      }
      const json = JSON.parse(text) as { sid?: string; status?: string };
      if (!json.sid) throw new SmsSendError('SMS provider answered without a message id', true);
      return { sid: json.sid, status: json.status ?? 'queued' };
    },
  };
}
