// A stand-in for window.parley in the renderer's store tests: every call is recorded by name and answered by the
// test's handler (or a default), and events are sent as main would send them.
import type { ParleyApi } from '../../../shared/contract';
import { createStore } from '../../../renderer/state/store';
import type { OpenedDocument } from '../../../renderer/types';
import { annotation, snapshot } from './fixtures';

export type Handler = (args: unknown) => unknown;

export function standIn(handlers: Record<string, Handler> = {}) {
  const calls: string[] = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const opened = (id: string): OpenedDocument =>
    ({
      document: { id, title: id, text: 'some text', openedAt: 'now', note: '' },
      annotations: [annotation(`${id}-a`, id)],
      needsReview: [],
    }) as unknown as OpenedDocument;
  const defaults: Record<string, Handler> = {
    loadNotebook: () => snapshot(5),
    saveState: () => ({ status: 'saved' }),
    openDocument: (args) => opened((args as { id: string }).id),
    rendererReady: () => undefined,
  };
  const api = new Proxy({} as ParleyApi, {
    get(_target, name: string) {
      if (name.startsWith('on')) {
        const event = name[2]!.toLowerCase() + name.slice(3);
        return (listener: (payload: unknown) => void) => {
          const set = listeners.get(event) ?? new Set();
          listeners.set(event, set);
          set.add(listener);
          return () => set.delete(listener);
        };
      }
      return async (args: unknown) => {
        calls.push(name);
        const handler = handlers[name] ?? defaults[name];
        if (!handler) throw new Error(`no stand-in for ${name}`);
        return handler(args);
      };
    },
  });
  const emit = (event: string, payload: unknown) => {
    for (const listener of listeners.get(event) ?? []) listener(payload);
  };
  return { api, calls, emit };
}

export const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

export async function started(handlers: Record<string, Handler> = {}) {
  const fake = standIn(handlers);
  const store = createStore(fake.api, { maxImportBytes: 1000 });
  store.start((docs) => docs[0]);
  await settle();
  await settle();
  return { ...fake, store };
}
