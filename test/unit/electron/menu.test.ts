// The application menu: platform conventions, accelerators, and commands that
// reach the renderer's actions only while it can carry them out.
import { describe, expect, it, vi } from 'vitest';
import { translator } from '../../../src/shared/i18n';
import type { MenuCommand } from '../../../src/shared/menu-commands';
import { menuTemplate, type MenuActions } from '../../../src/main/electron/menu';

function build(platform: NodeJS.Platform, commands: MenuCommand[] = [], options: { isPackaged?: boolean; supportPhone?: string | null } = {}) {
  const actions: MenuActions = { send: vi.fn(), openLogsFolder: vi.fn(), checkForUpdates: vi.fn(), copySupportPhone: vi.fn(), showAbout: vi.fn() };
  const template = menuTemplate({
    platform,
    isPackaged: options.isPackaged ?? true,
    appName: 'OAI Desktop',
    t: translator('en'),
    state: { commands, supportPhone: options.supportPhone ?? null },
    actions,
  });
  const all = (items: any[]): any[] => items.flatMap((item) => [item, ...(item.submenu ? all(item.submenu) : [])]);
  const items = all(template);
  return { template, actions, items, item: (id: string) => items.find((i) => i.id === id), roles: items.map((i) => i.role).filter(Boolean) };
}

describe('application menu', () => {
  it('macOS: the app menu with About, Settings… ⌘, Hide and Quit, then File, Edit, View, Window, Help', () => {
    const { template, item } = build('darwin');
    expect(template.map((m) => m.label)).toEqual(['OAI Desktop', 'File', 'Edit', 'View', 'Window', 'Help']);
    const appMenu = (template[0]!.submenu as any[]).filter((i) => i.type !== 'separator').map((i) => i.role ?? i.id);
    expect(appMenu).toEqual(['about', 'settings', 'services', 'hide', 'hideOthers', 'unhide', 'quit']);
    expect(item('settings')).toMatchObject({ label: 'Settings…', accelerator: 'CmdOrCtrl+,' });
  });

  it('Windows: File holds Settings and Exit, Help holds About; no app menu', () => {
    const { template, item, roles } = build('win32');
    expect(template.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    const file = (template[0]!.submenu as any[]).filter((i) => i.type !== 'separator').map((i) => i.role ?? i.id);
    expect(file).toEqual(['syncNow', 'download', 'print', 'savePdf', 'import', 'backUp', 'settings', 'quit']);
    expect(item('about')).toBeDefined();
    expect(roles).not.toContain('about');
  });

  it('File: Download ⌘/Ctrl+S and Print ⌘/Ctrl+P send the same commands as the buttons', () => {
    const { item, actions } = build('win32', ['download', 'print', 'savePdf', 'syncNow']);
    expect(item('download')).toMatchObject({ label: 'Download…', accelerator: 'CmdOrCtrl+S', enabled: true });
    expect(item('print')).toMatchObject({ label: 'Print…', accelerator: 'CmdOrCtrl+P', enabled: true });
    for (const id of ['download', 'print', 'savePdf', 'syncNow'] as const) item(id).click();
    expect((actions.send as any).mock.calls.map(([c]: [string]) => c)).toEqual(['download', 'print', 'savePdf', 'syncNow']);
  });

  it('commands the renderer does not offer now are disabled; Import and Back up are hidden until it offers them', () => {
    const none = build('darwin', []);
    for (const id of ['syncNow', 'download', 'print', 'savePdf', 'settings']) expect(none.item(id), id).toMatchObject({ enabled: false, visible: true });
    expect(none.item('import')).toMatchObject({ visible: false, enabled: false });
    expect(none.item('backUp')).toMatchObject({ visible: false, enabled: false });
    const offered = build('darwin', ['import', 'backUp']);
    expect(offered.item('import')).toMatchObject({ visible: true, enabled: true, label: 'Import…' });
    expect(offered.item('backUp')).toMatchObject({ visible: true, enabled: true, label: 'Back Up Archive…' });
  });

  it('View: zoom and full screen; Reload and developer tools only in development builds', () => {
    expect(build('win32', [], { isPackaged: true }).roles).toEqual(expect.arrayContaining(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']));
    expect(build('win32', [], { isPackaged: true }).roles).not.toContain('toggleDevTools');
    expect(build('win32', [], { isPackaged: true }).roles).not.toContain('reload');
    expect(build('win32', [], { isPackaged: false }).roles).toContain('toggleDevTools');
  });

  it('Help: open the logs folder, check for updates, and the support phone from the account data', () => {
    const { item, actions } = build('darwin', [], { supportPhone: '+1 800 555 0100' });
    item('openLogs').click();
    item('checkForUpdates').click();
    item('supportPhone').click();
    expect(item('supportPhone').label).toBe('Support: +1 800 555 0100 (copy)');
    expect(actions.openLogsFolder).toHaveBeenCalled();
    expect(actions.checkForUpdates).toHaveBeenCalled();
    expect(actions.copySupportPhone).toHaveBeenCalledWith('+1 800 555 0100');
    expect(build('darwin').item('supportPhone')).toBeUndefined();
  });

  it('in French', () => {
    const template = menuTemplate({
      platform: 'win32',
      isPackaged: true,
      appName: 'OAI Desktop',
      t: translator('fr'),
      state: { commands: [], supportPhone: null },
      actions: { send() {}, openLogsFolder() {}, checkForUpdates() {}, copySupportPhone() {}, showAbout() {} },
    });
    expect(template.map((m) => m.label)).toEqual(['Fichier', 'Édition', 'Présentation', 'Fenêtre', 'Aide']);
  });
});
