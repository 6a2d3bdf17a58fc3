// What a person reads when something fails: a sentence in their language
// (src/renderer/src/errors.ts), with the technical text (a request, the
// keychain's own words) folded away behind a Details toggle. Styles in
// ../messages.css: long text wraps and scrolls inside its box.
import type { PasswordNotRemembered } from '../../../shared/bridge';
import { useI18n } from '../i18n';
import '../messages.css';

/** The technical text behind a message, folded; nothing when there is none. */
export function Details(props: { detail: string | null | undefined }) {
  const { t } = useI18n();
  if (!props.detail) return null;
  return (
    <details className="message-details">
      <summary>{t('error.details')}</summary>
      <pre>{props.detail}</pre>
    </details>
  );
}

/** After a sign-in whose "Remember password" the keychain could not honour. */
export function PasswordNotRememberedNotice(props: { problem: PasswordNotRemembered; onDismiss: () => void }) {
  const { t } = useI18n();
  return (
    <div role="status" className="notice notice-warning message-box" data-testid="password-not-remembered">
      <p>{t(props.problem.reason === 'denied' ? 'signIn.passwordNotRemembered.denied' : 'signIn.passwordNotRemembered.unavailable')}</p>
      <Details detail={props.problem.detail} />
      <button type="button" className="button button-small" onClick={props.onDismiss}>
        {t('export.dismiss')}
      </button>
    </div>
  );
}
