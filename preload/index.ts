/**
 * The preload: exposes the contract's named functions on `window.parley` and nothing else — no raw
 * ipcRenderer, no invoke/send/on, so a compromised page can only make the calls main validates.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { buildApi } from './api';

const api = buildApi(
  (channel, args) => ipcRenderer.invoke(channel, args),
  (channel, listener) => {
    const handler = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, handler);
    return () => {
      ipcRenderer.removeListener(channel, handler);
    };
  },
);

contextBridge.exposeInMainWorld('parley', api);
