// One billing code's conferences in the period, across rooms, with the code
// editable in place like in a room's list.
import '../messages.css';
import { useState } from 'react';
import { currencyOf, type AccountInfo, type ConferenceRow, type PeriodInfo } from '../../../shared/domain';
import { callMain } from '../bridge';
import { ConferenceList } from '../components/ConferenceList';
import { ExportActions } from '../components/ExportActions';
import { BackButton, Fact, PeriodBadges, PeriodNotice } from '../components/ViewParts';
import { useFormat } from '../format-context';
import { useI18n } from '../i18n';
import { periodLabel } from '../../../shared/period-label';
import type { SortState } from '../../../shared/view-rules';
import { useBridgeQuery } from '../use-bridge-query';

export function CodeConferencesView(props: {
  profileId: string;
  account: AccountInfo | null;
  period: PeriodInfo;
  billingCode: string | null;
  cardholderOf: (roomNumber: string) => string | null;
  refresh: string;
  onBack: () => void;
  onOpenConference: (conference: ConferenceRow) => void;
  /** Opens this room's (or code's) months in the archive. */
  onTrend: () => void;
}) {
  const { t } = useI18n();
  const format = useFormat();
  const [sort, setSort] = useState<SortState | null>({ column: 'date', direction: 'ascending' });
  const { profileId, billingCode } = props;
  const period = props.period.period;
  const query = useBridgeQuery(`${profileId}|${period}|${billingCode ?? '\u0000'}`, props.refresh, () =>
    callMain('billingCodeConferences', { profileId, period, billingCode }),
  );
  const rows = query.data ?? [];
  const chargeCents = rows.reduce((sum, r) => sum + r.chargeCents, 0);
  const currency = currencyOf(props.account);

  const codeName = billingCode ?? t('code.unallocated');
  return (
    <div className="view">
      <div className="view-nav">
        <BackButton onClick={props.onBack}>{t('codes.back')}</BackButton>
      </div>
      <section className="card view-header" aria-labelledby="code-title">
        <div className="view-title-row">
          <h1 id="code-title" tabIndex={-1}>
            <TextWithValue text={t('codes.codeTitle', { code: PLACE })} value={codeName} />
          </h1>
          <PeriodBadges period={props.period} />
        </div>
        <div className="facts">
          <Fact label={t('col.billingCode')} testId="code-name">
            {codeName}
          </Fact>
          <Fact label={t('col.conferences')}>{format.count(rows.length)}</Fact>
          <Fact label={t('col.billingPeriod')}>{periodLabel(props.period, t, format.options)}</Fact>
          <Fact label={t('col.charge')}>{format.money(chargeCents, currency)}</Fact>
        </div>
      </section>
      <PeriodNotice period={props.period} />
      <div className="toolbar">
        <div className="toolbar-end">
          <button type="button" className="button" onClick={props.onTrend} data-testid="code-trend">
            {t('trends.openCode')}
          </button>
          <ExportActions view={{ kind: 'codeConferences', profileId, period, billingCode, sort }} />
        </div>
      </div>
      <ConferenceList
        profileId={profileId}
        account={props.account}
        period={props.period}
        query={query}
        sort={sort}
        onSort={setSort}
        label={t('codes.conferencesLabel', { code: codeName })}
        testId="code-conferences-table"
        empty={t('codes.noConferences')}
        onOpen={props.onOpenConference}
        cardholderOf={props.cardholderOf}
      />
    </div>
  );
}

const PLACE = '\u0001';

/** A title the page styles in capitals, with its value (a billing code) kept as the user typed it. */
function TextWithValue(props: { text: string; value: string }) {
  const [before = '', after = ''] = props.text.split(PLACE);
  return (
    <>
      {before}
      <span className="as-typed" data-testid="code-title-code">
        {props.value}
      </span>
      {after}
    </>
  );
}
