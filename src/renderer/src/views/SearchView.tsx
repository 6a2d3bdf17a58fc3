// Search the archive: one box (and an optional range of months) over every
// cached month's conferences, found newest first, a page at a time; a date
// opens the conference; Download and Print take every match.
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { SEARCH_COLUMNS, conferenceListOffset } from '../../../shared/columns';
import { currencyOf, type AccountInfo, type PeriodInfo } from '../../../shared/domain';
import { periodLabel } from '../../../shared/period-label';
import type { SearchHit, SearchResult } from '../../../shared/search-contract';
import { callMain } from '../bridge';
import { conferenceLayout } from '../components/ConferenceList';
import { DataTable } from '../components/DataTable';
import { ExportActions } from '../components/ExportActions';
import { screenColumns } from '../components/table-columns';
import { TimeZoneNote } from '../components/TimeZoneNote';
import { LoadState } from '../components/ViewParts';
import { useFormat } from '../format-context';
import { useI18n } from '../i18n';

export interface SearchTerms {
  text: string;
  from: string | null;
  to: string | null;
}

export const NO_SEARCH: SearchTerms = { text: '', from: null, to: null };


interface Found {
  terms: SearchTerms;
  refresh: string;
  result: SearchResult | null;
  error: unknown;
}

/** The pages found so far for the terms; `more()` appends the next one. */
function useSearch(profileId: string, terms: SearchTerms, refresh: string) {
  const [found, setFound] = useState<Found | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  useEffect(() => {
    if (terms.text.trim() === '') return;
    let live = true;
    callMain('searchArchive', { profileId, ...terms, offset: 0 }).then(
      (result) => live && setFound({ terms, refresh, result, error: null }),
      (error: unknown) => live && setFound({ terms, refresh, result: null, error }),
    );
    return () => {
      live = false;
    };
  }, [profileId, terms, refresh]);
  const current = found !== null && found.terms === terms ? found : null;
  const more = () => {
    const shown = current?.result;
    if (!shown || loadingMore) return;
    setLoadingMore(true);
    callMain('searchArchive', { profileId, ...terms, offset: shown.hits.length })
      .then(
        (next) => setFound({ terms, refresh, error: null, result: { ...next, hits: [...shown.hits, ...next.hits] } }),
        (error: unknown) => setFound({ terms, refresh, result: shown, error }),
      )
      .finally(() => setLoadingMore(false));
  };
  return { current, loading: terms.text.trim() !== '' && current === null, loadingMore, more };
}

export function SearchView(props: {
  profileId: string;
  account: AccountInfo | null;
  periods: readonly PeriodInfo[];
  terms: SearchTerms;
  onTerms: (terms: SearchTerms) => void;
  refresh: string;
  onOpenConference: (hit: SearchHit) => void;
}) {
  const { t } = useI18n();
  const format = useFormat();
  const { profileId, terms } = props;
  const [draft, setDraft] = useState(terms);
  const search = useSearch(profileId, terms, props.refresh);
  const result = search.current?.result ?? null;
  const hits = useMemo(() => result?.hits ?? [], [result]);
  const timeZone = props.account?.timeZone;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onTerms({ ...draft, text: draft.text.trim() });
  };
  const monthSelect = (key: 'from' | 'to', label: string) => (
    <label className="search-month">
      <span>{label}</span>
      <select value={draft[key] ?? ''} onChange={(e) => setDraft({ ...draft, [key]: e.target.value || null })} data-testid={`search-${key}`}>
        <option value="">{t('search.anyMonth')}</option>
        {props.periods.map((period) => (
          <option key={period.period} value={period.period}>
            {periodLabel(period, t, format.options)}
          </option>
        ))}
      </select>
    </label>
  );
  const offset = conferenceListOffset(timeZone, hits, `${hits[0]?.period ?? '2000-01'}-01`);
  const columns = screenColumns(SEARCH_COLUMNS, {
    t,
    format,
    currency: currencyOf(props.account),
    timeZone,
    offset,
    layout: conferenceLayout(offset),
    rows: hits,
    totalLabel: t('table.total'),
    cells: {
      date: (hit, shown) => (
        <button
          type="button"
          className="link-button tabular"
          onClick={() => props.onOpenConference(hit)}
          aria-label={t('conference.open', { conference: t('conference.describe', { date: shown.text, time: format.time(hit.start, timeZone) }) })}
        >
          {shown.text}
        </button>
      ),
    },
  });
  return (
    <div className="view">
      <section className="card view-header" aria-labelledby="search-title">
        <div className="view-title-row">
          <h1 id="search-title" tabIndex={-1}>{t('search.title')}</h1>
          {result ? (
            <span className="title-note" data-testid="search-count">
              {t('conference.count', { count: format.count(hits.length) + (result.hasMore ? '+' : '') })}
            </span>
          ) : null}
        </div>
        <form className="search-form" role="search" onSubmit={submit}>
          <label className="search-box">
            <span className="visually-hidden">{t('search.label')}</span>
            <input
              type="search"
              value={draft.text}
              maxLength={200}
              placeholder={t('search.placeholder')}
              onChange={(e) => setDraft({ ...draft, text: e.target.value })}
              data-testid="search-input"
            />
          </label>
          {monthSelect('from', t('search.from'))}
          {monthSelect('to', t('search.to'))}
          <button type="submit" className="button button-primary" data-testid="search-submit">
            {t('search.submit')}
          </button>
        </form>
        <p className="muted search-hint">{t('search.hint')}</p>
      </section>
      {result && !result.complete ? <p className="notice notice-warning">{t('search.incomplete')}</p> : null}
      {terms.text !== '' ? (
        <>
          <div className="toolbar">
            <div className="toolbar-end">
              <ExportActions view={{ kind: 'search', profileId, ...terms }} />
            </div>
          </div>
          <TimeZoneNote timeZone={timeZone} />
          <LoadState loading={search.loading} error={search.current?.error ?? null} empty={result === null} />
          {result ? (
            <DataTable label={t('search.tableLabel')} columns={columns} rows={hits} rowKey={(hit) => `${hit.period}|${hit.id}`} testId="search-table" empty={t('search.empty')} />
          ) : null}
          {result?.hasMore ? (
            <button type="button" className="button" onClick={search.more} aria-disabled={search.loadingMore} data-testid="search-more">
              {t('search.more')}
            </button>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
