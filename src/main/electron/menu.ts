// The application menu, as a template Electron's Menu.buildFromTemplate
// takes. Commands the renderer carries out (Sync now, Download, Print, Save
// as PDF, Settings, Import, Back up) are sent to it as `menuCommand` events,
// so the menu and the buttons run the same functions; each is enabled only
// while the renderer says it can carry it out, and the items of features not
// built yet stay hidden until the renderer offers them. The rest (roles,
// logs folder, updates, support phone, About) is main's own.
import type { MenuItemConstructorOptions } from 'electron';
import type { Translate } from '../../shared/i18n';
import { FUTURE_MENU_COMMANDS, type MenuCommand, type MenuState } from '../../shared/menu-commands';

export interface MenuActions {
  send: (command: MenuCommand) => void;
  openLogsFolder: () => void;
  checkForUpdates: () => void;
  copySupportPhone: (phone: string) => void;
  /** Windows and Linux; macOS uses the About role. */
  showAbout: () => void;
}

export interface MenuOptions {
  platform: NodeJS.Platform;
  /** Development builds also get Reload and the developer tools. */
  isPackaged: boolean;
  appName: string;
  t: Translate;
  state: MenuState;
  actions: MenuActions;
}

export const MENU_ACCELERATORS: Partial<Record<MenuCommand, string>> = {
  download: 'CmdOrCtrl+S',
  print: 'CmdOrCtrl+P',
  settings: 'CmdOrCtrl+,',
};

const SEPARATOR: MenuItemConstructorOptions = { type: 'separator' };

export function menuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const { t, platform, appName } = options;
  const mac = platform === 'darwin';
  const command = (id: MenuCommand, label: string): MenuItemConstructorOptions => ({
    id,
    label,
    accelerator: MENU_ACCELERATORS[id],
    enabled: options.state.commands.includes(id),
    visible: !FUTURE_MENU_COMMANDS.includes(id) || options.state.commands.includes(id),
    click: () => options.actions.send(id),
  });
  const settings = command('settings', t('menu.settings'));

  const appMenu: MenuItemConstructorOptions = {
    label: appName,
    submenu: [
      { role: 'about', label: t('menu.about', { name: appName }) },
      SEPARATOR,
      settings,
      SEPARATOR,
      { role: 'services', label: t('menu.services') },
      SEPARATOR,
      { role: 'hide', label: t('menu.hide', { name: appName }) },
      { role: 'hideOthers', label: t('menu.hideOthers') },
      { role: 'unhide', label: t('menu.showAll') },
      SEPARATOR,
      { role: 'quit', label: t('menu.quit', { name: appName }) },
    ],
  };
  const file: MenuItemConstructorOptions = {
    label: t('menu.file'),
    submenu: [
      command('syncNow', t('menu.syncNow')),
      SEPARATOR,
      command('download', t('menu.download')),
      command('print', t('menu.print')),
      command('savePdf', t('menu.savePdf')),
      SEPARATOR,
      command('import', t('menu.import')),
      command('backUp', t('menu.backUp')),
      ...(mac
        ? [SEPARATOR, { role: 'close', label: t('menu.closeWindow') } satisfies MenuItemConstructorOptions]
        : [SEPARATOR, settings, SEPARATOR, { role: 'quit', label: t('menu.exit') } satisfies MenuItemConstructorOptions]),
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: t('menu.edit'),
    submenu: [
      { role: 'undo', label: t('menu.undo') },
      { role: 'redo', label: t('menu.redo') },
      SEPARATOR,
      { role: 'cut', label: t('menu.cut') },
      { role: 'copy', label: t('menu.copy') },
      { role: 'paste', label: t('menu.paste') },
      { role: 'selectAll', label: t('menu.selectAll') },
    ],
  };
  const developer: MenuItemConstructorOptions[] = options.isPackaged
    ? []
    : [
        { role: 'reload', label: t('menu.reload') },
        { role: 'toggleDevTools', label: t('menu.devTools') },
        SEPARATOR,
      ];
  const view: MenuItemConstructorOptions = {
    label: t('menu.view'),
    submenu: [
      ...developer,
      { role: 'resetZoom', label: t('menu.resetZoom') },
      { role: 'zoomIn', label: t('menu.zoomIn') },
      { role: 'zoomOut', label: t('menu.zoomOut') },
      SEPARATOR,
      { role: 'togglefullscreen', label: t('menu.fullScreen') },
    ],
  };
  const windowMenu: MenuItemConstructorOptions = {
    label: t('menu.window'),
    submenu: [
      { role: 'minimize', label: t('menu.minimize') },
      ...(mac
        ? ([{ role: 'zoom', label: t('menu.zoom') }, SEPARATOR, { role: 'front', label: t('menu.front') }] satisfies MenuItemConstructorOptions[])
        : ([{ role: 'close', label: t('menu.closeWindow') }] satisfies MenuItemConstructorOptions[])),
    ],
  };
  const phone = options.state.supportPhone;
  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: t('menu.help'),
    submenu: [
      { id: 'openLogs', label: t('menu.openLogs'), click: () => options.actions.openLogsFolder() },
      { id: 'checkForUpdates', label: t('menu.checkForUpdates'), click: () => options.actions.checkForUpdates() },
      ...(phone !== null
        ? [SEPARATOR, { id: 'supportPhone', label: t('menu.supportPhone', { phone }), click: () => options.actions.copySupportPhone(phone) }]
        : []),
      ...(mac ? [] : [SEPARATOR, { id: 'about', label: t('menu.about', { name: appName }), click: () => options.actions.showAbout() }]),
    ],
  };
  return [...(mac ? [appMenu] : []), file, edit, view, windowMenu, help];
}

/** Sets the application menu now and again whenever the renderer's menu state changes. */
export function installAppMenu(deps: {
  Menu: { buildFromTemplate(template: MenuItemConstructorOptions[]): unknown; setApplicationMenu(menu: unknown): void };
  menuState: { current(): MenuState; subscribe(listener: () => void): unknown };
  options: () => Omit<MenuOptions, 'state'>;
}): void {
  const build = () => deps.Menu.setApplicationMenu(deps.Menu.buildFromTemplate(menuTemplate({ ...deps.options(), state: deps.menuState.current() })));
  build();
  deps.menuState.subscribe(build);
}
