/** One document exactly as schemas 1 and 2 wrote it (later schemas add fields to it). */
export const talksDocument = {
  id: 'd1',
  title: 'Talks',
  source: 'RT',
  published: '2009-11-02',
  url: '',
  importedAt: '2026-11-30T10:00:00.000Z',
  format: 'text',
  text: 'Lavrov said no.',
  blocks: [{ kind: 'paragraph', start: 0, end: 15 }],
  contentHash: 'abc',
};
