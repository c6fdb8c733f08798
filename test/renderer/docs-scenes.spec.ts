// The scenes the README's pictures show are built and checked on every run, without writing the pictures: the
// sample's four notes all shown and painted, and the comparison's four topics with the extradition row and the
// common ground. `npm run screenshots` photographs the same scenes into docs/.
import { test } from './harness';
import { showComparisonScene, showReadingScene } from './docs-scenes';

test('the reading view scene: the sample with four tagged notes, each painted with its topic', async ({
  parley,
}) => {
  await showReadingScene(parley);
});

test('the comparison scene: the sample compared across four topics, with the common ground', async ({
  parley,
}) => {
  await showComparisonScene(parley);
});
