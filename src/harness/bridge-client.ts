// The browser harness's stand-in for Electron's preload: a classic script,
// generated from the same contract, that defines window.oai with one method
// per bridge call over HTTP and the event hook over Server-Sent Events.
import { bridgeCallNames, bridgeEventNames, eventHookName } from '../shared/bridge';

export const BRIDGE_PATH = '/__bridge/';
export const EVENTS_PATH = '/__bridge-events';
export const BRIDGE_SCRIPT_PATH = '/__harness/bridge.js';

export function bridgeClientScript(): string {
  return `"use strict";
(() => {
  const names = ${JSON.stringify(bridgeCallNames)};
  const call = (name) => async (args) => {
    const response = await fetch(${JSON.stringify(BRIDGE_PATH)} + name, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(args === undefined ? {} : args),
    });
    if (!response.ok && response.status !== 200) {
      return { ok: false, error: { code: 'harness_http_' + response.status, message: await response.text() } };
    }
    return response.json();
  };
  const api = {};
  for (const name of names) api[name] = call(name);
  const events = ${JSON.stringify(Object.fromEntries(bridgeEventNames.map((name) => [name, eventHookName(name)])))};
  let source = null;
  const listeners = new Map();
  for (const [name, hook] of Object.entries(events)) {
    listeners.set(name, new Set());
    api[hook] = (listener) => {
      listeners.get(name).add(listener);
      if (source === null) {
        source = new EventSource(${JSON.stringify(EVENTS_PATH)});
        for (const eventName of Object.keys(events)) {
          source.addEventListener(eventName, (event) => {
            const payload = JSON.parse(event.data);
            for (const l of listeners.get(eventName)) l(payload);
          });
        }
      }
      return () => { listeners.get(name).delete(listener); };
    };
  }
  Object.defineProperty(window, 'oai', { value: Object.freeze(api), writable: false });
})();
`;
}
