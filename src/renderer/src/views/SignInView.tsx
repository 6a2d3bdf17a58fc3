// Sign-in, as OAI asks for it: user name, password, and either the account
// number (every room) or one room number. On first run the demo account comes
// first, one click away; saved accounts can be reopened without typing.
import { useId, useState, type FormEvent } from 'react';
import type { PasswordNotRemembered, Profile } from '../../../shared/bridge';
import { callMain } from '../bridge';
import { describeError, errorDetail } from '../errors';
import { useFormat } from '../format-context';
import { FormError } from '../components/ViewParts';
import { useI18n } from '../i18n';
import { useBridgeQuery } from '../use-bridge-query';

type Scope = 'account' | 'room';

interface SignInViewProps {
  profiles: readonly Profile[];
  /** `passwordNotRemembered`: the sign-in worked, but the keychain could not remember its password. */
  onSignedIn: (profile: Profile, passwordNotRemembered?: PasswordNotRemembered | null) => void;
  /** Offered when the user came here to add an account and may go back. */
  onCancel?: () => void;
}

export function SignInView(props: SignInViewProps) {
  const { t } = useI18n();
  const firstRun = props.profiles.length === 0;
  return (
    <div className="signin-page">
      <div className="signin-column">
        <h1 className="page-title">{firstRun ? t('signIn.welcomeTitle') : t('signIn.title')}</h1>
        {firstRun ? <p className="lead">{t('signIn.welcomeBody')}</p> : null}
        {firstRun ? <DemoCard prominent onSignedIn={props.onSignedIn} /> : null}
        {firstRun ? null : <SavedAccounts profiles={props.profiles} onSignedIn={props.onSignedIn} />}
        <SignInForm onSignedIn={props.onSignedIn} onCancel={props.onCancel} />
        {firstRun ? null : <DemoCard prominent={false} onSignedIn={props.onSignedIn} />}
      </div>
    </div>
  );
}

function DemoCard(props: { prominent: boolean; onSignedIn: (profile: Profile) => void }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const headingId = useId();
  // Main knows the demo's (public) sign-in; the renderer never carries it.
  const demo = useBridgeQuery('demo', 0, () => callMain('demoInfo', {})).data;

  const open = () => {
    setBusy(true);
    setError(null);
    callMain('signInDemo', {}).then(
      (profile) => props.onSignedIn(profile),
      (cause: unknown) => {
        setBusy(false);
        setError(describeError(cause, t));
      },
    );
  };

  return (
    <section className={props.prominent ? 'card demo-card demo-card-prominent' : 'card demo-card'} aria-labelledby={headingId}>
      <div className="demo-card-text">
        <h2 id={headingId}>{t('signIn.demoTitle')}</h2>
        {demo ? (
          <>
            <p>{t('signIn.demoBody', { company: demo.companyName })}</p>
            <dl className="demo-credentials">
              <dt>{t('signIn.username')}</dt>
              <dd>{demo.username}</dd>
              <dt>{t('signIn.password')}</dt>
              <dd>{demo.password}</dd>
              <dt>{t('signIn.accountNumber')}</dt>
              <dd>{demo.accountNumber}</dd>
            </dl>
          </>
        ) : null}
      </div>
      <div className="demo-card-action">
        <button
          type="button"
          className={props.prominent ? 'button button-primary button-large' : 'button'}
          onClick={open}
          disabled={busy}
          aria-busy={busy}
        >
          {busy ? t('signIn.demoOpening') : t('signIn.demoButton')}
        </button>
        <FormError error={error} />
      </div>
    </section>
  );
}

function SavedAccounts(props: { profiles: readonly Profile[]; onSignedIn: (profile: Profile) => void }) {
  const { t } = useI18n();
  const format = useFormat();
  const [error, setError] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const headingId = useId();

  const open = (profile: Profile) => {
    setBusyId(profile.id);
    setError(null);
    callMain('switchProfile', { profileId: profile.id }).then(
      (opened) => props.onSignedIn(opened),
      (cause: unknown) => {
        setBusyId(null);
        setError(describeError(cause, t));
      },
    );
  };

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('signIn.savedTitle')}</h2>
      <ul className="saved-accounts">
        {props.profiles.map((profile) => (
          <li key={profile.id}>
            <button type="button" className="saved-account" onClick={() => open(profile)} disabled={busyId !== null}>
              <span className="saved-account-name">{profileTitle(profile, props.profiles, t, format.room)}</span>
              <span className="saved-account-user">{profile.username}</span>
            </button>
          </li>
        ))}
      </ul>
      <FormError error={error} />
    </section>
  );
}

/**
 * How a saved sign-in is named in lists: its account or room, demo marked as
 * such, and its provider's address when another saved sign-in would read the
 * same (the same account kept apart at two addresses).
 */
export function profileTitle(profile: Profile, profiles: readonly Profile[], t: ReturnType<typeof useI18n>['t'], room: (n: string) => string): string {
  const scope = scopeTitle(profile, t, room);
  if (profile.isDemo) return `${scope} · ${t('profile.demo')}`;
  const twin = profiles.some((other) => !other.isDemo && other.provider !== profile.provider && scopeTitle(other, t, room) === scope);
  return twin ? `${scope} · ${hostOf(profile.provider)}` : scope;
}

function scopeTitle(profile: Profile, t: ReturnType<typeof useI18n>['t'], room: (n: string) => string): string {
  return profile.roomNumber !== null
    ? t('profile.room', { room: room(profile.roomNumber) })
    : t('profile.account', { account: profile.accountNumber ?? '' });
}

