// Child process for the crash test: books and edits appointments as fast as it can until
// it is killed. Prints "ready" once writes are flowing.
import { FileKeyStore } from '../keystore';
import { openStore } from '../local-store';

const [dataDir, keyFile] = process.argv.slice(2) as [string, string];
const store = await openStore({ dataDir, keyStore: new FileKeyStore(keyFile) });
store.setOrganization('org-crash');
const start = Date.UTC(2026, 11, 1, 14);
for (let i = 0; ; i++) {
  const id = `0190a0f0-0000-7000-8000-${String(i).padStart(12, '0')}`;
  store.write({
    table: 'appointments', rowId: id, staffUserId: 'staff-1', action: 'appointment.book',
    values: { location_id: 'loc', provider_id: `prov-${i % 7}`, service_id: 'svc', patient_id: `pat-${i}`, start_at: start + i * 60_000, end_at: start + i * 60_000 + 900_000, confirmation_code: `C${i}`, booked_at: start },
  });
  store.write({ table: 'appointments', rowId: id, values: { status: 'confirmed', notes: `note ${i}` }, staffUserId: 'staff-2' });
  if (i === 50) process.stdout.write('ready\n');
}
