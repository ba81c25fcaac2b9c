// npm run bench: every figure beside the baseline measured in the same run.
import type { Figure } from './lib/measure';

const suites: Record<string, () => Promise<{ run(): Promise<Figure[]> }>> = {
  'store-write': () => import('./store-write.bench'),
  encryption: () => import('./encryption.bench'),
  availability: () => import('./availability.bench'),
  'day-view-500k': () => import('./day-view-500k.bench'),
  'sync-throughput': () => import('./sync-throughput.bench'),
  propagation: () => import('./propagation.bench'),
  'initial-sync': () => import('./initial-sync.bench'),
  analytics: () => import('./analytics.bench'),
  'week-view': () => import('./week-view.bench'),
  'api-booking': () => import('./api-booking.bench'),
  'reminder-planning': () => import('./reminder-planning.bench'),
};

const only = process.argv.slice(2);
let failed = 0;
for (const [name, load] of Object.entries(suites)) {
  if (only.length > 0 && !only.includes(name)) continue;
  process.stdout.write(`\n== ${name}\n`);
  const figures = await (await load()).run();
  for (const f of figures) {
    const ratio = f.ratio === undefined ? '' : `  ratio ${f.ratio.toFixed(2)}x`;
    console.log(`${f.met ? 'ok  ' : 'MISS'} ${f.name}: ${f.value} vs ${f.baseline}${ratio}  (target ${f.target})`);
    if (!f.met) failed++;
  }
}
console.log(failed === 0 ? '\nall targets met' : `\n${failed} target(s) missed`);
