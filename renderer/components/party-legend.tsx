// The key to colour by party, at the top of the reading column while it is on: which line colour is which party
// (the parties of the highlights shown), that a highlight without a party has no line, and a way to turn it off.
import type { Party } from '../types';
import '../styles/party-colours.css';

export interface PartyLegendProps {
  /** The parties whose highlights are shown, in the notebook's order. */
  parties: ReadonlyArray<Pick<Party, 'id' | 'name' | 'colour'>>;
  onTurnOff(): void;
}

export function PartyLegend({ parties, onTurnOff }: PartyLegendProps) {
  return (
    <section class="party-legend" aria-label="Colour by party">
      <span class="party-legend__title">Underlined by party:</span>
      {parties.length > 0 ? (
        <ul class="party-legend__list">
          {parties.map((party) => (
            <li key={party.id} class="party-legend__item" style={{ '--party': party.colour }}>
              <span class="party-legend__line" aria-hidden="true" />
              {party.name}
            </li>
          ))}
          <li class="party-legend__item party-legend__item--none">no line: no party</li>
        </ul>
      ) : (
        <span class="party-legend__empty">no highlight shown here names a party yet.</span>
      )}
      <button
        type="button"
        class="button button--small button--quiet party-legend__off"
        aria-label="Turn off colour by party"
        onClick={onTurnOff}
      >
        Turn off
      </button>
    </section>
  );
}
