// Written for Parley's update check, with a stand-in updater (an EventEmitter that answers checkForUpdates,
// downloadUpdate and quitAndInstall as electron-updater does: it emits its event, then resolves). It proves the
// promises of the README's "Updates": no updater is loaded and no network call is made unless the user turned
// the check on (or asked for one) in the installed app; the first check asked for asks consent; nothing downloads
// or installs without a yes; a skipped version is not offered again by the automatic check; the automatic check
// runs at most once a day; its errors are quiet, a check asked for says what went wrong.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { UpdateSettings } from '../../../main/settings';
import {
  createUpdateController,
  DAY_MS,
  isCheckDue,
  mayCheckAutomatically,
  shouldOffer,
  startUpdates,
  type Consent,
  type Offer,
  type UpdatePrompts,
} from '../../../main/updates';

/** Stands in for electron-updater's autoUpdater; each checkForUpdates is one network call. */
class StandInUpdater extends EventEmitter {
  autoDownload = true;
  autoInstallOnAppQuit = true;
  checks = 0;
  downloads = 0;
  installs = 0;
  /** The version on the release server; equal to the app's when there is nothing new. */
  latest = '1.0.0';
  failCheck: Error | undefined;
  failDownload: Error | undefined;

  async checkForUpdates(): Promise<unknown> {
    this.checks += 1;
    if (this.failCheck) {
      this.emit('error', this.failCheck);
      throw this.failCheck;
    }
    this.emit(this.latest === '1.0.0' ? 'update-not-available' : 'update-available', {
      version: this.latest,
    });
    return { updateInfo: { version: this.latest } };
  }

  async downloadUpdate(): Promise<unknown> {
    this.downloads += 1;
    if (this.failDownload) {
      this.emit('error', this.failDownload);
      throw this.failDownload;
    }
    this.emit('update-downloaded', { version: this.latest });
    return [];
  }

  quitAndInstall(): void {
    this.installs += 1;
  }
}

/** Settings in memory, as SettingsStore keeps them. */
class MemorySettings {
  constructor(public value: UpdateSettings = { automatic: false }) {}
  get updates(): UpdateSettings {
    return { ...this.value };
  }
  changeUpdates(change: Partial<UpdateSettings>): UpdateSettings {
    this.value = { ...this.value, ...change };
    for (const key of Object.keys(this.value) as Array<keyof UpdateSettings>) {
      if (this.value[key] === undefined) delete this.value[key];
    }
    return this.updates;
  }
}

/** Scripted answers; every question asked and every message shown is recorded. */
class ScriptedPrompts implements UpdatePrompts {
  asked: string[] = [];
  consent: Consent = 'once';
  offer: Offer = 'later';
  restart = false;
  async askConsent() {
    this.asked.push('consent');
    return this.consent;
  }
  async offerDownload(version: string, current: string) {
    this.asked.push(`offer ${version} over ${current}`);
    return this.offer;
  }
  async offerRestart(version: string) {
    this.asked.push(`restart for ${version}`);
    return this.restart;
  }
  async upToDate(current: string) {
    this.asked.push(`up to date ${current}`);
  }
  async failed(message: string) {
    this.asked.push(`failed: ${message}`);
  }
  async unavailable(reason: string) {
    this.asked.push(`unavailable: ${reason}`);
  }
}

function setUp(options: { settings?: UpdateSettings; isPackaged?: boolean; now?: Date } = {}) {
  const updater = new StandInUpdater();
  const settings = new MemorySettings(options.settings);
  const prompts = new ScriptedPrompts();
  const clock = { now: options.now ?? new Date('2026-03-01T10:00:00.000Z') };
  const logged: string[] = [];
  const changed: boolean[] = [];
  let loads = 0;
  const controller = createUpdateController({
    isPackaged: options.isPackaged ?? true,
    currentVersion: '1.0.0',
    settings,
    loadUpdater: async () => {
      loads += 1;
      return updater;
    },
    prompts,
    now: () => clock.now,
    log: (text) => logged.push(text),
    automaticChanged: (on) => changed.push(on),
  });
  const later = (ms: number) => {
    clock.now = new Date(clock.now.getTime() + ms);
  };
  return { controller, updater, settings, prompts, logged, changed, later, loads: () => loads };
}

/**
 * The user asks (Check Now) while the automatic check is on the network: its call to the release server is held
 * open until then, the reply's event coming `before` the user asks or `after`.
 */
async function checkNowDuringAutomatic(
  controller: ReturnType<typeof createUpdateController>,
  updater: StandInUpdater,
  reply: 'before' | 'after',
): Promise<void> {
  let release!: () => void;
  const slow = new Promise<void>((resolve) => (release = resolve));
  const check = updater.checkForUpdates.bind(updater);
  updater.checkForUpdates = async () => {
    if (reply === 'after') await slow;
    const result = await check();
    if (reply === 'before') await slow;
    return result;
  };
  const automatic = controller.checkIfDue();
  await new Promise((resolve) => setImmediate(resolve));
  const asked = controller.checkNow();
  release();
  await Promise.all([automatic, asked]);
}

