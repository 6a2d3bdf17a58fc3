// The note a view shows above its times when the account's time zone is not
// one this runtime knows: the times are then in UTC (src/shared/format.ts).
import { timeZoneNote } from '../../../shared/format';
import { useI18n } from '../i18n';

export function TimeZoneNote(props: { timeZone: string | undefined }) {
  const { t } = useI18n();
  const note = timeZoneNote(props.timeZone, t);
  if (note === null) return null;
  return (
    <div className="notice notice-warning" role="note" data-testid="time-zone-note">
      {note}
    </div>
  );
}
