#!/usr/bin/env node
/** Entry point of the `parley` command line (bundled to dist/cli.cjs, which sits beside assets/). */
import { join } from 'node:path';
import { invocationOf, run } from './cli/commands';
import { SAMPLE_FILE } from './first-run';

/** package.json's version, put in by scripts/build.mjs. */
declare const __PARLEY_VERSION__: string;

// A reader that stops early (`parley export | head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

void run(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  env: process.env,
  samplePath: join(__dirname, '..', SAMPLE_FILE),
  version: __PARLEY_VERSION__,
  invocation: invocationOf(process.argv[1]),
}).then((code) => {
  process.exitCode = code;
});