describe('decisions', () => {
  const now = new Date('2026-03-02T10:00:00.000Z');
  test('a check is due with none yet, a day after the last, or after the clock went back', () => {
    assert.equal(isCheckDue({ automatic: true }, now), true);
    assert.equal(isCheckDue({ automatic: true, lastCheck: '2026-03-01T10:00:00.000Z' }, now), true);
    assert.equal(isCheckDue({ automatic: true, lastCheck: '2026-03-01T10:00:00.001Z' }, now), false);
    assert.equal(isCheckDue({ automatic: true, lastCheck: '2026-03-05T10:00:00.000Z' }, now), true);
  });

  test('the automatic check needs the setting on and the installed app', () => {
    assert.equal(mayCheckAutomatically({ automatic: false }, true, now), false);
    assert.equal(mayCheckAutomatically({ automatic: true }, false, now), false);
    assert.equal(mayCheckAutomatically({ automatic: true }, true, now), true);
  });

  test('a skipped version is offered only when the user asks', () => {
    const settings = { automatic: true, skippedVersion: '2.0.0' };
    assert.equal(shouldOffer('2.0.0', settings, false), false);
    assert.equal(shouldOffer('2.0.0', settings, true), true);
    assert.equal(shouldOffer('2.1.0', settings, false), true);
  });
});

