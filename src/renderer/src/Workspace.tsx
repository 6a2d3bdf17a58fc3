// The signed-in app: top bar (views, saved accounts, settings, sign out), the
// current view, and the status bar with sync. Holds what views share: the
// selected billing period, the summary's display/sort/filter (kept while the
// user visits rooms and conferences), and a refresh token bumped by syncs.
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { Profile, SettingsView } from '../../shared/bridge';
import { currencyOf, type ConferenceRow } from '../../shared/domain';
import type { Language } from '../../shared/i18n';
import { callMain } from './bridge';
import { ArchiveBanner } from './components/ArchiveGate';
import { Brand } from './components/Brand';
import { DialogErrorPanel, ErrorBoundary, ViewErrorPanel } from './components/ErrorBoundary';
import { ExportProvider } from './components/ExportActions';
import { StatusBar } from './components/StatusBar';
import { LoadState } from './components/ViewParts';
import { describeError } from './errors';
import { useFormat } from './format-context';
import { useI18n } from './i18n';
import { RemoveImportedMonth } from './import/ImportedMonth';
import { useImport } from './import/use-import';
import { newestFirst } from '../../shared/period-label';
import { isLocallyAllocated, type SortState } from '../../shared/view-rules';
import { useMenuCommand, useMenuSupportPhone } from './menu-commands';
import { menuSupportPhone } from '../../shared/menu-commands';
import { createSyncStore, refreshKey } from './sync-store';
import { useBridgeQuery } from './use-bridge-query';
import { useWindowShortcuts } from './use-shortcuts';
import { useSyncActions } from './use-sync-actions';
import { BillingCodesView } from './views/BillingCodesView';
import { CodeConferencesView } from './views/CodeConferencesView';
import { ConferenceView } from './views/ConferenceView';
import { LinkHistoryDialog } from './views/LinkHistoryDialog';
import { RoomView } from './views/RoomView';
import { NO_SEARCH, SearchView, type SearchTerms } from './views/SearchView';
import { SettingsDialog } from './views/SettingsDialog';
import { profileTitle } from './views/SignInView';
import { SignOutDialog } from './views/SignOutDialog';
import { usePendingChanges } from './pending-changes';
import { SummaryView, type SummaryState } from './views/SummaryView';
import { ChargebackView, type ChargebackState } from './views/ChargebackView';
import { TrendsView } from './views/TrendsView';
import type { TrendSubject } from '../../shared/reports';

type Route =
  | { view: 'summary' }
  | { view: 'room'; roomNumber: string }
  | { view: 'codes' }
  | { view: 'code'; billingCode: string | null }
  | { view: 'search' }
  | { view: 'conference'; period: string; conferenceId: string; back: Exclude<Route, { view: 'conference' }> }
  | { view: 'trends'; subject: TrendSubject; back: Route | null }
  | { view: 'chargeback' };

const ADD_ACCOUNT = '__add__';

