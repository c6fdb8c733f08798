// A component rendered again only when `same` says its props changed. preact/compat has one, but importing compat
// installs its option hooks for the whole window, which rewrite every element's props as it is created (`class`
// moved after the others, among other things); this is the same few lines on Preact's own component instances.
import { h, type ComponentType, type FunctionComponent } from 'preact';

interface Instance<P> {
  props: P;
  shouldComponentUpdate?: (next: P) => boolean;
}

export function memo<P extends object>(
  component: ComponentType<P>,
  same: (prev: P, next: P) => boolean,
): FunctionComponent<P> {
  function Memoed(this: Instance<P>, props: P) {
    this.shouldComponentUpdate = (next: P) => !same(this.props, next);
    return h(component, props);
  }
  Memoed.displayName = `Memo(${component.displayName ?? component.name})`;
  return Memoed as FunctionComponent<P>;
}
