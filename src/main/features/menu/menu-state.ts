// What the renderer last said it can do from the application menu. The
// desktop app rebuilds its menu from it; the harness only keeps it (the
// end-to-end tests read it).
import { EMPTY_MENU_STATE, type MenuState } from '../../../shared/menu-commands';

export interface MenuStateStore {
  current(): MenuState;
  set(state: MenuState): void;
  /** Called with each new state; returns the unsubscribe function. */
  subscribe(listener: (state: MenuState) => void): () => void;
}

export function createMenuStateStore(): MenuStateStore {
  let state = EMPTY_MENU_STATE;
  const listeners = new Set<(state: MenuState) => void>();
  return {
    current: () => state,
    set(next) {
      state = { commands: [...new Set(next.commands)], supportPhone: next.supportPhone };
      for (const listener of listeners) listener(state);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
