#!/usr/bin/env node
/** Entry point of the `parley` command line (bundled to dist/cli.cjs, which sits beside assets/). */
import { join } from 'node:path';
import { run } from './cli/commands';
import { SAMPLE_FILE } from './first-run';

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
}).then((code) => {
  process.exitCode = code;
});
