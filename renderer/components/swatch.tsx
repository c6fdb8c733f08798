// A topic's colour as a small dot; the colour travels in a custom property set through CSSOM, which the CSP allows.
export function Swatch({ colour }: { colour: string }) {
  return <span class="swatch" aria-hidden="true" style={{ '--swatch': colour }} />;
}
