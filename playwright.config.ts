// End-to-end tests: Debian's Chromium against the browser host, a real sync server and real
// encrypted databases (e2e/support/start-desk.ts). `npm run test:e2e` builds the renderer first.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'e2e',
  // One desk (sync server + device) per worker; two cores here.
  workers: 1,
  fullyParallel: false,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  outputDir: 'test-results/e2e',
  use: {
    viewport: { width: 1440, height: 900 },
    locale: 'en-US',
    // Not the clinic's zone: the schedule must show the location's times whatever the desk's zone.
    timezoneId: 'Europe/Berlin',
    actionTimeout: 15_000,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
});
