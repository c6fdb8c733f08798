/**
 * Builds `window.parley` from the contract: one named function per call and one `onX` per event, over any
 * transport. The preload passes Electron's IPC; the renderer tests pass a Playwright binding to the same handlers.
 */
import {
  calls,
  eventChannels,
  subscribeName,
  type CallName,
  type Envelope,
  type EventName,
  type ParleyApi,
} from '../shared/contract';

export type Invoke = (channel: string, args: unknown) => Promise<Envelope<unknown>>;
export type Listen = (channel: string, listener: (payload: unknown) => void) => () => void;

export function buildApi(invoke: Invoke, listen: Listen): ParleyApi {
  const api: Record<string, unknown> = {};
  for (const name of Object.keys(calls) as CallName[]) {
    const { channel } = calls[name];
    api[name] = async (args?: unknown) => {
      const envelope = await invoke(channel, args);
      if (envelope.ok) return envelope.value;
      const error = new Error(envelope.error.message);
      error.name = envelope.error.code;
      throw error;
    };
  }
  for (const name of Object.keys(eventChannels) as EventName[]) {
    api[subscribeName(name)] = (listener: (payload: unknown) => void) =>
      listen(eventChannels[name], listener);
  }
  return api as ParleyApi;
}
