/**
 * The update check, off until the user turns it on. Parley is offline-first: nothing leaves the machine without
 * consent, so by default no updater is even loaded. The user turns the check on with Help › Check for Updates
 * Automatically, or asks once with Help › Check for Updates… (the first time, Parley says what it will do and asks).
 *
 * When it is on, the installed app asks GitHub's releases (electron-builder's `publish` in electron-builder.yml)
 * at most once a day. Nothing downloads or installs by itself: a new version is offered (Download, Later, Skip This
 * Version), a downloaded one offers a restart, and a skipped version is not offered again by the automatic check.
 * Errors in the automatic check are only logged (a laptop offline is not news); a check the user asked for says
 * what went wrong. The decisions are plain functions and a controller over an injected updater, so the tests
 * drive them with a stand-in; `startUpdates` wires the real electron-updater, imported only when a check runs.
 */
import type { BrowserWindow, Dialog } from 'electron';
import { join } from 'node:path';
import { AUTOMATIC_MENU_ID } from './menu';
import { SETTINGS_FILE, SettingsStore, type UpdateSettings } from './settings';
import { errorMessage as message } from './errors';

export const DAY_MS = 24 * 60 * 60 * 1000;
/** How often the running app looks whether a daily check is due. */
export const DUE_CHECK_INTERVAL_MS = 60 * 60 * 1000;

