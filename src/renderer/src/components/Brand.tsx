import { useI18n } from '../i18n';

export function Brand(props: { tagline?: boolean }) {
  const { t } = useI18n();
  return (
    <div className="brand">
      <img className="brand-mark" src="./favicon.svg" alt="" width={24} height={24} />
      <span className="brand-name">{t('app.name')}</span>
      {props.tagline ? <span className="brand-tagline">{t('app.tagline')}</span> : null}
    </div>
  );
}
