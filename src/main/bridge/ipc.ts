// Registers every bridge call on Electron's ipcMain through one wrapper that
// refuses any sender frame not served from the app's own origin, then goes
// through the shared dispatcher. Electron is injected (typed structurally) so
// this module is testable without it.
import { bridgeCallNames, IPC_CALL_PREFIX } from '../../shared/bridge';
import { dispatchBridgeCall, type DispatchLog } from './dispatch';
import type { BridgeHandlers } from './handlers';
import { isFromOrigin } from './origin';

export interface IpcInvokeEventLike {
  senderFrame: { url: string } | null;
}
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcInvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
}

export class ForeignSenderError extends Error {
  constructor(url: string | undefined) {
    super(`Refused a bridge call from a page outside the app (${url ?? 'unknown frame'}).`);
    this.name = 'ForeignSenderError';
  }
}

export function registerBridgeIpc(
  ipcMain: IpcMainLike,
  handlers: BridgeHandlers,
  options: { trustedOrigin: string; log: DispatchLog },
): void {
  for (const name of bridgeCallNames) {
    ipcMain.handle(IPC_CALL_PREFIX + name, async (event, args) => {
      const senderUrl = event.senderFrame?.url;
      if (!isFromOrigin(senderUrl, options.trustedOrigin)) {
        options.log.error(`bridge call ${name} refused: foreign sender ${senderUrl ?? '(none)'}`);
        // Rejecting (rather than answering with a failure value) gives a
        // foreign frame nothing at all.
        throw new ForeignSenderError(senderUrl);
      }
      return dispatchBridgeCall(name, args, handlers, options.log);
    });
  }
}
