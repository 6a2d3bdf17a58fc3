import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { appInfoSchema } from '../../shared/bridge';
import { callMain } from './bridge';
import { I18nProvider, languageFromLocale, useI18n, type Language } from './i18n';

type AppInfo = z.infer<typeof appInfoSchema>;

export function App() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [language, setLanguage] = useState<Language>(() => languageFromLocale(navigator.language));

  useEffect(() => {
    callMain('appInfo', {}).then(
      (value) => {
        setInfo(value);
        setLanguage(languageFromLocale(value.locale));
      },
      (cause: unknown) => setError(cause instanceof Error ? cause.message : String(cause)),
    );
  }, []);

  return (
    <I18nProvider language={language}>
      <Shell info={info} error={error} language={language} onLanguage={setLanguage} />
    </I18nProvider>
  );
}

function Shell(props: { info: AppInfo | null; error: string | null; language: Language; onLanguage: (l: Language) => void }) {
  const { t } = useI18n();
  useEffect(() => {
    document.documentElement.lang = props.language;
  }, [props.language]);
  return (
    <div className="app">
      <header className="topbar">
        <div className="brand">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </div>
        <label className="language">
          <span>{t('nav.language')}</span>
          <select value={props.language} onChange={(e) => props.onLanguage(e.target.value as Language)}>
            <option value="en">English</option>
            <option value="fr">Français</option>
          </select>
        </label>
      </header>
      <main className="content">
        {props.error !== null ? (
          <p role="alert" className="error">
            {t('shell.bridgeError', { message: props.error })}
          </p>
        ) : (
          <section className="welcome">
            <h1>{t('shell.welcomeTitle')}</h1>
            <p>{t('shell.welcomeBody')}</p>
          </section>
        )}
      </main>
      <footer className="statusbar" data-testid="statusbar">
        {props.info === null ? (
          <span>{t('shell.loading')}</span>
        ) : (
          <>
            <span>{t('status.version', { version: props.info.version })}</span>
            <span>{t(`status.shell.${props.info.shell}`)}</span>
          </>
        )}
      </footer>
    </div>
  );
}
