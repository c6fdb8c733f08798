/**
 * Parley's own settings: a small JSON file in the profile folder, beside the notebook but not in it, so a setting
 * is not undone by restoring a notebook backup. It holds the update check's choices (off until the user turns it
 * on), whether the first start's welcome was dismissed, and the author name recorded on the highlights made here
 * (team notebooks). Reading never fails: a missing file means the defaults, settings a newer Parley wrote are kept as
 * they are, and a file that is not valid JSON or not the expected shape is moved aside unchanged (`settings.json.damaged-<time>`) and the defaults are used. Writing
 * is atomic: a temp file in the same folder, synced, renamed over the old one, so a crash leaves either file whole.
 */
import { readFileSync, renameSync } from 'node:fs';
import { z } from 'zod';
import { MAX_NAME_LENGTH } from '../shared/limits';
import { writeSmallFileSync } from './small-file';
import { errnoCode } from './errors';

export const SETTINGS_FILE = 'settings.json';

const updateSettingsSchema = z
  .object({
    /** Check GitHub for a new release once a day. Off by default: no network call without consent. */
    automatic: z.boolean(),
    /** The user agreed to a check at least once (the first manual check asks first). */
    consented: z.boolean().optional(),
    /** A version the user said to skip; the automatic check stays quiet about it. */
    skippedVersion: z.string().min(1).max(100).optional(),
    /** When the last check started (ISO 8601), so automatic checks run at most once a day. */
    lastCheck: z.iso.datetime({ offset: true }).optional(),
  })
  // Settings this version does not know (a newer Parley's) are kept as they are and written back.
  .loose();

const welcomeSettingsSchema = z
  .object({
    /** The reader dismissed the first start's welcome; it shows again only from Help › Getting Started. */
    dismissed: z.boolean(),
    /** The welcome was shown at the first start: later starts do not show it again (Help › Getting Started does). */
    shown: z.boolean().optional(),
  })
  .loose();

const settingsSchema = z
  .object({
    updates: updateSettingsSchema.default({ automatic: false }),
    /** Absent until a first start records it (an older profile has none: its reader needs no welcome). */
    welcome: welcomeSettingsSchema.optional(),
    /**
     * Who makes the highlights in this profile, set once in Preferences and recorded on each (and sent with every
     * change sync sends). Absent in an older profile, which reads as before: no name.
     */
    authorName: z.string().trim().max(MAX_NAME_LENGTH).optional(),
  })
  .loose();

export type UpdateSettings = z.infer<typeof updateSettingsSchema>;
export type WelcomeSettings = z.infer<typeof welcomeSettingsSchema>;
export type Settings = z.infer<typeof settingsSchema>;

export function defaultSettings(): Settings {
  return { updates: { automatic: false } };
}

export interface LoadedSettings {
  settings: Settings;
  /** Where a damaged file was moved, when it was. */
  setAside?: string;
  /** Why the file was not used, when it was not. */
  problem?: string;
}

/** Reads the settings file; anything but a valid file gives the defaults, and a damaged file is kept aside. */
export function loadSettings(path: string, now: () => Date = () => new Date()): LoadedSettings {
  let text: string;
  try {
    // A byte-order mark (Notepad's UTF-8) is no reason to throw the settings away.
    text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return { settings: defaultSettings() };
    return { settings: defaultSettings(), problem: `could not read ${path}: ${(error as Error).message}` };
  }
  let problem: string;
  try {
    const parsed = settingsSchema.safeParse(JSON.parse(text));
    if (parsed.success) return { settings: parsed.data };
    problem = `${path} is not in the expected shape: ${parsed.error.issues.map((issue) => issue.message).join('; ')}`;
  } catch (error) {
    problem = `${path} is not valid JSON: ${(error as Error).message}`;
  }
  const setAside = `${path}.damaged-${now().toISOString().replace(/[:.]/g, '-')}`;
  try {
    renameSync(path, setAside);
    return { settings: defaultSettings(), setAside, problem };
  } catch (error) {
    return {
      settings: defaultSettings(),
      problem: `${problem} (and it could not be moved aside: ${(error as Error).message})`,
    };
  }
}

/** Writes the settings atomically (main/small-file.ts); an invalid value is refused before anything is written. */
export function saveSettings(path: string, settings: Settings): void {
  const checked = settingsSchema.parse(settings);
  writeSmallFileSync(path, `${JSON.stringify(checked, null, 2)}\n`);
}

/** The settings in memory, read once and written through on every change. */
export class SettingsStore {
  private current: Settings;
  readonly loaded: LoadedSettings;

  constructor(
    readonly path: string,
    now: () => Date = () => new Date(),
  ) {
    this.loaded = loadSettings(path, now);
    this.current = this.loaded.settings;
    if (this.loaded.problem) console.error(`[parley] settings: ${this.loaded.problem}; using the defaults`);
  }

  get updates(): UpdateSettings {
    return { ...this.current.updates };
  }

  /** Merges a change into the update settings and writes the file. A failed write keeps the old value. */
  changeUpdates(change: Partial<UpdateSettings>): UpdateSettings {
    const next: Settings = { ...this.current, updates: { ...this.current.updates, ...change } };
    for (const key of Object.keys(next.updates) as Array<keyof UpdateSettings>) {
      if (next.updates[key] === undefined) delete next.updates[key];
    }
    saveSettings(this.path, next);
    this.current = next;
    return this.updates;
  }

  /** Whether the welcome was dismissed; undefined when this profile never recorded it. */
  get welcome(): WelcomeSettings | undefined {
    return this.current.welcome && { ...this.current.welcome };
  }

  /** The author name set in Preferences; empty when none is. */
  get authorName(): string {
    return this.current.authorName ?? '';
  }

  /**
   * Sets the author name (trimmed; an empty one removes it) and writes the file. A name too long is refused, and
   * a failed write keeps the old value.
   */
  changeAuthorName(name: string): string {
    const trimmed = name.trim();
    const next: Settings = { ...this.current };
    if (trimmed) next.authorName = trimmed;
    else delete next.authorName;
    saveSettings(this.path, next);
    this.current = next;
    return this.authorName;
  }

  /** Records the welcome's state and writes the file. A failed write keeps the old value. */
  changeWelcome(welcome: WelcomeSettings): WelcomeSettings {
    const next: Settings = { ...this.current, welcome: { ...this.current.welcome, ...welcome } };
    saveSettings(this.path, next);
    this.current = next;
    return { ...welcome };
  }
}