describe('the update controller', () => {
  test('by default nothing is loaded and nothing goes on the network', async () => {
    const { controller, updater, prompts, loads } = setUp();
    await controller.checkIfDue();
    assert.equal(loads(), 0);
    assert.equal(updater.checks, 0);
    assert.deepEqual(prompts.asked, []);
  });

  test('a development build never checks, even turned on, and says so when asked', async () => {
    const { controller, updater, prompts, loads } = setUp({
      settings: { automatic: true },
      isPackaged: false,
    });
    await controller.checkIfDue();
    await controller.checkNow();
    assert.equal(loads(), 0);
    assert.equal(updater.checks, 0);
    assert.equal(prompts.asked.length, 1);
    assert.match(prompts.asked[0]!, /^unavailable: .*installed Parley/);
  });

  test('the first Check for Updates… asks consent; Cancel makes no call and asks again next time', async () => {
    const { controller, updater, prompts, settings, loads } = setUp();
    prompts.consent = 'cancel';
    await controller.checkNow();
    assert.deepEqual(prompts.asked, ['consent']);
    assert.equal(loads(), 0);
    assert.equal(updater.checks, 0);
    assert.deepEqual(settings.value, { automatic: false });
    await controller.checkNow();
    assert.deepEqual(prompts.asked, ['consent', 'consent']);
  });

  test('Check Now checks once, says it is up to date, and does not ask again; automatic stays off', async () => {
    const { controller, updater, prompts, settings } = setUp();
    prompts.consent = 'once';
    await controller.checkNow();
    assert.equal(updater.checks, 1);
    assert.deepEqual(prompts.asked, ['consent', 'up to date 1.0.0']);
    assert.equal(settings.value.automatic, false);
    assert.equal(settings.value.consented, true);
    await controller.checkNow();
    assert.equal(updater.checks, 2);
    assert.deepEqual(prompts.asked, ['consent', 'up to date 1.0.0', 'up to date 1.0.0']);
    // Consent to one check is not consent to the daily one.
    updater.checks = 0;
    await controller.checkIfDue();
    assert.equal(updater.checks, 0);
  });

  test('Check Automatically turns the daily check on and ticks the menu item', async () => {
    const { controller, prompts, settings, changed } = setUp();
    prompts.consent = 'automatic';
    await controller.checkNow();
    assert.equal(settings.value.automatic, true);
    assert.deepEqual(changed, [true]);
    assert.equal(controller.automatic, true);
  });

  test('the updater never downloads or installs by itself', async () => {
    const { controller, updater } = setUp({ settings: { automatic: true } });
    await controller.checkIfDue();
    assert.equal(updater.autoDownload, false);
    assert.equal(updater.autoInstallOnAppQuit, false);
  });

  test('the automatic check runs at most once a day', async () => {
    const { controller, updater, later, settings } = setUp({ settings: { automatic: true } });
    await controller.checkIfDue();
    assert.equal(updater.checks, 1);
    assert.equal(settings.value.lastCheck, '2026-03-01T10:00:00.000Z');
    later(DAY_MS - 1);
    await controller.checkIfDue();
    await controller.checkIfDue();
    assert.equal(updater.checks, 1);
    later(1);
    await controller.checkIfDue();
    assert.equal(updater.checks, 2);
  });

  test('turned off from the menu, the daily check stops', async () => {
    const { controller, updater, later, changed } = setUp({ settings: { automatic: true } });
    await controller.checkIfDue();
    controller.setAutomatic(false);
    later(2 * DAY_MS);
    await controller.checkIfDue();
    assert.equal(updater.checks, 1);
    assert.deepEqual(changed, [false]);
  });

  test('an automatic check that finds nothing says nothing', async () => {
    const { controller, updater, prompts } = setUp({ settings: { automatic: true } });
    await controller.checkIfDue();
    assert.equal(updater.checks, 1);
    assert.deepEqual(prompts.asked, []);
  });

  test('a new version is offered: Later downloads nothing', async () => {
    const { controller, updater, prompts } = setUp({ settings: { automatic: true } });
    updater.latest = '2.0.0';
    prompts.offer = 'later';
    await controller.checkIfDue();
    assert.deepEqual(prompts.asked, ['offer 2.0.0 over 1.0.0']);
    assert.equal(updater.downloads, 0);
  });

  test('Download downloads, then a restart is offered; only Restart Now installs', async () => {
    const { controller, updater, prompts } = setUp({ settings: { automatic: true } });
    updater.latest = '2.0.0';
    prompts.offer = 'download';
    prompts.restart = false;
    await controller.checkIfDue();
    assert.equal(updater.downloads, 1);
    assert.deepEqual(prompts.asked, ['offer 2.0.0 over 1.0.0', 'restart for 2.0.0']);
    assert.equal(updater.installs, 0);

    prompts.restart = true;
    await controller.checkNow();
    assert.equal(updater.downloads, 2);
    assert.equal(updater.installs, 1);
  });

  test('Skip This Version: the automatic check stays quiet about it, a check asked for still offers it', async () => {
    const { controller, updater, prompts, settings, later } = setUp({ settings: { automatic: true } });
    updater.latest = '2.0.0';
    prompts.offer = 'skip';
    await controller.checkIfDue();
    assert.equal(settings.value.skippedVersion, '2.0.0');
    assert.equal(updater.downloads, 0);

    later(DAY_MS);
    await controller.checkIfDue();
    assert.equal(updater.checks, 2);
    assert.deepEqual(prompts.asked, ['offer 2.0.0 over 1.0.0']);

    prompts.offer = 'download';
    await controller.checkNow();
    assert.deepEqual(prompts.asked, [
      'offer 2.0.0 over 1.0.0',
      'offer 2.0.0 over 1.0.0',
      'restart for 2.0.0',
    ]);
    assert.equal(settings.value.skippedVersion, undefined, 'downloading it un-skips it');

    updater.latest = '2.1.0';
    prompts.offer = 'later';
    later(DAY_MS);
    await controller.checkIfDue();
    assert.equal(prompts.asked.at(-1), 'offer 2.1.0 over 1.0.0');
  });

  test('a failed automatic check is only logged; a failed check asked for is shown', async () => {
    const { controller, updater, prompts, logged, later } = setUp({ settings: { automatic: true } });
    updater.failCheck = new Error('net::ERR_INTERNET_DISCONNECTED');
    await controller.checkIfDue();
    assert.deepEqual(prompts.asked, []);
    assert.ok(logged.some((line) => line.includes('ERR_INTERNET_DISCONNECTED')));

    later(DAY_MS);
    await controller.checkNow();
    assert.deepEqual(prompts.asked, [
      'failed: Parley could not check for updates: net::ERR_INTERNET_DISCONNECTED',
    ]);
  });

  test('a download the user chose that fails is shown, even from the automatic check', async () => {
    const { controller, updater, prompts } = setUp({ settings: { automatic: true } });
    updater.latest = '2.0.0';
    updater.failDownload = new Error('disk full');
    prompts.offer = 'download';
    await controller.checkIfDue();
    assert.deepEqual(prompts.asked, [
      'offer 2.0.0 over 1.0.0',
      'failed: The update could not be downloaded: disk full',
    ]);
  });

  test('Check Now while the automatic check is still on the network is answered once that check is done', async () => {
    const { controller, updater, prompts } = setUp({ settings: { automatic: true, consented: true } });
    await checkNowDuringAutomatic(controller, updater, 'after');
    assert.deepEqual(prompts.asked, ['up to date 1.0.0'], 'the user who asked hears the answer');
  });

  test('Check Now during an automatic check that found a new version offers it once, not twice', async () => {
    const { controller, updater, prompts } = setUp({ settings: { automatic: true, consented: true } });
    updater.latest = '2.0.0';
    const automatic = controller.checkIfDue();
    const asked = controller.checkNow();
    await Promise.all([automatic, asked]);
    assert.deepEqual(prompts.asked, ['offer 2.0.0 over 1.0.0']);
    assert.equal(updater.checks, 1);
  });

  test('Check Now during an automatic check that found only a skipped version offers it', async () => {
    const { controller, updater, prompts } = setUp({
      settings: { automatic: true, consented: true, skippedVersion: '2.0.0' },
    });
    updater.latest = '2.0.0';
    // The check has found 2.0.0 (and kept quiet about it) but not yet returned when the user asks.
    await checkNowDuringAutomatic(controller, updater, 'before');
    assert.deepEqual(prompts.asked, ['offer 2.0.0 over 1.0.0']);
  });

  test('Check Now after an automatic check that failed checks again and says what went wrong', async () => {
    const { controller, updater, prompts } = setUp({ settings: { automatic: true, consented: true } });
    updater.failCheck = new Error('offline');
    await checkNowDuringAutomatic(controller, updater, 'after');
    assert.deepEqual(prompts.asked, ['failed: Parley could not check for updates: offline']);
  });

  test('a check asked for that the updater does not run (null: not an updatable install) says so', async () => {
    const { controller, updater, prompts } = setUp({ settings: { automatic: false, consented: true } });
    updater.checkForUpdates = async () => {
      updater.checks += 1;
      return null;
    };
    await controller.checkNow();
    assert.equal(prompts.asked.length, 1, JSON.stringify(prompts.asked));
    assert.match(prompts.asked[0]!, /^unavailable: /);
  });

  test('settings that cannot be written: the check still runs, and Check Now says what went wrong', async () => {
    const { controller, updater, settings, prompts } = setUp();
    settings.changeUpdates = () => {
      throw new Error('EISDIR: illegal operation on a directory');
    };
    await assert.doesNotReject(controller.checkNow());
    assert.equal(updater.checks, 1, 'the check the user agreed to ran');
    assert.ok(
      prompts.asked.some((line) => /^failed: .*could not save.*EISDIR/.test(line)),
      JSON.stringify(prompts.asked),
    );
    assert.ok(prompts.asked.includes('up to date 1.0.0'), JSON.stringify(prompts.asked));
  });

  test('the updater is loaded once, whatever the number of checks', async () => {
    const { controller, loads, updater } = setUp({ settings: { automatic: true, consented: true } });
    await controller.checkNow();
    await controller.checkNow();
    assert.equal(loads(), 1);
    assert.equal(updater.listenerCount('update-available'), 1);
  });
});

