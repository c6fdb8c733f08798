// Runs Doyensec's electronegativity over the app's own source (main, preload, renderer and package.json) and
// fails when a HIGH or MEDIUM finding is not explained in .electronegativity-accepted.json, when an explanation no
// longer matches any finding (it would hide the next one), or when a file could not be parsed (it would go
// unscanned). The TypeScript sources are scanned rather than dist/: the bundles are .cjs files, which the scanner
// skips, and its parser cannot read the bundled main (class private fields).
//
// Offline: the scanner asks the network for translations and for Electron's release list. Its HTTP client is
// replaced, before the scanner loads, by one that refuses at once, so it uses its bundled English texts and no
// request leaves the machine. The release check (AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK) needs that list and is
// left out; the Electron version is pinned in package.json and checked by test/unit/main/electron-checklist.test.ts.
//
// Usage: node scripts/electronegativity.mjs [--report FILE.sarif]
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const ACCEPTED_FILE = '.electronegativity-accepted.json';
const SCANNED = ['main', 'preload', 'renderer', 'package.json'];
const BLOCKING = new Set(['HIGH', 'MEDIUM']);
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

const require = createRequire(join(root, 'package.json'));
const scannerDir = dirname(require.resolve('@doyensec/electronegativity/package.json'));
const gotPath = createRequire(join(scannerDir, 'package.json')).resolve('got');
const offline = () => Promise.reject(new Error('electronegativity runs offline here'));
offline.get = offline;
offline.head = offline;
require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: offline };
const scannerModule = require(scannerDir);
const scan = scannerModule.default ?? scannerModule;

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const electronVersion = String(pkg.devDependencies?.electron ?? '').replace(/^[^\d]*/, '');
const reportArg = process.argv.indexOf('--report');
const report = reportArg > 0 ? resolve(process.argv[reportArg + 1] ?? '') : undefined;

/** @typedef {{ id: string, file: string, sample: string, reason: string }} Accepted */
/** @type {{ accepted: Accepted[] }} */
const explanations = JSON.parse(readFileSync(join(root, ACCEPTED_FILE), 'utf8'));
for (const entry of explanations.accepted) {
  for (const key of ['id', 'file', 'sample', 'reason']) {
    if (typeof entry[key] !== 'string' || entry[key].trim() === '') {
      console.error(`${ACCEPTED_FILE}: every entry needs a non-empty "${key}": ${JSON.stringify(entry)}`);
      process.exit(2);
    }
  }
}

const firstLine = (sample) =>
  String(sample ?? '')
    .split('\n', 1)[0]
    .trim();

// A copy of exactly what is scanned, so tests, scripts and build output stay out of it.
const staging = mkdtempSync(join(tmpdir(), 'parley-electronegativity-'));
let result;
try {
  for (const entry of SCANNED) cpSync(join(root, entry), join(staging, entry), { recursive: true });
  // The scanner logs its own translation miss through console.log; keep it out of the report.
  const log = console.log;
  console.log = (...args) => {
    if (!String(args[0]).startsWith('Could not retrieve updated translations')) log(...args);
  };
  try {
    result = await scan({
      input: staging,
      isRelative: true,
      electronVersionOverride: electronVersion || undefined,
      excludeFromScan: EXCLUDED_CHECKS,
      ...(report ? { output: report, isSarif: true } : {}),
    });
  } finally {
    console.log = log;
  }
} finally {
  rmSync(staging, { recursive: true, force: true });
}

let failed = false;
console.log(
  `electronegativity over ${SCANNED.join(', ')} (Electron ${electronVersion}): ` +
    `${result.globalChecks} global and ${result.atomicChecks} atomic checks, ${result.issues.length} findings`,
);
if (result.atomicChecks === 0) {
  console.error('No check ran: the scanner did not load its checks.');
  failed = true;
}
for (const error of result.errors) {
  console.error(`Could not scan ${error.file}: ${error.message}`);
  if (!error.tolerable) failed = true;
}

const used = new Set();
for (const issue of result.issues) {
  const severity = issue.severity?.name ?? 'UNKNOWN';
  const confidence = issue.confidence?.name ?? 'UNKNOWN';
  const where = `${issue.file}:${issue.location?.line ?? 0}`;
  const sample = firstLine(issue.sample);
  const entry = explanations.accepted.find(
    (a) => a.id === issue.id && a.file === issue.file && a.sample === sample,
  );
  if (entry) used.add(entry);
  let status;
  if (entry) status = `explained: ${entry.reason}`;
  else if (BLOCKING.has(severity) || severity === 'UNKNOWN') {
    status = `UNEXPLAINED: add {"id": "${issue.id}", "file": "${issue.file}", "sample": ${JSON.stringify(sample)}, "reason": "..."} to ${ACCEPTED_FILE}, or fix it`;
    failed = true;
  } else status = 'low: reported only';
  console.log(
    `- ${severity}/${confidence} ${issue.id} at ${where}${sample ? ` \`${sample}\`` : ''}\n    ${status}`,
  );
}
for (const entry of explanations.accepted) {
  if (used.has(entry)) continue;
  console.error(
    `Stale explanation in ${ACCEPTED_FILE}: no ${entry.id} in ${entry.file} at \`${entry.sample}\`; remove it.`,
  );
  failed = true;
}

if (failed) {
  console.error('electronegativity: failed');
  process.exit(1);
}
console.log('electronegativity: every HIGH and MEDIUM finding is explained');
