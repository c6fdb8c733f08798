// Writes the README's pictures, docs/reading-view.png and docs/comparison-view.png: the scenes of
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
