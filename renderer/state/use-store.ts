// How views reach the store: one store per page, made here over window.parley (the only place the page's API
// is named), handed down through a context; `useAppState` renders again on every change.
import { createContext } from 'preact';
import { useContext, useEffect, useReducer } from 'preact/hooks';
import { MAX_IMPORT_BYTES } from '../../shared/limits';
import { createStore, type State, type Store } from './store';

export function connectStore(): Store {
  return createStore(window.parley, { maxImportBytes: MAX_IMPORT_BYTES });
}

export const StoreContext = createContext<Store | null>(null);

export function useStore(): Store {
  const store = useContext(StoreContext);
  if (!store) throw new Error('No store: render inside StoreContext.Provider.');
  return store;
}

/** The whole state, rendered again whenever it changes. */
export function useAppState(): State {
  const store = useStore();
  const [, rendered] = useReducer((n: number) => n + 1, 0);
  useEffect(() => store.subscribe(() => rendered(undefined)), [store]);
  return store.get();
}
