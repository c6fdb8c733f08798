// `npm run screenshots`: the README's pictures, taken in the renderer project's browser and window size.
import { defineConfig } from '@playwright/test';
import base from '../../playwright.config';

const renderer = base.projects?.find((project) => project.name === 'renderer');
if (!renderer) throw new Error('playwright.config.ts has no renderer project');

export default defineConfig({
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 1,
  reporter: 'list',
  outputDir: '../../test-results/screenshots',
  testDir: '.',
  testMatch: 'docs-images.ts',
  use: { ...renderer.use, trace: 'off', screenshot: 'off' },
});
