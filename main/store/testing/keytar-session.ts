// Run inside a D-Bus session with gnome-keyring (see keytar-keystore.test.ts): opens the
// store with the real OS keychain and prints what happened as one JSON line.
import { KeytarKeyStore, loadKeytar } from '../keystore';
import { openStore } from '../local-store';

const [dataDir, action] = process.argv.slice(2) as [string, 'create' | 'reopen'];
try {
  const store = await openStore({ dataDir, keyStore: new KeytarKeyStore(await loadKeytar(), 'keytar-test') });
  if (action === 'create') {
    store.setOrganization('org-keytar');
    store.write({ table: 'patients', rowId: '0190a0f0-0000-7000-8000-00000000b001', values: { first_name: 'Imelda', last_name: 'Quirke', date_of_birth: '1970-02-03' }, staffUserId: null });
  }
  const patients = store.sqlite.prepare('select count(*) as n from patients').get() as { n: number };
  store.close();
  console.log(JSON.stringify({ ok: true, patients: patients.n }));
} catch (e) {
  console.log(JSON.stringify({ ok: false, code: (e as { code?: string }).code, message: (e as Error).message }));
}
