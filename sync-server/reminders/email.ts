// Email through SMTP (nodemailer). The Message-ID is chosen by the caller and recorded before
// sending, so a message can always be traced to its delivery row (docs/jobs.md).
import nodemailer from 'nodemailer';

export interface SmtpConfig {
  host: string;
  port: number;
  /** true: TLS from the first byte (port 465); false: STARTTLS when offered. */
  secure: boolean;
  user?: string;
  password?: string;
  from: string;
  /** Milliseconds to wait for the server at each step. */
  timeoutMs?: number;
}

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  messageId: string;
  invite?: string;
  language: string;
}

export interface Mailer {
  send(message: OutgoingEmail): Promise<{ response: string }>;
  close(): void;
}

export function createSmtpMailer(config: SmtpConfig): Mailer {
  const timeout = config.timeoutMs ?? 20_000;
  const transport = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.secure,
    auth: config.user ? { user: config.user, pass: config.password ?? '' } : undefined,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  });
  return {
    async send(message) {
      const info = await transport.sendMail({
        from: config.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        messageId: message.messageId,
        headers: { 'Content-Language': message.language },
        ...(message.invite ? {
          icalEvent: { method: 'PUBLISH', content: message.invite },
          attachments: [{ filename: 'appointment.ics', content: message.invite, contentType: 'text/calendar; charset=utf-8; method=PUBLISH' }],
        } : {}),
      });
      return { response: info.response };
    },
    close: () => transport.close(),
  };
}
