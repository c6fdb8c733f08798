// Written for Parley: the page tells main it listens (the contract's rendererReady) on every load, once subscribed,
// so that main can deliver what it held for it (main/renderer-events.ts). A refused call shows, which proves it is
// made; it comes after the document the page resumes, so a file opened at launch is the one left open.
import { expect, test } from './harness';

test('each load of the page calls rendererReady after it has opened the resumed document', async ({
  parley,
}) => {
  parley.failNext('rendererReady', 'Main refused the ready call.');
  const page = await parley.reload();
  await expect(page.getByText('Main refused the ready call.')).toBeVisible();
  // The resumed document was open before the call: its title is there with the error.
  await expect(page.getByRole('heading', { level: 1, name: /^Miliband/ })).toBeVisible();

  // A load whose call is answered shows no error.
  const again = await parley.reload();
  await expect(again.getByRole('heading', { level: 1, name: /^Miliband/ })).toBeVisible();
  await expect(again.getByText('Main refused the ready call.')).toHaveCount(0);
});
