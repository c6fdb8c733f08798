/** Types of scripts/start.mjs, for its test. */
export function electronArgs(
  argv: readonly string[],
  options: { uid: number | undefined; platform: NodeJS.Platform },
): { args: string[]; sandboxOff: boolean };

/** Electron's binary from its npm package, fetched with the package's install.js when missing. */
export function findOrFetchElectron(
  packageDir: string,
  options?: { nodeVersion?: string; log?: (text: string) => void },
): { binary: string; error?: undefined } | { error: string; binary?: undefined };