describe('startUpdates', () => {
  test('with the defaults it writes no settings file and schedules only the due-check', async () => {
    const { mkdtempSync, readdirSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'parley-updates-'));
    try {
      const scheduled: number[] = [];
      const controller = startUpdates({
        app: { isPackaged: true, getVersion: () => '1.0.0', getPath: () => dir },
        dialog: {
          showMessageBox: async () => {
            throw new Error('no dialog is expected');
          },
        } as never,
        getWindow: () => null,
        every: (ms) => void scheduled.push(ms),
      });
      await new Promise((resolve) => setImmediate(resolve));
      assert.equal(controller.automatic, false);
      assert.deepEqual(scheduled, [60 * 60 * 1000]);
      assert.deepEqual(readdirSync(dir), [], 'reading the defaults writes nothing (no lastCheck)');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the built main bundle', () => {
  test('holds electron-updater and runs its code only inside loadElectronUpdater', (t) => {
    const bundlePath = join(fileURLToPath(new URL('../../..', import.meta.url)), 'dist', 'main', 'index.cjs');
    if (!existsSync(bundlePath)) {
      console.log(
        'Skipped: dist/main/index.cjs is not built (npm test builds it first; or run npm run build)',
      );
      t.skip('dist/main/index.cjs is not built');
      return;
    }
    const bundle = readFileSync(bundlePath, 'utf8');
    // Bundled, so the package needs no node_modules for it; esbuild wraps it in a function run on first call.
    assert.doesNotMatch(bundle, /require\(["']electron-updater["']\)/);
    const wrapper = /var (\w+) = __commonJS\(\{\s*"node_modules\/electron-updater\/out\/main\.js"/.exec(
      bundle,
    );
    assert.ok(wrapper, 'electron-updater is not in the bundle');
    const calls = [...bundle.matchAll(new RegExp(`\\b${wrapper[1]}\\(\\)`, 'g'))];
    assert.equal(calls.length, 1, 'electron-updater is started from one place only');
    const loader = bundle.lastIndexOf('async function loadElectronUpdater()', calls[0]!.index);
    assert.ok(
      loader >= 0 && bundle.indexOf('\n}', loader) > calls[0]!.index,
      'and that place is loadElectronUpdater',
    );
  });
});
