// Sandboxed preload: exposes `window.oai` with exactly one method per bridge
// call plus one listener hook for main -> renderer events. It never exposes
// ipcRenderer, a generic invoke/send, or anything Electron.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { bridgeCallNames, bridgeEventNames, eventHookName, IPC_CALL_PREFIX, IPC_EVENT_CHANNEL, type OaiBridge } from '../shared/bridge';

function buildBridge(): OaiBridge {
  const calls = Object.fromEntries(
    bridgeCallNames.map((name) => [name, (args: unknown) => ipcRenderer.invoke(IPC_CALL_PREFIX + name, args)]),
  );
  const hooks = Object.fromEntries(
    bridgeEventNames.map((name) => [
      eventHookName(name),
      (listener: (payload: unknown) => void): (() => void) => {
        const relay = (_event: IpcRendererEvent, message: { event: string; payload: unknown }) => {
          if (message.event === name) listener(message.payload);
        };
        ipcRenderer.on(IPC_EVENT_CHANNEL, relay);
        return () => {
          ipcRenderer.removeListener(IPC_EVENT_CHANNEL, relay);
        };
      },
    ]),
  );
  return { ...calls, ...hooks } as OaiBridge;
}

contextBridge.exposeInMainWorld('oai', buildBridge());
