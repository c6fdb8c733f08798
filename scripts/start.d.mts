/** Types of scripts/start.mjs, for its test. */
export function electronArgs(
  argv: readonly string[],
  options: { uid: number | undefined; platform: NodeJS.Platform },
): { args: string[]; sandboxOff: boolean };
