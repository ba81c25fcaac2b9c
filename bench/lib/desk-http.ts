// The browser host as a client sees it: the launch token from the printed address, and a
// signed-in session, for benchmarks that go through HTTP like the renderer does.
import type { TestDeskHost } from '../../e2e/support/start-desk';

export interface DeskClient {
  call<T>(name: string, input: unknown): Promise<T>;
}

export async function signInOverHttp(desk: TestDeskHost, role = 'receptionist'): Promise<DeskClient> {
  const token = decodeURIComponent(/#token=([^&]+)/.exec(desk.launchUrl)?.[1] ?? '');
  let session: string | null = null;
  async function call<T>(name: string, input: unknown): Promise<T> {
    const response = await fetch(`${desk.url}/api/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...(session ? { 'x-session': session } : {}) },
      body: JSON.stringify(input),
    });
    const result = (await response.json()) as { ok: true; value: T } | { ok: false; error: { message: string } };
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.value;
  }
  const person = desk.staff.find((s) => s.role === role);
  if (!person) throw new Error(`The demo clinic has no ${role}.`);
  const staff = await call<{ id: string; name: string }[]>('session.staff', {});
  const me = staff.find((s) => s.name === person.name);
  if (!me) throw new Error(`${person.name} is not on the sign-in list.`);
  session = (await call<{ sessionId: string }>('session.signIn', { staffUserId: me.id, secret: person.secret })).sessionId;
  return { call };
}
