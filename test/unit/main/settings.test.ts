// Written for Parley's settings file: missing means the defaults (updates off), a damaged file is kept aside
// unchanged and never written over, a bad value is refused before anything is written, and a write leaves either
// the old file or the new one and no temp file.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  defaultSettings,
  loadSettings,
  saveSettings,
  SETTINGS_FILE,
  SettingsStore,
  type Settings,
} from '../../../main/settings';

function inTempDir(run: (dir: string, path: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'parley-settings-'));
  try {
    run(dir, join(dir, SETTINGS_FILE));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const at = () => new Date('2026-03-01T10:00:00.000Z');

describe('settings file', () => {
  test('no file: updates are off, and nothing is written by reading', () => {
    inTempDir((dir, path) => {
      const loaded = loadSettings(path);
      assert.deepEqual(loaded.settings, { updates: { automatic: false } });
      assert.equal(loaded.problem, undefined);
      assert.deepEqual(readdirSync(dir), []);
    });
  });

  test('what is saved is read back', () => {
    inTempDir((_dir, path) => {
      const settings: Settings = {
        updates: {
          automatic: true,
          consented: true,
          skippedVersion: '1.2.0',
          lastCheck: '2026-03-01T09:00:00.000Z',
        },
      };
      saveSettings(path, settings);
      assert.deepEqual(loadSettings(path).settings, settings);
    });
  });

  for (const [what, text] of [
    ['not JSON', '{"updates": {"automatic": tru'],
    ['a wrong type', '{"updates": {"automatic": "yes"}}'],
    ['a bad date', '{"updates": {"automatic": true, "lastCheck": "yesterday"}}'],
    ['no object at all', '[]'],
  ] as const) {
    test(`a file with ${what} gives the defaults and is kept aside unchanged`, () => {
      inTempDir((dir, path) => {
        writeFileSync(path, text);
        const loaded = loadSettings(path, at);
        assert.deepEqual(loaded.settings, defaultSettings());
        assert.ok(loaded.problem, 'says what was wrong');
        assert.equal(loaded.setAside, `${path}.damaged-2026-03-01T10-00-00-000Z`);
        assert.equal(readFileSync(loaded.setAside, 'utf8'), text);
        assert.deepEqual(readdirSync(dir), [`${SETTINGS_FILE}.damaged-2026-03-01T10-00-00-000Z`]);
      });
    });
  }

  test('a file saved by Notepad (with a byte-order mark) is read as it is', () => {
    inTempDir((dir, path) => {
      writeFileSync(path, '\uFEFF{"updates": {"automatic": true, "consented": true}}');
      const loaded = loadSettings(path, at);
      assert.equal(loaded.problem, undefined);
      assert.deepEqual(loaded.settings.updates, { automatic: true, consented: true });
      assert.deepEqual(readdirSync(dir), [SETTINGS_FILE]);
    });
  });

  test('settings this version does not know (a newer Parley’s) are kept, and written back as they were', () => {
    inTempDir((_dir, path) => {
      writeFileSync(path, '{"updates": {"automatic": false, "channel": "beta"}, "theme": {"dark": true}}');
      const store = new SettingsStore(path, at);
      assert.equal(store.loaded.problem, undefined);
      store.changeUpdates({ automatic: true, consented: true });
      assert.deepEqual(JSON.parse(readFileSync(path, 'utf8')), {
        updates: { automatic: true, channel: 'beta', consented: true },
        theme: { dark: true },
      });
    });
  });

  test('a time with an offset and a file with no update settings are read, not thrown away', () => {
    inTempDir((dir, path) => {
      writeFileSync(path, '{"updates": {"automatic": true, "lastCheck": "2026-12-05T10:00:00+01:00"}}');
      const loaded = loadSettings(path, at);
      assert.equal(loaded.problem, undefined);
      assert.deepEqual(loaded.settings.updates, { automatic: true, lastCheck: '2026-12-05T10:00:00+01:00' });
      writeFileSync(path, '{"theme": {"dark": true}}');
      const other = loadSettings(path, at);
      assert.equal(other.problem, undefined);
      assert.deepEqual(other.settings, { theme: { dark: true }, updates: { automatic: false } });
      assert.deepEqual(readdirSync(dir), [SETTINGS_FILE]);
    });
  });

  test('a write that fails leaves no temp file behind', () => {
    inTempDir((dir, path) => {
      mkdirSync(path);
      assert.throws(() => saveSettings(path, defaultSettings()));
      assert.deepEqual(readdirSync(dir), [SETTINGS_FILE]);
    });
  });

  test('an invalid value is refused and the old file stays as it was', () => {
    inTempDir((_dir, path) => {
      saveSettings(path, { updates: { automatic: true } });
      const before = readFileSync(path, 'utf8');
      assert.throws(() => saveSettings(path, { updates: { automatic: 'on' } } as unknown as Settings));
      assert.throws(() => saveSettings(path, { updates: { automatic: true, skippedVersion: '' } }));
      assert.equal(readFileSync(path, 'utf8'), before);
    });
  });

  test('a write leaves only the settings file (the temp file is renamed over it)', () => {
    inTempDir((dir, path) => {
      saveSettings(path, { updates: { automatic: false } });
      saveSettings(path, { updates: { automatic: true } });
      assert.deepEqual(readdirSync(dir), [SETTINGS_FILE]);
      assert.deepEqual(JSON.parse(readFileSync(path, 'utf8')), { updates: { automatic: true } });
    });
  });
});

describe('SettingsStore', () => {
  test('merges a change, writes it through, and drops a value set to undefined', () => {
    inTempDir((_dir, path) => {
      const store = new SettingsStore(path);
      store.changeUpdates({ automatic: true, skippedVersion: '2.0.0' });
      assert.deepEqual(new SettingsStore(path).updates, { automatic: true, skippedVersion: '2.0.0' });
      store.changeUpdates({ skippedVersion: undefined });
      assert.deepEqual(JSON.parse(readFileSync(path, 'utf8')), { updates: { automatic: true } });
    });
  });

  test('a change that cannot be written keeps the value in memory as it was', () => {
    inTempDir((dir, path) => {
      const store = new SettingsStore(path);
      rmSync(dir, { recursive: true });
      writeFileSync(dir, 'a file where the profile folder was');
      try {
        assert.throws(() => store.changeUpdates({ automatic: true }));
        assert.equal(store.updates.automatic, false);
      } finally {
        rmSync(dir, { force: true });
      }
    });
  });
  test('the author name: an older file (none) reads as before, empty; a name set is written, read back, and kept beside the rest', () => {
    inTempDir((_dir, path) => {
      writeFileSync(path, '{"updates": {"automatic": true}, "welcome": {"dismissed": true}}');
      const store = new SettingsStore(path);
      assert.equal(store.loaded.problem, undefined);
      assert.equal(store.authorName, '');
      assert.deepEqual(store.updates, { automatic: true });
      assert.equal(store.changeAuthorName('  Ana Silva  '), 'Ana Silva');
      const written = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
      assert.equal(written['authorName'], 'Ana Silva');
      assert.deepEqual(written['updates'], { automatic: true });
      assert.deepEqual(written['welcome'], { dismissed: true });
      assert.equal(new SettingsStore(path).authorName, 'Ana Silva');
      // An empty name takes it away again: the file is as an older Parley wrote it.
      assert.equal(store.changeAuthorName('   '), '');
      assert.ok(!('authorName' in (JSON.parse(readFileSync(path, 'utf8')) as object)));
      assert.equal(new SettingsStore(path).authorName, '');
    });
  });

  test('an author name that cannot be written keeps the old one', () => {
    inTempDir((dir, path) => {
      const store = new SettingsStore(path);
      store.changeAuthorName('Ana');
      rmSync(dir, { recursive: true });
      writeFileSync(dir, 'a file where the profile folder was');
      try {
        assert.throws(() => store.changeAuthorName('Boris'));
        assert.equal(store.authorName, 'Ana');
      } finally {
        rmSync(dir, { force: true });
      }
    });
  });
});
