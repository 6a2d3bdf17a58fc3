// The optional system notification when a sync brings a new month (setting
// "Notify me of a new month", off by default). It also comes while the window
// is closed (macOS keeps the app and its scheduled sync running); a click
// brings the window back.
import { formatMonth } from '../../shared/format';
import { translator, type Language } from '../../shared/i18n';
import type { NewMonths } from '../features/sync/new-months';
import type { Logger } from '../log';
import type { SettingsStore } from '../settings/settings-store';

export interface SystemNotification {
  show(): void;
  on(event: 'click', listener: () => void): unknown;
}

export interface NotificationClass {
  new (options: { title: string; body: string }): SystemNotification;
  isSupported(): boolean;
}

export function newMonthNotifier(deps: {
  Notification: NotificationClass;
  settings: () => SettingsStore;
  language: () => Language;
  showWindow: () => void;
  log: Logger;
}): (news: NewMonths) => void {
  return (news) => {
    if (!deps.settings().get().notifyNewMonth || !deps.Notification.isSupported()) return;
    const language = deps.language();
    const t = translator(language);
    const months = news.periods.map((period) => formatMonth(period, language)).join(', ');
    const notification = new deps.Notification({
      title: t('notify.newMonthTitle', { count: news.periods.length }),
      body: t('notify.newMonthBody', { count: news.periods.length, months, account: news.accountNumber }),
    });
    notification.on('click', () => deps.showWindow());
    notification.show();
    deps.log.info(`notified new month(s) ${news.periods.join(', ')} of account ${news.accountNumber}`);
  };
}
