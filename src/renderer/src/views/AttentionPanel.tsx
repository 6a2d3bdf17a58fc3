// "Deserves attention", a small panel on the summary: the month's lines left
// open (conferences or participant connections longer than a threshold),
// rooms well above their own average, rooms unused for three months or more.
// Each item opens its room or conference; each list downloads as Excel.
import { useState, type ReactNode } from 'react';
import { currencyOf, type AccountInfo } from '../../../shared/domain';
import { DEFAULT_ATTENTION_SECONDS, type Attention, type AttentionList } from '../../../shared/reports';
import { callMain } from '../bridge';
import { useExports } from '../components/ExportActions';
import { useFormat } from '../format-context';
import { useI18n } from '../i18n';
import { useBridgeQuery } from '../use-bridge-query';

/** Items shown per list; the download has them all. */
const SHOWN = 3;
const THRESHOLDS = [2, 4, 8, 12].map((hours) => hours * 3600);
const RISE_MIN_CENTS = 2000;

export function AttentionPanel(props: {
  profileId: string;
  period: string;
  account: AccountInfo | null;
  refresh: string;
  /**
   * The summary of this period is on screen: the panel asks for its lists
   * only then, so the summary the user chose is answered first (main answers
   * in order), and it keeps the previous period's lists until its own arrive.
   */
  ready: boolean;
  onOpenRoom: (roomNumber: string) => void;
  onOpenConference: (conferenceId: string) => void;
}) {
  const { t } = useI18n();
  const format = useFormat();
  const exports = useExports();
  const { profileId, period } = props;
  const [threshold, setThreshold] = useState(DEFAULT_ATTENTION_SECONDS);
  const query = useBridgeQuery(props.ready ? `${profileId}|${period}|${threshold}` : null, props.refresh, () => callMain('attention', { profileId, period, thresholdSeconds: threshold }), {
    keepPrevious: true,
  });
  const attention = query.data;
  const currency = currencyOf(props.account);
  const timeZone = props.account?.timeZone;
  const money = (cents: number) => format.money(cents, currency);
  const count = attention ? attention.longConferences.length + attention.longLegs.length + attention.risingRooms.length + attention.idleRooms.length : 0;

  const room = (roomNumber: string, cardholder: string | null) => (
    <button type="button" className="link-button" onClick={() => props.onOpenRoom(roomNumber)}>
      {format.room(roomNumber)}
      {cardholder ? ` — ${cardholder}` : ''}
    </button>
  );
  const conference = (id: string, roomNumber: string, start: string) => (
    <button type="button" className="link-button" onClick={() => props.onOpenConference(id)}>
      {`${format.date(start, timeZone)} ${format.time(start, timeZone)} · ${format.room(roomNumber)}`}
    </button>
  );
  const items: { [L in AttentionList]: (item: Attention[L][number]) => ReactNode } = {
    longConferences: (c) => (
      <>
        {conference(c.conferenceId, c.roomNumber, c.start)} <span className="muted">{format.duration(c.lengthSeconds)}</span>
      </>
    ),
    longLegs: (leg) => (
      <>
        {conference(leg.conferenceId, leg.roomNumber, leg.joinedAt)}{' '}
        <span className="muted">{t('attention.legItem', { name: leg.name ?? leg.phone ?? '—', duration: format.duration(leg.seconds) })}</span>
      </>
    ),
    risingRooms: (r) => (
      <>
        {room(r.roomNumber, r.cardholder)} <span className="muted">{`${money(r.chargeCents)} · ${t('attention.average')} ${money(r.averageCents)}`}</span>
      </>
    ),
    idleRooms: (r) => (
      <>
        {room(r.roomNumber, r.cardholder)}{' '}
        <span className="muted">
          {t('attention.monthsUnusedValue', { count: format.count(r.monthsUnused) })}
          {r.lastUsed ? ` · ${t('attention.lastUsed')} ${format.month(r.lastUsed)}` : ''}
        </span>
      </>
    ),
  };
  const hints: Record<AttentionList, string> = {
    longConferences: t('attention.longHint', { threshold: format.duration(threshold) }),
    longLegs: t('attention.longHint', { threshold: format.duration(threshold) }),
    risingRooms: t('attention.risingHint', { amount: money(RISE_MIN_CENTS) }),
    idleRooms: t('attention.idleHint'),
  };
  const titles: Record<AttentionList, string> = {
    longConferences: t('attention.longConferences'),
    longLegs: t('attention.longLegs'),
    risingRooms: t('attention.risingRooms'),
    idleRooms: t('attention.idleRooms'),
  };
  const section = <L extends AttentionList>(list: L) => {
    const entries = attention![list] as Attention[L][number][];
    if (entries.length === 0) return null;
    return (
      <section key={list} className="attention-list" data-testid={`attention-${list}`} aria-label={titles[list]}>
        <div className="attention-list-head">
          <h3>{titles[list]}</h3>
          <span className="muted">{t('attention.count', { count: format.count(entries.length) })}</span>
          <button
            type="button"
            className="button button-quiet"
            aria-disabled={exports.running !== null}
            onClick={() => exports.running === null && exports.run('xlsx', { kind: 'attention', profileId, period, thresholdSeconds: threshold, list })}
            data-testid={`attention-download-${list}`}
          >
            {t('attention.download', { list: titles[list] })}
          </button>
        </div>
        <p className="attention-hint muted">{hints[list]}</p>
        <ul>
          {entries.slice(0, SHOWN).map((item, index) => (
            <li key={index}>{items[list](item)}</li>
          ))}
        </ul>
        {entries.length > SHOWN ? <p className="muted">{t('attention.more', { count: format.count(entries.length - SHOWN) })}</p> : null}
      </section>
    );
  };

  return (
    <details className="card attention-panel" data-testid="attention-panel" open={count > 0} aria-busy={query.stale || undefined}>
      <summary>
        <strong>{t('attention.title')}</strong>{' '}
        <span className="muted">{attention && !query.stale ? t('attention.count', { count: format.count(count) }) : t('common.loading')}</span>
      </summary>
      <label className="attention-threshold">
        {t('attention.thresholdLabel')}{' '}
        <select value={threshold} onChange={(e) => setThreshold(Number(e.target.value))} data-testid="attention-threshold">
          {THRESHOLDS.map((seconds) => (
            <option key={seconds} value={seconds}>
              {format.duration(seconds)}
            </option>
          ))}
        </select>
      </label>
      {attention && !query.stale && count === 0 ? <p className="muted">{t('attention.none')}</p> : null}
      {/* The previous period's lists stay while this one's load (no collapse and reopen), not clickable. */}
      {attention ? <div className="attention-lists" inert={query.stale}>{(['longConferences', 'longLegs', 'risingRooms', 'idleRooms'] as const).map((list) => section(list))}</div> : null}
    </details>
  );
}