function hostOf(provider: string): string {
  try {
    return new URL(provider).host;
  } catch {
    return provider;
  }
}

interface FormErrors {
  serverUrl?: string;
  username?: string;
  password?: string;
  number?: string;
}

function SignInForm(props: { onSignedIn: (profile: Profile, passwordNotRemembered: PasswordNotRemembered | null) => void; onCancel: (() => void) | undefined }) {
  const { t } = useI18n();
  const id = useId();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [scope, setScope] = useState<Scope>('account');
  const [number, setNumber] = useState('');
  const [remember, setRemember] = useState(true);
  const [serverUrl, setServerUrl] = useState('');
  const [advancedOpen, setAdvancedOpen] = useState(false);
  const [errors, setErrors] = useState<FormErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [failureDetail, setFailureDetail] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const validate = (): FormErrors => {
    const found: FormErrors = {};
    if (username.trim() === '') found.username = t('signIn.usernameRequired');
    if (password === '') found.password = t('signIn.passwordRequired');
    const digits = number.replace(/\s+/g, '');
    if (digits === '') found.number = scope === 'account' ? t('signIn.accountRequired') : t('signIn.roomRequired');
    else if (!/^\d{1,20}$/.test(digits)) found.number = t('signIn.digitsOnly');
    if (serverUrl.trim() === '') found.serverUrl = t('signIn.serverRequired');
    else if (!/^https?:\/\/\S+$/i.test(serverUrl.trim())) found.serverUrl = t('signIn.serverInvalid');
    return found;
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validate();
    setErrors(found);
    setFailure(null);
    if (found.serverUrl) setAdvancedOpen(true);
    const firstInvalid = (['username', 'password', 'number', 'serverUrl'] as const).find((field) => found[field]);
    if (firstInvalid) {
      document.getElementById(`${id}-${firstInvalid}`)?.focus();
      return;
    }
    const digits = number.replace(/\s+/g, '');
    setBusy(true);
    callMain('signIn', {
      serverUrl: serverUrl.trim(),
      username: username.trim(),
      password,
      accountNumber: scope === 'account' ? digits : null,
      roomNumber: scope === 'room' ? digits : null,
      rememberPassword: remember,
    }).then(
      (result) => props.onSignedIn(result, result.passwordNotRemembered),
      (cause: unknown) => {
        setBusy(false);
        setFailure(describeError(cause, t));
        setFailureDetail(errorDetail(cause, t));
      },
    );
  };

  const fieldError = (field: keyof FormErrors) =>
    errors[field] ? (
      <p id={`${id}-${field}-error`} className="field-error">
        {errors[field]}
      </p>
    ) : null;
  const describedBy = (field: keyof FormErrors) => (errors[field] ? `${id}-${field}-error` : undefined);

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('signIn.formTitle')}</h2>
      <form className="signin-form" onSubmit={submit} noValidate>
        <FormError error={failure} detail={failureDetail} testId="signin-error" />
        <div className="field">
          <label htmlFor={`${id}-username`}>{t('signIn.username')}</label>
          <input
            id={`${id}-username`}
            type="email"
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            aria-invalid={errors.username ? true : undefined}
            aria-describedby={describedBy('username')}
          />
          {fieldError('username')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-password`}>{t('signIn.password')}</label>
          <input
            id={`${id}-password`}
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-invalid={errors.password ? true : undefined}
            aria-describedby={describedBy('password')}
          />
          {fieldError('password')}
        </div>
        <fieldset className="field scope-choice">
          <legend>{t('signIn.scopeLegend')}</legend>
          <label className="radio">
            <input type="radio" name={`${id}-scope`} checked={scope === 'account'} onChange={() => setScope('account')} />
            <span>{t('signIn.scopeAccount')}</span>
          </label>
          <label className="radio">
            <input type="radio" name={`${id}-scope`} checked={scope === 'room'} onChange={() => setScope('room')} />
            <span>{t('signIn.scopeRoom')}</span>
          </label>
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-number`}>{scope === 'account' ? t('signIn.accountNumber') : t('signIn.roomNumber')}</label>
          <input
            id={`${id}-number`}
            inputMode="numeric"
            autoComplete="off"
            value={number}
            onChange={(e) => setNumber(e.target.value)}
            aria-invalid={errors.number ? true : undefined}
            aria-describedby={describedBy('number')}
          />
          {fieldError('number')}
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} />
          <span>{t('signIn.remember')}</span>
        </label>
        <details className="advanced" open={advancedOpen} onToggle={(e) => setAdvancedOpen(e.currentTarget.open)}>
          <summary>{t('signIn.advanced')}</summary>
          <div className="field">
            <label htmlFor={`${id}-serverUrl`}>{t('signIn.serverUrl')}</label>
            <input
              id={`${id}-serverUrl`}
              type="url"
              placeholder="https://…"
              autoComplete="url"
              value={serverUrl}
              onChange={(e) => setServerUrl(e.target.value)}
              aria-invalid={errors.serverUrl ? true : undefined}
              aria-describedby={errors.serverUrl ? `${id}-serverUrl-error` : `${id}-serverUrl-hint`}
            />
            {errors.serverUrl ? (
              fieldError('serverUrl')
            ) : (
              <p id={`${id}-serverUrl-hint`} className="field-hint">
                {t('signIn.serverHint')}
              </p>
            )}
          </div>
        </details>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy}>
            {busy ? t('signIn.signingIn') : t('signIn.submit')}
          </button>
          {props.onCancel ? (
            <button type="button" className="button" onClick={props.onCancel}>
              {t('common.cancel')}
            </button>
          ) : null}
        </div>
      </form>
    </section>
  );
}
