// Billing codes edited in place, as OAI lets you click "Unallocated": click,
// type (the account's codes are suggested, CodeEditor.tsx), Enter saves
// (checked against the provider's rule first), Esc cancels.
// A saved change shows at once, marked pending until the provider has it; a
// refused one shows the provider's reason with Retry and Discard.
import { useEffect, useRef, useState } from 'react';
import type { ConferenceRow, LocalBillingCode, PendingBillingCode } from '../../../shared/domain';
import { useArchive } from '../archive-context';
import { failureReason, parseBillingCodeInput, providerWords, shownBillingCode } from '../billing-code';
import { callMain } from '../bridge';
import { outboxChanged } from '../pending-changes';
import { describeError } from '../errors';
import { useFormat } from '../format-context';
import { useI18n } from '../i18n';
import { CodeEditor } from './CodeEditor';
import { Badge } from './ViewParts';

/** A conference's new unsent change (null: none left), or its new local allocation. */
export type UpdateConference = (conferenceId: string, change: PendingBillingCode | LocalBillingCode | null) => void;

export function BillingCodeCell(props: {
  profileId: string;
  /** The conference's period (its id is unique within a period only). */
  period: string;
  conference: ConferenceRow;
  /** Says which conference the code belongs to, for screen readers. */
  describe: string;
  /** The month's codes are kept locally (imported, invoiced or archived): said before the user types. */
  localMonth: boolean;
  onChanged: UpdateConference;
}) {
  const { t } = useI18n();
  const { conference } = props;
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  const code = shownBillingCode(conference);
  const pending = conference.pending;
  // A read-only archive keeps its codes as they are.
  const { writable } = useArchive();

  useEffect(() => {
    if (!editing && returnFocus.current) {
      returnFocus.current = false;
      buttonRef.current?.focus();
    }
  }, [editing]);

  const start = () => {
    setError(null);
    setEditing(true);
  };
  const stop = (focusButton: boolean) => {
    returnFocus.current = focusButton;
    setEditing(false);
    setError(null);
  };

  const save = (text: string) => {
    const parsed = parseBillingCodeInput(text);
    if (!parsed.ok) {
      setError(parsed.reason === 'too_long' ? t('code.tooLong') : t('code.badCharacters'));
      return;
    }
    if (parsed.billingCode === code) {
      stop(true);
      return;
    }
    setSaving(true);
    callMain('assignBillingCode', {
      profileId: props.profileId,
      period: props.period,
      conferenceId: conference.id,
      billingCode: parsed.billingCode,
    }).then(
      (result) => {
        setSaving(false);
        props.onChanged(conference.id, result);
        outboxChanged();
        stop(true);
      },
      (cause: unknown) => {
        setSaving(false);
        setError(describeError(cause, t));
      },
    );
  };

  if (editing) {
    return (
      <CodeEditor
        profileId={props.profileId}
        initial={code ?? ''}
        saving={saving}
        error={error}
        label={t('code.inputLabel', { conference: props.describe })}
        localMonth={props.localMonth}
        onTyping={() => setError(null)}
        onSave={save}
        onCancel={stop}
      />
    );
  }

  return (
    <span className="code-cell">
      <button
        ref={buttonRef}
        type="button"
        className={code === null ? 'code-button code-unallocated' : 'code-button'}
        onClick={start}
        disabled={!writable}
        title={writable ? undefined : t('archive.readOnlyShort')}
        aria-label={t('code.editLabel', { code: code ?? t('code.unallocated'), conference: props.describe })}
      >
        {code ?? t('code.unallocated')}
      </button>
      {conference.local ? (
        <Badge tone="info" title={t('code.localHint')}>
          {t('code.local')}
        </Badge>
      ) : null}
      {pending && pending.state !== 'failed' ? (
        <Badge tone="info" title={t('code.pendingHint')}>
          {t('code.pending')}
        </Badge>
      ) : null}
      {pending?.state === 'failed' ? (
        <Badge tone="danger" title={[failureReason(pending, t), providerWords(pending, t)].filter(Boolean).join('\n')}>
          {t('code.failed')}
        </Badge>
      ) : null}
    </span>
  );
}

/**
 * The billing-code changes the provider refused, among the listed conferences,
 * each with the provider's reason and what to do about it.
 */
export function FailedChanges(props: {
  profileId: string;
  conferences: readonly ConferenceRow[];
  timeZone: string | undefined;
  onChanged: UpdateConference;
}) {
  const { t } = useI18n();
  const format = useFormat();
  const [error, setError] = useState<string | null>(null);
  const failed = props.conferences.filter((c) => c.pending?.state === 'failed');
  if (failed.length === 0) return null;

  const retry = (conference: ConferenceRow, pending: PendingBillingCode) => {
    setError(null);
    callMain('retryBillingCode', { profileId: props.profileId, outboxId: pending.outboxId }).then(
      () => {
        props.onChanged(conference.id, { ...pending, state: 'pending', errorCode: null, errorMessage: null });
        outboxChanged();
      },
      (cause: unknown) => setError(describeError(cause, t)),
    );
  };
  const discard = (conference: ConferenceRow, pending: PendingBillingCode) => {
    setError(null);
    callMain('discardBillingCode', { profileId: props.profileId, outboxId: pending.outboxId }).then(
      () => {
        props.onChanged(conference.id, null);
        outboxChanged();
      },
      (cause: unknown) => setError(describeError(cause, t)),
    );
  };

  return (
    <section className="notice notice-danger failed-changes" aria-label={t('code.failedTitle')} data-testid="failed-changes">
      <strong>{t('code.failedTitle')}</strong>
      <ul>
        {failed.map((conference) => {
          const pending = conference.pending!;
          return (
            <li key={conference.id}>
              <span>
                {t('code.failedItem', {
                  code: pending.billingCode ?? t('code.unallocated'),
                  date: format.date(conference.start, props.timeZone),
                  time: format.time(conference.start, props.timeZone),
                  room: format.room(conference.roomNumber),
                })}{' '}
                <em>{failureReason(pending, t)}</em>
                {providerWords(pending, t) ? <span className="failure-detail">{providerWords(pending, t)}</span> : null}
              </span>
              <span className="failed-actions">
                <button type="button" className="button button-small" onClick={() => retry(conference, pending)}>
                  {t('code.retry')}
                </button>
                <button type="button" className="button button-small" onClick={() => discard(conference, pending)}>
                  {t('code.discard')}
                </button>
              </span>
            </li>
          );
        })}
      </ul>
      {error ? <p role="alert">{error}</p> : null}
    </section>
  );
}

/** Replaces one conference's pending change (or sets its local allocation) in a list. */
export function withPending(rows: readonly ConferenceRow[], conferenceId: string, change: PendingBillingCode | LocalBillingCode | null): ConferenceRow[] {
  return rows.map((row) => (row.id === conferenceId ? withChange(row, change) : row));
}

/** The conference once its code changed: a local allocation replaces any unsent change. */
export function withChange(row: ConferenceRow, change: PendingBillingCode | LocalBillingCode | null): ConferenceRow {
  if (change !== null && 'kind' in change) return { ...row, pending: null, local: change };
  return { ...row, pending: change };
}
