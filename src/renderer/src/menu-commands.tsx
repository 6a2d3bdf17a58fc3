// The application menu's commands, carried out with the same functions as
// the buttons: a component that offers a command registers its handler
// (useMenuCommand), and the provider tells main which commands are there now
// (so the menu enables just those) and runs a command when main sends one.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { MenuCommand } from '../../shared/menu-commands';
import { callMain } from './bridge';
import { useI18n } from './i18n';

interface MenuCommandRegistry {
  register(command: MenuCommand, run: () => void): () => void;
  setSupportPhone(phone: string | null): void;
}

const MenuCommandContext = createContext<MenuCommandRegistry | null>(null);

export function MenuCommandProvider(props: { children: ReactNode }) {
  const { language } = useI18n();
  const handlers = useRef(new Map<MenuCommand, () => void>());
  const [available, setAvailable] = useState<MenuCommand[]>([]);
  const [supportPhone, setSupportPhone] = useState<string | null>(null);

  const register = useCallback((command: MenuCommand, run: () => void) => {
    handlers.current.set(command, run);
    setAvailable([...handlers.current.keys()].sort());
    return () => {
      if (handlers.current.get(command) !== run) return;
      handlers.current.delete(command);
      setAvailable([...handlers.current.keys()].sort());
    };
  }, []);

  useEffect(() => window.oai.onMenuCommand(({ command }) => handlers.current.get(command)?.()), []);

  // The menu follows the app's language: report again when it changes.
  useEffect(() => {
    callMain('menuState', { commands: available, supportPhone }).catch(() => undefined);
  }, [available, supportPhone, language]);

  const registry = useMemo(() => ({ register, setSupportPhone }), [register]);
  return <MenuCommandContext.Provider value={registry}>{props.children}</MenuCommandContext.Provider>;
}

/** Offers `command` in the menu while `run` is given; the latest `run` is the one called. */
export function useMenuCommand(command: MenuCommand, run: (() => void) | null): void {
  const registry = useContext(MenuCommandContext);
  const latest = useRef(run);
  useEffect(() => {
    latest.current = run;
  });
  const offered = run !== null;
  useEffect(() => {
    if (!registry || !offered) return;
    return registry.register(command, () => latest.current?.());
  }, [registry, command, offered]);
}

/** The provider's support phone for the Help menu (null when unknown). */
export function useMenuSupportPhone(phone: string | null): void {
  const registry = useContext(MenuCommandContext);
  useEffect(() => {
    registry?.setSupportPhone(phone);
    return () => registry?.setSupportPhone(null);
  }, [registry, phone]);
}
