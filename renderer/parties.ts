// How the parties dialog reads what is typed: aliases as a comma-separated list, and colours as the colour
// picker can show them; and a party's name as a chip shows it.
import type { Party } from './types';

/** The short name when there is one, else the name. */
export function partyShortName(party: Pick<Party, 'name' | 'short'>): string {
  return party.short.trim() || party.name;
}

/** "Miliband, David Miliband,  Foreign Office; miliband" → three aliases, each once, in the order typed. */
export function parseAliases(text: string): string[] {
  const seen = new Set<string>();
  const aliases: string[] = [];
  for (const raw of text.split(/[,;\n]/)) {
    const alias = raw.trim().replace(/\s+/g, ' ');
    const key = alias.toLowerCase();
    if (!alias || seen.has(key)) continue;
    seen.add(key);
    aliases.push(alias);
  }
  return aliases;
}

/** A colour as `<input type="color">` holds it (`#rrggbb`), or null when it is not written in hex. */
export function colourInputValue(colour: string): string | null {
  const c = colour.trim().toLowerCase();
  if (/^#[0-9a-f]{6}$/.test(c)) return c;
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(c);
  return short ? `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}` : null;
}
