// Writes the README's pictures: docs/reading-view.png and docs/comparison-view.png, and the reading view at
// 1280×800 and 800×700 in light and dark (docs/reading-<width>x<height>-<scheme>.png), from the scenes of
// test/renderer/docs-scenes.ts in Debian's Chromium, through the renderer harness. Run by `npm run screenshots`,
// never by `npm test`, so the tracked pictures change only when someone means them to.
import { fileURLToPath } from 'node:url';
import { test } from '../../test/renderer/harness';
import { showComparisonScene, showReadingScene } from '../../test/renderer/docs-scenes';

const docs = (name: string) => fileURLToPath(new URL(`../../docs/${name}`, import.meta.url));

test('docs/reading-view.png', async ({ parley }) => {
  const page = await showReadingScene(parley);
  await page.screenshot({ path: docs('reading-view.png'), animations: 'disabled', caret: 'hide' });
});

test('docs/comparison-view.png', async ({ parley }) => {
  const page = await showComparisonScene(parley);
  await page.screenshot({ path: docs('comparison-view.png'), animations: 'disabled', caret: 'hide' });
});

for (const [width, height] of [
  [1280, 800],
  [800, 700],
] as const) {
  for (const colorScheme of ['light', 'dark'] as const) {
    const name = `reading-${width}x${height}-${colorScheme}.png`;
    test.describe(name, () => {
      // Every page of the test's context (the scene reloads its page) opens at this size and in this scheme.
      test.use({ viewport: { width, height }, colorScheme });
      test(`docs/${name}`, async ({ parley }) => {
        const page = await showReadingScene(parley);
        await page.screenshot({ path: docs(name), animations: 'disabled', caret: 'hide' });
      });
    });
  }
}
