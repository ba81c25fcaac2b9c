// The kiosk's only way to the desk: the five kiosk operations, with the kiosk token and
// nothing else. In a browser (a tablet, or a kiosk window on the desk's computer) over
// POST kiosk/api/<name> with the token as a bearer header; in Electron's kiosk window over
// the preload's invoke, which takes the token in the input. Never the desk's launch token.
import type { ApiErrorBody } from '../../main/api/operation';
import type { KioskClientOperation } from '../../main/api/kiosk';
import type { Api } from '../../main/api/router';

export type KioskInput<K extends KioskClientOperation> = Omit<Api[K]['input'], 'kioskToken'>;
export type KioskOutput<K extends KioskClientOperation> = Api[K]['output'];
export type KioskResult<K extends KioskClientOperation> = { ok: true; value: KioskOutput<K> } | { ok: false; error: ApiErrorBody };
export type KioskAppointment = NonNullable<KioskOutput<'kiosk.find'>['appointment']>;

interface KioskBridge {
  invoke(name: string, input: unknown): Promise<unknown>;
}

const unreachable: ApiErrorBody = { code: 'internal', message: 'The front desk computer is not answering.' };

export async function callKiosk<K extends KioskClientOperation>(name: K, input: KioskInput<K>, token: string | null): Promise<KioskResult<K>> {
  const bridge = (window as unknown as { frontdesk?: KioskBridge }).frontdesk;
  try {
    if (bridge) return (await bridge.invoke(name, token ? { ...input, kioskToken: token } : input)) as KioskResult<K>;
    const response = await fetch(`kiosk/api/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(input),
    });
    return (await response.json()) as KioskResult<K>;
  } catch {
    return { ok: false, error: unreachable };
  }
}
