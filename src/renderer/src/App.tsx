// The app's root: asks main who it is, the settings and the saved sign-ins,
// picks the language (settings, else the OS locale), and shows either the
// sign-in screen or the signed-in workspace. Opened on a print route
// (#/print/…, see src/shared/print-route.ts) it shows only that print layout.
import { useEffect, useState, type ReactNode } from 'react';
import type { z } from 'zod';
import type { appInfoSchema, PasswordNotRemembered, Profile, SettingsView } from '../../shared/bridge';
import { parsePrintRoute } from '../../shared/print-route';
import { ArchiveProvider, useArchiveFeed } from './archive-context';
import { callMain } from './bridge';
import { ArchiveBanner, ArchiveGate } from './components/ArchiveGate';
import { Brand } from './components/Brand';
import { StatusBar } from './components/StatusBar';
import { describeError } from './errors';
import { FormatProvider } from './format-context';
import { languageFromLocale, translator, type Language } from '../../shared/i18n';
import { LanguageOptions } from './components/LanguageOptions';
import { PasswordNotRememberedNotice } from './components/Details';
import { I18nProvider, useI18n } from './i18n';
import { MenuCommandProvider } from './menu-commands';
import { PrintApp } from './print/PrintLayout';
import { SignInView } from './views/SignInView';
import { Workspace } from './Workspace';

type AppInfo = z.infer<typeof appInfoSchema>;

interface Boot {
  info: AppInfo;
  settings: SettingsView;
  profiles: Profile[];
}

export function App() {
  // Read once: a print layout window shows one layout and never navigates.
  const [printRequest] = useState(() => parsePrintRoute(window.location.hash));
  return printRequest ? <PrintApp request={printRequest} /> : <InteractiveApp />;
}

function InteractiveApp() {
  const [boot, setBoot] = useState<Boot | null>(null);
  const [bootError, setBootError] = useState<unknown>(null);
  const [addingAccount, setAddingAccount] = useState(false);
  const [activeId, setActiveId] = useState<string | null>(null);
  const archive = useArchiveFeed();
  const [passwordNotice, setPasswordNotice] = useState<PasswordNotRemembered | null>(null);

  useEffect(() => {
    Promise.all([callMain('appInfo', {}), callMain('getSettings', {}), callMain('listProfiles', {})]).then(
      ([info, settings, profiles]) => {
        setBoot({ info, settings, profiles });
        setActiveId(settings.activeProfileId);
      },
      setBootError,
    );
  }, []);

  const systemLanguage = languageFromLocale(boot?.info.locale ?? navigator.language);
  const language: Language = boot?.settings.language ?? systemLanguage;
  const dateStyle = boot?.settings.dateStyle ?? 'locale';

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = translator(language)('app.name');
  }, [language]);

  const reloadProfiles = (active: string | null) => {
    setActiveId(active);
    setAddingAccount(false);
    Promise.all([callMain('getSettings', {}), callMain('listProfiles', {})]).then(
      ([settings, profiles]) => setBoot((current) => (current ? { ...current, settings, profiles } : current)),
      setBootError,
    );
  };

  const profile = boot?.profiles.find((p) => p.id === activeId) ?? null;
  const chooseLanguage = (next: Language) => {
    callMain('updateSettings', { language: next }).then((settings) => setBoot((current) => (current ? { ...current, settings } : current)), setBootError);
  };

  return (
    <I18nProvider language={language}>
      <MenuCommandProvider>
        <FormatProvider options={{ language, dateStyle }}>
          {boot === null || archive.state === null ? (
            <BootScreen error={bootError ?? archive.error} />
          ) : (
            <ArchiveProvider state={archive.state}>
              <ArchiveGate
                version={boot.info.version}
                frame={(screen) => (
                  <SignedOutShell boot={boot} language={language} onLanguage={chooseLanguage}>
                    {screen}
                  </SignedOutShell>
                )}
              >
                {profile && !addingAccount ? (
                  <Workspace
                    key={profile.id}
                    profile={profile}
                    profiles={boot.profiles}
                    settings={boot.settings}
                    systemLanguage={systemLanguage}
                    version={boot.info.version}
                    shell={boot.info.shell}
                    onSettings={(settings) => setBoot({ ...boot, settings })}
                    onSwitchProfile={(p) => reloadProfiles(p.id)}
                    onProfileChanged={(p) => reloadProfiles(p.id)}
                    onAddAccount={() => setAddingAccount(true)}
                    onSignedOut={() => reloadProfiles(null)}
                    notice={passwordNotice ? <PasswordNotRememberedNotice problem={passwordNotice} onDismiss={() => setPasswordNotice(null)} /> : null}
                  />
                ) : (
                  <SignedOutShell boot={boot} language={language} onLanguage={chooseLanguage}>
                    <ArchiveBanner />
                    <SignInView
                      profiles={boot.profiles}
                      onSignedIn={(p, notRemembered) => {
                        setPasswordNotice(notRemembered ?? null);
                        reloadProfiles(p.id);
                      }}
                      onCancel={profile ? () => setAddingAccount(false) : undefined}
                    />
                  </SignedOutShell>
                )}
              </ArchiveGate>
            </ArchiveProvider>
          )}
        </FormatProvider>
      </MenuCommandProvider>
    </I18nProvider>
  );
}

function BootScreen(props: { error: unknown }) {
  const { t } = useI18n();
  return (
    <div className="app">
      <header className="topbar">
        <Brand />
      </header>
      <main className="content">
        {props.error ? (
          <p role="alert" className="notice notice-danger">
            {t('shell.bridgeError', { message: describeError(props.error, t) })}
          </p>
        ) : (
          <p className="loading" role="status">
            {t('shell.loading')}
          </p>
        )}
      </main>
      <StatusBar version={null} shell={null} />
    </div>
  );
}

function SignedOutShell(props: { boot: Boot; language: Language; onLanguage: (language: Language) => void; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="app">
      <header className="topbar">
        <Brand tagline />
        <div className="topbar-actions">
          <label className="language">
            <span>{t('nav.language')}</span>
            <select value={props.language} onChange={(e) => props.onLanguage(e.target.value as Language)} data-testid="language-select">
              <LanguageOptions />
            </select>
          </label>
        </div>
      </header>
      <main className="content" id="main">
        {props.children}
      </main>
      <StatusBar version={props.boot.info.version} shell={props.boot.info.shell} />
    </div>
  );
}
