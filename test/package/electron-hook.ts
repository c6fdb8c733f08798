/**
 * Loaded with `--import` (after tsx) when package.test.ts boots the packaged main bundle: that bundle is CommonJS
 * and calls `require('electron')`, which this hook answers with test/unit/main/electron-stand-in.ts, the stand-in
 * the composition tests use. Nothing else is redirected: every other module resolves as it would in the package.
 */
import Module from 'node:module';
import { fileURLToPath } from 'node:url';

const standIn = fileURLToPath(new URL('../unit/main/electron-stand-in.ts', import.meta.url));
type Resolve = (this: unknown, request: string, ...rest: unknown[]) => string;
const loader = Module as unknown as { _resolveFilename: Resolve };
const resolveFilename = loader._resolveFilename;
loader._resolveFilename = function (request, ...rest) {
  return resolveFilename.call(this, request === 'electron' ? standIn : request, ...rest);
};
