/**
 * Registers the handler table on ipcMain through one wrapper that refuses any sender but the app's own main
 * frame, then hands the call to `dispatch`, which validates it.
 */
import type { IpcMain, IpcMainInvokeEvent, WebFrameMain } from 'electron';
import { channelNames, dispatch, type HandlerTable } from './dispatch';

export type SenderCheck = (frame: WebFrameMain | null) => boolean;

export function registerHandlers(ipcMain: IpcMain, table: HandlerTable, isTrusted: SenderCheck): () => void {
  const channels = channelNames();
  for (const channel of channels) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, args: unknown) => {
      if (!isTrusted(event.senderFrame)) {
        return {
          ok: false,
          error: { code: 'forbidden', message: `Refused ${channel} from an untrusted frame` },
        };
      }
      return dispatch(table, channel, args);
    });
  }
  return () => channels.forEach((channel) => ipcMain.removeHandler(channel));
}
