// *Import OAI downloads…* beside the billing-period selector.
import { useI18n } from '../i18n';

export function ImportButton(props: { onImport: (() => void) | undefined }) {
  const { t } = useI18n();
  if (!props.onImport) return null;
  return (
    <div className="fact fact-action">
      <button type="button" className="button button-small" onClick={props.onImport} data-testid="import-open">
        {t('import.open')}
      </button>
    </div>
  );
}
