// Small pieces shared by the views: the header facts block, the billing
// period picker, the period's sync notice and the loading/error states.
import { useId, type ReactNode } from 'react';
import type { PeriodInfo } from '../../../shared/domain';
import { describeError, errorDetail } from '../errors';
import { Details } from './Details';
import { useFormat } from '../format-context';
import { useI18n } from '../i18n';
import { periodLabel } from '../../../shared/period-label';

export function Fact(props: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="fact">
      <span className="fact-label">{props.label}</span>
      <span className="fact-value" data-testid={props.testId}>
        {props.children}
      </span>
    </div>
  );
}

/** A fact whose value is a form control, labelled by the fact's label. */
export function FactControl(props: { label: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className="fact">
      <label className="fact-label" htmlFor={id}>
        {props.label}
      </label>
      <span className="fact-value">{props.children(id)}</span>
    </div>
  );
}

export function PeriodSelect(props: {
  id: string;
  periods: readonly PeriodInfo[];
  value: string | null;
  onChange: (period: string) => void;
}) {
  const { t } = useI18n();
  const format = useFormat();
  return (
    <select
      id={props.id}
      className="period-select"
      value={props.value ?? ''}
      onChange={(e) => props.onChange(e.target.value)}
      data-testid="period-select"
    >
      {props.periods.map((period) => (
        <option key={period.period} value={period.period}>
          {periodLabel(period, t, format.options)}
        </option>
      ))}
    </select>
  );
}

export function Badge(props: { tone: 'neutral' | 'info' | 'warning' | 'danger' | 'success'; children: ReactNode; title?: string }) {
  return (
    <span className={`badge badge-${props.tone}`} title={props.title}>
      {props.children}
    </span>
  );
}

/** The period's status next to its name: invoiced or not, archived here. */
export function PeriodBadges(props: { period: PeriodInfo | null }) {
  const { t } = useI18n();
  const period = props.period;
  if (!period) return null;
  return (
    <span className="badges">
      {period.source === 'import' ? <Badge tone="neutral">{t('period.badgeImported')}</Badge> : null}
      {period.source === 'import' ? null : period.invoiced ? <Badge tone="neutral">{t('period.badgeInvoiced')}</Badge> : <Badge tone="info">{t('period.badgeOpen')}</Badge>}
      {period.servedByProvider || period.source === 'import' ? null : (
        <Badge tone="warning" title={t('period.archivedHint')}>
          {t('period.badgeArchived')}
        </Badge>
      )}
    </span>
  );
}

/** Why this period may be out of date: its last sync failed (the data stays shown), or it is archived. */
export function PeriodNotice(props: { period: PeriodInfo | null }) {
  const { t } = useI18n();
  const format = useFormat();
  const period = props.period;
  if (!period) return null;
  return (
    <>
      {period.lastError ? (
        <div className="notice notice-warning message-box" role="status" data-testid="period-error">
          <strong>{t('period.syncFailed')}</strong>{' '}
          {period.lastSyncedAt ? (
            <span className="muted">{t('period.dataFrom', { when: format.localDateTime(period.lastSyncedAt) })}</span>
          ) : null}
          {/* The provider's (or the network's) own words, in English: folded away under Details. */}
          <Details detail={period.lastError} />
        </div>
      ) : null}
      {period.source === 'import' ? (
        <div className="notice notice-info" data-testid="period-imported">
          {t('period.importedFrom', {
            files: (period.importedFiles ?? []).map((file) => file.fileName).join(', '),
            date: format.localDateTime(period.importedFiles?.[0]?.importedAt ?? period.lastSyncedAt ?? ''),
          })}
        </div>
      ) : null}
      {period.servedByProvider || period.source === 'import' ? null : (
        <div className="notice notice-info" data-testid="period-archived">
          {t('period.archivedHint')}
        </div>
      )}
    </>
  );
}

export function LoadState(props: { loading: boolean; error: unknown; empty?: boolean; emptyText?: string }) {
  const { t } = useI18n();
  if (props.error) {
    return (
      <div role="alert" className="notice notice-danger message-box">
        <p>{describeError(props.error, t)}</p>
        <Details detail={errorDetail(props.error, t)} />
      </div>
    );
  }
  if (props.loading && props.empty !== false) {
    return (
      <p className="loading" role="status">
        {t('common.loading')}
      </p>
    );
  }
  return null;
}

export function BackButton(props: { onClick: () => void; children: ReactNode }) {
  return (
    <button type="button" className="button button-quiet back-button" onClick={props.onClick}>
      <span aria-hidden="true">←</span> {props.children}
    </button>
  );
}

/** Why a form's action failed, announced as it appears; nothing when there is no error. */
export function FormError(props: { error: string | null; detail?: string | null; testId?: string }) {
  if (!props.error) return null;
  return (
    <div role="alert" className="form-error message-box" data-testid={props.testId}>
      <p>{props.error}</p>
      <Details detail={props.detail} />
    </div>
  );
}
