// Who holds a position, at a glance: the party's colour and short name as a chip, its full name for assistive
// technology; and the stance beside it as a plain chip.
import { partyShortName } from '../parties';
import type { Party } from '../types';

export { partyShortName };

export function PartyChip({ party }: { party: Pick<Party, 'name' | 'short' | 'colour'> }) {
  return (
    <span class="chip chip--party" style={{ '--swatch': party.colour }} title={party.name}>
      <span class="swatch" aria-hidden="true" />
      <span aria-hidden="true">{partyShortName(party)}</span>
      <span class="visually-hidden">Party: {party.name}</span>
    </span>
  );
}

export function StanceChip({ stance }: { stance: string }) {
  return (
    <span class="chip chip--stance">
      <span class="visually-hidden">Stance: </span>
      {stance}
    </span>
  );
}
