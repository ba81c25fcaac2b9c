// The machine-wide configuration IT drops on a PC before (or with) the installer, so the
// app enrolls itself on first start. It lives where only an administrator can write and
// every user can read; the app never writes it.
import { readFile } from 'node:fs/promises';
import { win32 } from 'node:path';
import { z } from 'zod';

export const deviceRoles = ['front_desk', 'manager', 'kiosk'] as const;

const isLoopback = (host: string) => ['localhost', '127.0.0.1', '[::1]'].includes(host);

export const machineConfigSchema = z.object({
  serverUrl: z.string({ error: 'serverUrl is required: the sync server\'s address, e.g. "https://frontdesk.clinic.lan:8443".' })
    .transform((value, ctx) => {
      let url: URL;
      try {
        url = new URL(value);
      } catch {
        ctx.addIssue({ code: 'custom', message: `serverUrl "${value}" is not a web address; expected e.g. "https://frontdesk.clinic.lan:8443".` });
        return z.NEVER;
      }
      // Device tokens and patient data travel on this connection: clear text only on this computer.
      if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
        ctx.addIssue({ code: 'custom', message: `serverUrl must start with https:// (plain http is allowed only for localhost), not "${value}".` });
        return z.NEVER;
      }
      if (url.search || url.hash) {
        ctx.addIssue({ code: 'custom', message: 'serverUrl must be the server\'s address only, without "?" or "#" parts.' });
        return z.NEVER;
      }
      return url.href.replace(/\/+$/, '');
    }),
  location: z.string({ error: 'location must be text: the clinic location this device is at, as named in the manager\'s settings.' })
    .trim().min(1, 'location must not be empty.').max(200, 'location is longer than 200 characters.').optional(),
  deviceRole: z.enum(deviceRoles, { error: `deviceRole must be one of ${deviceRoles.map((r) => `"${r}"`).join(', ')}.` }),
  pairingCode: z.string({ error: 'pairingCode must be text, as printed by "npm run sync-server -- pairing-code".' })
    .trim().min(4, 'pairingCode is too short to be a pairing code.').max(40, 'pairingCode is too long to be a pairing code.').optional(),
  deviceName: z.string({ error: 'deviceName must be text.' }).trim().min(1, 'deviceName must not be empty.').max(100, 'deviceName is longer than 100 characters.').optional(),
  updateChannel: z.enum(['stable', 'pilot'], { error: 'updateChannel must be "stable" or "pilot".' }).default('stable'),
}).strict();

export type MachineConfig = z.infer<typeof machineConfigSchema>;

export class MachineConfigError extends Error {
  constructor(readonly file: string, readonly problems: string[]) {
    super(`The Frontdesk configuration in ${file} has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Where IT puts the file on each system. FRONTDESK_CONFIG overrides it (tests, unusual installs). */
export function machineConfigPath(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (env.FRONTDESK_CONFIG) return env.FRONTDESK_CONFIG;
  if (platform === 'win32') return win32.join(env.ProgramData ?? 'C:\\ProgramData', 'Frontdesk', 'config.json');
  if (platform === 'darwin') return '/Library/Application Support/Frontdesk/config.json';
  return '/etc/frontdesk/config.json';
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const field = issue.path.join('.');
  if (issue.code === 'unrecognized_keys') return `unknown setting${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} (allowed: ${Object.keys(machineConfigSchema.shape).join(', ')}).`;
  // Messages written above already name their field; zod's own ones do not.
  return field && !issue.message.startsWith(field) ? `${field}: ${issue.message}` : issue.message;
}

export function parseMachineConfig(json: unknown, file: string): MachineConfig {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new MachineConfigError(file, ['the file must hold one JSON object, e.g. {"serverUrl": "https://...", "deviceRole": "front_desk"}.']);
  const parsed = machineConfigSchema.safeParse(json);
  if (!parsed.success) throw new MachineConfigError(file, parsed.error.issues.map(describeIssue));
  return parsed.data;
}

/** The machine's configuration, or null when IT has not provided one (the person pairs by hand). */
export async function readMachineConfig(file = machineConfigPath()): Promise<MachineConfig | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new MachineConfigError(file, [`it cannot be read: ${(e as Error).message}`]);
  }
  let json: unknown;
  try {
    // Notepad saves UTF-8 with a byte-order mark, which JSON.parse refuses.
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new MachineConfigError(file, [`it is not valid JSON (${(e as Error).message}).`]);
  }
  return parseMachineConfig(json, file);
}
