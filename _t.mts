import { openTempStore } from './main/store/testing/temp-store';
import { createDemoClinic, loadDemoClinic } from './main/store/seed-demo';
let t = Date.now();
const clinic = await createDemoClinic({ anchorDate: '2026-03-11' });
console.log('gen', Date.now() - t, Object.fromEntries(Object.entries(clinic.tables).map(([k, v]) => [k, v!.length])));
for (const unencrypted of [false, true]) {
  const temp = await openTempStore({ unencrypted });
  t = Date.now();
  console.log(loadDemoClinic(temp.store, clinic), Date.now() - t);
  console.log(temp.store.sqlite.prepare('select hlc from appointments limit 1').get());
  temp.cleanup();
}
