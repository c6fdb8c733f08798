// Two projects: the renderer in Debian's Chromium against the real handlers (test/renderer), and the whole app
// through Playwright's _electron (test/e2e), which runs only where an Electron binary is installed.
import { defineConfig } from '@playwright/test';
import { chromiumPath } from './scripts/chromium-path';

export default defineConfig({
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: { trace: 'off', screenshot: 'only-on-failure' },
  projects: [
    {
      name: 'renderer',
      testDir: 'test/renderer',
      use: {
        browserName: 'chromium',
        launchOptions: {
          ...(chromiumPath() ? { executablePath: chromiumPath() } : {}),
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
        viewport: { width: 1280, height: 860 },
      },
    },
    { name: 'e2e', testDir: 'test/e2e' },
  ],
});