export function Workspace(props: {
  profile: Profile;
  profiles: readonly Profile[];
  settings: SettingsView;
  systemLanguage: Language;
  version: string | null;
  shell: 'electron' | 'browser-harness' | null;
  onSettings: (settings: SettingsView) => void;
  onSwitchProfile: (profile: Profile) => void;
  /** The sign-in changed in main (its provider-link question answered). */
  onProfileChanged: (profile: Profile) => void;
  onAddAccount: () => void;
  onSignedOut: () => void;
  /** A message about the sign-in just made (its password not remembered), shown above the view. */
  notice?: ReactNode;
}) {
  const { t } = useI18n();
  const format = useFormat();
  const { profile } = props;
  const profileId = profile.id;
  // Main fills the account number of a room sign-in from its session; older profiles may lack it.
  const accountNumber = profile.accountNumber;
  // Main does not sync this sign-in until the user says whether its address is a known provider's new one.
  const linkPending = profile.relinkCandidates.length > 0;
  const [route, setRoute] = useState<Route>({ view: 'summary' });
  const [selectedPeriod, setSelectedPeriod] = useState<string | null>(null);
  const [summaryState, setSummaryState] = useState<SummaryState>({ display: 'active', sort: null, filter: '', compare: false });
  const [chargebackState, setChargebackState] = useState<ChargebackState>({ by: 'code', from: null, to: null });
  const [codesSort, setCodesSort] = useState<SortState | null>({ column: 'code', direction: 'ascending' });
  const [searchTerms, setSearchTerms] = useState<SearchTerms>(NO_SEARCH);
  const [dialog, setDialog] = useState<'settings' | 'signOut' | null>(null);
  const [switchError, setSwitchError] = useState<string | null>(null);
  const syncStore = useMemo(() => createSyncStore(profile.id), [profile.id]);
  useEffect(() => syncStore.start(), [syncStore]);
  // Views reload when a sync moves to its next period or ends.
  const syncRefresh = useSyncExternalStore(syncStore.subscribe, () => refreshKey(syncStore.get()));
  // An import or a removed month changes the archive too: every view reloads.
  const [archiveVersion, setArchiveVersion] = useState(0);
  const refresh = `${syncRefresh}|${archiveVersion}`;
  const syncRunning = refresh.startsWith('running|');
  const syncActions = useSyncActions(syncStore, profile.id);
  const pendingChanges = usePendingChanges(profileId, refresh);

  const periodsQuery = useBridgeQuery(accountNumber && profileId, refresh, () => callMain('listPeriods', { profileId }));
  const periods = useMemo(() => newestFirst(periodsQuery.data ?? []), [periodsQuery.data]);
  const period = periods.find((p) => p.period === selectedPeriod) ?? periods[0] ?? null;
  const localMonthOf = (key: string) => {
    const info = periods.find((p) => p.period === key);
    return info !== undefined && isLocallyAllocated(info);
  };

  const summaryKey = accountNumber && period ? `${profileId}|${period.period}|${summaryState.display}` : null;
  const summaryQuery = useBridgeQuery(summaryKey, refresh, () =>
    callMain('accountSummary', { profileId, period: period?.period ?? '', display: summaryState.display }),
  );
  const summary = summaryQuery.data;
  const account = summary?.account ?? null;
  const cardholders = useMemo(() => new Map((summary?.rooms ?? []).map((r) => [r.roomNumber, r.cardholder])), [summary]);
  const importer = useImport({
    profileId,
    currency: currencyOf(account),
    enabled: accountNumber !== null && profile.roomNumber === null,
    onImported: (first) => {
      setArchiveVersion((v) => v + 1);
      if (first !== null) {
        setSelectedPeriod(first);
        setRoute({ view: 'summary' });
      }
    },
  });
  const onImport = importer.enabled ? importer.open : undefined;
  const cardholderOf = useCallback((roomNumber: string) => cardholders.get(roomNumber) ?? null, [cardholders]);

  // The application menu and the keyboard run the same actions as the buttons.
  useMenuCommand('syncNow', syncActions.syncNow);
  useMenuCommand('settings', dialog === null ? () => setDialog('settings') : null);
  useMenuCommand('import', onImport && dialog === null && !importer.showing ? onImport : null);
  useMenuSupportPhone(menuSupportPhone(account?.supportPhone));
  const backRoute =
    route.view === 'room' ? ({ view: 'summary' } as const) : route.view === 'code' ? ({ view: 'codes' } as const) : route.view === 'conference' || route.view === 'trends' ? route.back : null;
  useWindowShortcuts({ back: backRoute ? () => setRoute(backRoute) : null, dialogOpen: dialog !== null });

  // After moving to another view, keyboard and screen-reader users land on its title.
  const shownRoute = useRef(route);
  useEffect(() => {
    if (shownRoute.current === route) return;
    shownRoute.current = route;
    document.querySelector<HTMLElement>('#main h1')?.focus();
  }, [route]);

  const choosePeriod = (value: string) => setSelectedPeriod(value);
  const toSummary = () => setRoute({ view: 'summary' });
  const closeDialogToSummary = () => {
    setDialog(null);
    toSummary();
  };
  const openConference = (conference: ConferenceRow) => {
    if (route.view !== 'conference' && period) setRoute({ view: 'conference', period: period.period, conferenceId: conference.id, back: route });
  };
  // A search's conference is of its own month, not the selected one.
  const openFound = (hit: { period: string; id: string }) => setRoute({ view: 'conference', period: hit.period, conferenceId: hit.id, back: { view: 'search' } });

  /** A month of a trend opens what the trend is of, in that month. */
  const openTrendMonth = (subject: TrendSubject, month: string) => {
    setSelectedPeriod(month);
    if (subject.kind === 'room') setRoute({ view: 'room', roomNumber: subject.roomNumber });
    else if (subject.kind === 'code') setRoute({ view: 'code', billingCode: subject.billingCode });
    else setRoute({ view: 'summary' });
  };
  const openTrend = (subject: TrendSubject) => setRoute({ view: 'trends', subject, back: route });

  const switchTo = (value: string) => {
    if (value === ADD_ACCOUNT) return props.onAddAccount();
    setSwitchError(null);
    callMain('switchProfile', { profileId: value }).then(props.onSwitchProfile, (cause: unknown) => setSwitchError(describeError(cause, t)));
  };

  const mainView = () => {
    if (accountNumber === null) return <p className="notice notice-warning">{t('workspace.noAccountNumber')}</p>;
    if (periodsQuery.error) return <LoadState loading={false} error={periodsQuery.error} />;
    if (!period) {
      return (
        <div className="empty-state card" data-testid="no-data">
          <h1>{t('workspace.noDataTitle')}</h1>
          <p>{linkPending ? t('workspace.linkPending') : syncRunning ? t('workspace.firstSync') : t('workspace.noData')}</p>
        </div>
      );
    }
    switch (route.view) {
      case 'summary':
        return (
          <SummaryView
            profileId={profileId}
            accountNumber={accountNumber}
            periods={periods}
            period={period}
            onPeriod={choosePeriod}
            onImport={onImport}
            state={summaryState}
            onState={setSummaryState}
            summary={summary}
            loading={summaryQuery.loading}
            error={summaryQuery.error}
            syncing={syncRunning}
            onOpenRoom={(roomNumber) => setRoute({ view: 'room', roomNumber })}
            onOpenConference={(conferenceId) => setRoute({ view: 'conference', period: period.period, conferenceId, back: { view: 'summary' } })}
            refresh={refresh}
          />
        );
      case 'trends':
        return (
          <TrendsView
            profileId={profileId}
            account={account}
            subject={route.subject}
            refresh={refresh}
            onOpenMonth={(month) => openTrendMonth(route.subject, month)}
            onBack={route.back ? () => setRoute(route.back!) : null}
          />
        );
      case 'chargeback':
        return (
          <ChargebackView
            profileId={profileId}
            account={account}
            refresh={refresh}
            state={chargebackState}
            onState={setChargebackState}
            onOpenRow={(by, key) => openTrend(by === 'room' ? { kind: 'room', roomNumber: key ?? '' } : { kind: 'code', billingCode: key })}
          />
        );
      case 'room':
        return (
          <RoomView
            profileId={profileId}
            account={account}
            period={period}
            roomNumber={route.roomNumber}
            cardholder={cardholderOf(route.roomNumber)}
            refresh={refresh}
            onBack={() => setRoute({ view: 'summary' })}
            onOpenConference={openConference}
            onTrend={() => openTrend({ kind: 'room', roomNumber: route.roomNumber })}
          />
        );
      case 'codes':
        return (
          <BillingCodesView
            profileId={profileId}
            accountNumber={accountNumber}
            account={account}
            periods={periods}
            period={period}
            onPeriod={choosePeriod}
            onImport={onImport}
            refresh={refresh}
            sort={codesSort}
            onSort={setCodesSort}
            onOpenCode={(billingCode) => setRoute({ view: 'code', billingCode })}
          />
        );
      case 'code':
        return (
          <CodeConferencesView
            profileId={profileId}
            account={account}
            period={period}
            billingCode={route.billingCode}
            cardholderOf={cardholderOf}
            refresh={refresh}
            onBack={() => setRoute({ view: 'codes' })}
            onOpenConference={openConference}
            onTrend={() => openTrend({ kind: 'code', billingCode: route.billingCode })}
          />
        );
      case 'search':
        return (
          <SearchView
            profileId={profileId}
            account={account}
            periods={periods}
            terms={searchTerms}
            onTerms={setSearchTerms}
            refresh={refresh}
            onOpenConference={openFound}
          />
        );
      case 'conference':
        return (
          <ConferenceView
            profileId={profileId}
            account={account}
            period={route.period}
            localMonth={localMonthOf(route.period)}
            conferenceId={route.conferenceId}
            cardholderOf={cardholderOf}
            refresh={refresh}
            backLabel={t(route.back.view === 'room' ? 'conference.backToRoom' : route.back.view === 'search' ? 'conference.backToSearch' : 'conference.backToCode')}
            onBack={() => setRoute(route.back)}
          />
        );
    }
  };

  const inCodes = route.view === 'codes' || route.view === 'code' || (route.view === 'conference' && route.back.view === 'code');
  const inSearch = route.view === 'search' || (route.view === 'conference' && route.back.view === 'search');
  const tab = inSearch
    ? 'search'
    : route.view === 'chargeback'
      ? 'chargeback'
      : route.view === 'trends' && route.subject.kind === 'account'
        ? 'trends'
        : inCodes
          ? 'codes'
          : 'summary';
  const tabButton = (name: typeof tab, label: string, to: Route, testId?: string) => (
    <button type="button" className="tab" aria-current={tab === name ? 'page' : undefined} onClick={() => setRoute(to)} data-testid={testId}>
      {label}
    </button>
  );
  return (
    <ExportProvider>
      <div className="app">
        <header className="topbar">
          <Brand />
          <nav className="tabs" aria-label={t('nav.views')}>
            {tabButton('summary', t('nav.summary'), { view: 'summary' })}
            {tabButton('codes', t('nav.billingCodes'), { view: 'codes' })}
            {tabButton('trends', t('nav.trends'), { view: 'trends', subject: { kind: 'account' }, back: null })}
            {tabButton('chargeback', t('nav.chargeback'), { view: 'chargeback' })}
            {tabButton('search', t('nav.search'), { view: 'search' }, 'nav-search')}
          </nav>
          <div className="topbar-actions">
            <label className="profile-switch">
              <span className="visually-hidden">{t('nav.account')}</span>
              <select value={profile.id} onChange={(e) => switchTo(e.target.value)} data-testid="profile-select">
                {props.profiles.map((p) => (
                  <option key={p.id} value={p.id}>
                    {profileTitle(p, props.profiles, t, format.room)}
                  </option>
                ))}
                <option value={ADD_ACCOUNT}>{t('nav.addAccount')}</option>
              </select>
            </label>
            <button type="button" className="button button-quiet" onClick={() => setDialog('settings')}>
              {t('nav.settings')}
            </button>
            <button type="button" className="button button-quiet" onClick={() => setDialog('signOut')}>
              {t('nav.signOut')}
            </button>
          </div>
        </header>
        <main className="content" id="main">
          <ArchiveBanner />
          {props.notice}
          {switchError ? (
            <p role="alert" className="notice notice-danger">
              {switchError}
            </p>
          ) : null}
          {/* A view that throws shows an error panel; any navigation (a new route) shows the views again. */}
          {period?.source === 'import' && route.view === 'summary' ? (
            <div className="imported-month-actions">
              <RemoveImportedMonth profileId={profileId} period={period} onRemoved={() => setArchiveVersion((v) => v + 1)} />
            </div>
          ) : null}
          <ErrorBoundary resetKey={route} fallback={(error) => <ViewErrorPanel error={error} onBack={toSummary} />}>
            {mainView()}
          </ErrorBoundary>
        </main>
        <StatusBar
          version={props.version}
          shell={props.shell}
          sync={{ store: syncStore, actions: syncActions }}
          supportPhone={menuSupportPhone(account?.supportPhone)}
          pendingChanges={pendingChanges}
        />
        {dialog === 'settings' ? (
          <ErrorBoundary fallback={(error) => <DialogErrorPanel error={error} onBack={closeDialogToSummary} />}>
            <SettingsDialog
              settings={props.settings}
              systemLanguage={props.systemLanguage}
              onSaved={props.onSettings}
              onClose={() => setDialog(null)}
              onImport={
                onImport &&
                (() => {
                  setDialog(null);
                  onImport();
                })
              }
            />
          </ErrorBoundary>
        ) : null}
        {linkPending && dialog === null ? <LinkHistoryDialog profile={profile} onAnswered={props.onProfileChanged} /> : null}
        {importer.element}
        {dialog === 'signOut' ? (
          <SignOutDialog profile={profile} sync={{ store: syncStore, actions: syncActions }} onSignedOut={props.onSignedOut} onClose={() => setDialog(null)} />
        ) : null}
      </div>
    </ExportProvider>
  );
}