/** The part of electron-updater's AppUpdater that Parley uses. */
export interface Updater {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  checkForUpdates(): Promise<unknown>;
  downloadUpdate(): Promise<unknown>;
  quitAndInstall(): void;
  on(
    event: 'update-available' | 'update-not-available' | 'update-downloaded',
    listener: (info: UpdateInfo) => void,
  ): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

export interface UpdateInfo {
  version: string;
}

export type Consent = 'once' | 'automatic' | 'cancel';
export type Offer = 'download' | 'later' | 'skip';

/** What the user is asked and told. */
export interface UpdatePrompts {
  /** Before the first check the user asks for: check once, check automatically from now on, or not at all. */
  askConsent(): Promise<Consent>;
  offerDownload(version: string, currentVersion: string): Promise<Offer>;
  /** True to restart now and install. */
  offerRestart(version: string): Promise<boolean>;
  upToDate(currentVersion: string): Promise<void>;
  /** Only for checks the user asked for (and downloads the user chose). */
  failed(message: string): Promise<void>;
  /** A check asked for where there is nothing to update (a development build). */
  unavailable(reason: string): Promise<void>;
}

export interface UpdateSettingsStore {
  readonly updates: UpdateSettings;
  changeUpdates(change: Partial<UpdateSettings>): UpdateSettings;
}

export interface UpdateDeps {
  isPackaged: boolean;
  currentVersion: string;
  settings: UpdateSettingsStore;
  /** Loads the updater; called only when a check is allowed to run. */
  loadUpdater: () => Promise<Updater>;
  prompts: UpdatePrompts;
  now?: () => Date;
  log?: (message: string) => void;
  /** Told when the automatic setting changes (the consent dialog can turn it on). */
  automaticChanged?: (automatic: boolean) => void;
}

export interface UpdateController {
  readonly automatic: boolean;
  /** The automatic check: runs only when turned on, in the installed app, and a day after the last one. */
  checkIfDue(): Promise<void>;
  /** Help › Check for Updates…: asks for consent the first time, then checks and says what it found. */
  checkNow(): Promise<void>;
  /** Help › Check for Updates Automatically. */
  setAutomatic(on: boolean): void;
}

/** A day since the last check (or none yet, or a clock that went back). */
export function isCheckDue(settings: UpdateSettings, now: Date): boolean {
  if (!settings.lastCheck) return true;
  const last = Date.parse(settings.lastCheck);
  if (Number.isNaN(last) || last > now.getTime()) return true;
  return now.getTime() - last >= DAY_MS;
}

/** Whether the automatic check may reach the network now. */
export function mayCheckAutomatically(settings: UpdateSettings, isPackaged: boolean, now: Date): boolean {
  return isPackaged && settings.automatic && isCheckDue(settings, now);
}

/** A version the user skipped is not offered by the automatic check; a check the user asks for offers it. */
export function shouldOffer(version: string, settings: UpdateSettings, manual: boolean): boolean {
  return manual || version !== settings.skippedVersion;
}

export function createUpdateController(deps: UpdateDeps): UpdateController {
  const now = deps.now ?? (() => new Date());
  const log = deps.log ?? ((text: string) => console.error(`[parley] updates: ${text}`));
  let updater: Updater | undefined;
  /** The check under way, if any. */
  let inFlight: Promise<void> | undefined;
  /** What the check under way (or the last one) has learnt so far. */
  let outcome: 'pending' | 'available' | 'skipped' | 'not-available' = 'pending';
  /** Whether the check in progress was asked for by the user. */
  let manual = false;
  /** Dialogs started by the updater's events, awaited before a check or a download counts as done. */
  const followUps: Array<Promise<void>> = [];

  const settle = async () => {
    while (followUps.length > 0) await Promise.all(followUps.splice(0));
  };
  /** Saves the choice; if it cannot be saved, says so and shows the setting as it still is. */
  const setAutomatic = (on: boolean) => {
    try {
      deps.settings.changeUpdates(on ? { automatic: true, consented: true } : { automatic: false });
    } catch (error) {
      log(`could not save the setting: ${message(error)}`);
      void deps.prompts.failed(`Parley could not save the update setting: ${message(error)}`);
    }
    deps.automaticChanged?.(deps.settings.updates.automatic);
  };

  const offer = async (updaterNow: Updater, version: string) => {
    const settings = deps.settings.updates;
    if (!shouldOffer(version, settings, manual)) {
      outcome = 'skipped';
      return log(`${version} is available; the user skipped it`);
    }
    const choice = await deps.prompts.offerDownload(version, deps.currentVersion);
    if (choice === 'skip') {
      deps.settings.changeUpdates({ skippedVersion: version });
      return;
    }
    if (choice !== 'download') return;
    if (settings.skippedVersion === version) deps.settings.changeUpdates({ skippedVersion: undefined });
    try {
      await updaterNow.downloadUpdate();
    } catch (error) {
      // The user chose to download: a failure is theirs to hear about, whoever started the check.
      await deps.prompts.failed(`The update could not be downloaded: ${message(error)}`);
    }
    await settle();
  };

  const load = async (): Promise<Updater> => {
    if (updater) return updater;
    const loaded = await deps.loadUpdater();
    loaded.autoDownload = false;
    loaded.autoInstallOnAppQuit = false;
    loaded.on('update-available', (info) => {
      outcome = 'available';
      followUps.push(offer(loaded, info.version));
    });
    loaded.on('update-not-available', () => {
      outcome = 'not-available';
      if (manual) followUps.push(deps.prompts.upToDate(deps.currentVersion));
    });
    loaded.on('update-downloaded', (info) => {
      followUps.push(
        deps.prompts.offerRestart(info.version).then((restart) => {
          if (restart) loaded.quitAndInstall();
        }),
      );
    });
    // The promise of the call that failed carries the error; an 'error' event with no listener would throw.
    loaded.on('error', (error) => log(message(error)));
    updater = loaded;
    return loaded;
  };

  const check = (askedFor: boolean): Promise<void> => {
    if (inFlight) {
      // A check is under way. The user who asks meanwhile hears its answer: it becomes theirs while it has none
      // yet; one that found nothing is reported to them; one that failed, or found only a version the user
      // skipped (which a check asked for offers), is run again for them.
      if (!askedFor || manual) return inFlight;
      if (outcome === 'pending') {
        manual = true;
        return inFlight;
      }
      const found = outcome;
      return inFlight.then(() => {
        if (found === 'available') return undefined;
        return found === 'not-available' ? deps.prompts.upToDate(deps.currentVersion) : check(true);
      });
    }
    manual = askedFor;
    outcome = 'pending';
    inFlight = (async () => {
      try {
        try {
          deps.settings.changeUpdates({ lastCheck: now().toISOString() });
        } catch (error) {
          // Without it the next automatic check may come sooner than a day: no reason not to check now.
          log(`could not note the time of the check: ${message(error)}`);
        }
        const active = await load();
        const result = await active.checkForUpdates();
        await settle();
        if (result == null && outcome === 'pending' && manual) {
          await deps.prompts.unavailable(
            'This copy of Parley cannot update itself (electron-updater does not run for it: an unpacked or ' +
              'extracted copy, or a package it does not update). Download the new version from the releases page.',
          );
        }
      } catch (error) {
        if (manual) await deps.prompts.failed(`Parley could not check for updates: ${message(error)}`);
        else log(`the automatic check failed: ${message(error)}`);
      } finally {
        inFlight = undefined;
      }
    })();
    return inFlight;
  };

  return {
    get automatic() {
      return deps.settings.updates.automatic;
    },
    async checkIfDue() {
      if (!mayCheckAutomatically(deps.settings.updates, deps.isPackaged, now())) return;
      await check(false);
    },
    async checkNow() {
      if (!deps.isPackaged) {
        await deps.prompts.unavailable(
          'Updates are checked only in the installed Parley, not in a development build.',
        );
        return;
      }
      const settings = deps.settings.updates;
      if (!settings.automatic && !settings.consented) {
        const consent = await deps.prompts.askConsent();
        if (consent === 'cancel') return;
        if (consent === 'automatic') setAutomatic(true);
        else {
          try {
            deps.settings.changeUpdates({ consented: true });
          } catch (error) {
            // The user said yes to this check: it runs; the next one asks again.
            await deps.prompts.failed(`Parley could not save your answer: ${message(error)}`);
          }
        }
      }
      await check(true);
    },
    setAutomatic,
  };
}

type MessageBox = Pick<Dialog, 'showMessageBox'>;

/** The prompts as native message boxes over Parley's window. */
export function electronUpdatePrompts(
  dialog: MessageBox,
  getWindow: () => BrowserWindow | null,
): UpdatePrompts {
  const ask = async (options: Electron.MessageBoxOptions): Promise<number> => {
    const win = getWindow();
    const result =
      win && !win.isDestroyed()
        ? await dialog.showMessageBox(win, options)
        : await dialog.showMessageBox(options);
    return result.response;
  };
  return {
    async askConsent() {
      const response = await ask({
        type: 'question',
        title: 'Check for Updates',
        message: 'Ask GitHub whether a newer Parley has been released?',
        detail:
          'Parley asks github.com/parley-app/parley for its latest release. Nothing about you or your notebook is ' +
          'sent. You can check now only, or once a day from now on (Help › Check for Updates Automatically).',
        buttons: ['Check Now', 'Check Automatically', 'Cancel'],
        defaultId: 0,
        cancelId: 2,
        noLink: true,
      });
      return (['once', 'automatic', 'cancel'] as const)[response] ?? 'cancel';
    },
    async offerDownload(version, currentVersion) {
      const response = await ask({
        type: 'info',
        title: 'Update Available',
        message: `Parley ${version} is available.`,
        detail: `You have ${currentVersion}. Download it now? Parley asks before it installs anything.`,
        buttons: ['Download', 'Later', 'Skip This Version'],
        defaultId: 0,
        cancelId: 1,
        noLink: true,
      });
      return (['download', 'later', 'skip'] as const)[response] ?? 'later';
    },
    async offerRestart(version) {
      const response = await ask({
        type: 'info',
        title: 'Update Ready',
        message: `Parley ${version} has been downloaded.`,
        detail: 'Restart now to install it? Your notebook is saved first.',
        buttons: ['Restart Now', 'Later'],
        defaultId: 0,
        cancelId: 1,
        noLink: true,
      });
      return response === 0;
    },
    async upToDate(currentVersion) {
      await ask({
        type: 'info',
        title: 'No Update',
        message: `Parley ${currentVersion} is the latest version.`,
      });
    },
    async failed(text) {
      await ask({ type: 'warning', title: 'Update Check', message: text });
    },
    async unavailable(reason) {
      await ask({ type: 'info', title: 'Update Check', message: reason });
    },
  };
}

/** electron-updater, loaded only here: importing it starts no network call, and it is not imported by default. */
export async function loadElectronUpdater(): Promise<Updater> {
  const { autoUpdater } = await import('electron-updater');
  return autoUpdater;
}

export interface StartUpdatesOptions {
  app: { isPackaged: boolean; getVersion(): string; getPath(name: 'userData'): string };
  dialog: MessageBox;
  getWindow: () => BrowserWindow | null;
  /** The application menu, whose Check for Updates Automatically is ticked when the consent dialog turns it on. */
  menu?: { getApplicationMenu(): { getMenuItemById(id: string): { checked: boolean } | null } | null };
  every?: (ms: number, run: () => void) => void;
  /** The profile's settings, when main already holds them (one store per file, so no write undoes another's). */
  settings?: SettingsStore;
}

/** The app's wiring: settings in the profile, native prompts, the daily check when it is turned on. */
export function startUpdates(options: StartUpdatesOptions): UpdateController {
  const settings =
    options.settings ?? new SettingsStore(join(options.app.getPath('userData'), SETTINGS_FILE));
  const controller = createUpdateController({
    isPackaged: options.app.isPackaged,
    currentVersion: options.app.getVersion(),
    settings,
    loadUpdater: loadElectronUpdater,
    prompts: electronUpdatePrompts(options.dialog, options.getWindow),
    automaticChanged: (automatic) => {
      const item = options.menu?.getApplicationMenu()?.getMenuItemById(AUTOMATIC_MENU_ID);
      if (item) item.checked = automatic;
    },
  });
  const every =
    options.every ??
    ((ms: number, run: () => void) => {
      setInterval(run, ms).unref();
    });
  void controller.checkIfDue();
  every(DUE_CHECK_INTERVAL_MS, () => void controller.checkIfDue());
  return controller;
}
