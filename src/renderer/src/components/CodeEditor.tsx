// The billing-code editor of a conference row: a combobox (ARIA 1.2) that
// suggests the account's codes in use, most used first, as the user types
// (↑/↓ to move, Enter to take one, Esc to close); before saving a code that
// differs from an existing one only by case or spaces, it offers the
// existing spelling.
import { useEffect, useId, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { existingSpelling, suggestedCodes, type CodeUse } from '../../../shared/code-suggestions';
import { callMain } from '../bridge';
import { useI18n } from '../i18n';
import { InCaption } from './TableCaption';

export interface CodeEditorProps {
  profileId: string;
  initial: string;
  saving: boolean;
  error: string | null;
  /** The accessible name of the box. */
  label: string;
  /** Said before the user types: the month's codes are kept locally, never sent. */
  localMonth?: boolean;
  onTyping: () => void;
  onSave: (text: string) => void;
  onCancel: (focusButton: boolean) => void;
}

/** How long Enter waits for the account's codes, when it comes before them, to check the spelling. */
const SPELLING_CHECK_WAIT_MS = 2000;

/** The account's codes in use, loaded when an editor opens, and a promise of them for whoever cannot wait for the render. */
function useCodeUses(profileId: string): { uses: readonly CodeUse[]; loaded: () => Promise<readonly CodeUse[]> } {
  const [uses, setUses] = useState<readonly CodeUse[]>([]);
  const loading = useRef<Promise<readonly CodeUse[]>>(Promise.resolve([]));
  useEffect(() => {
    let live = true;
    // Suggestions are a help: without them the editor works as before.
    const found = callMain('billingCodeSuggestions', { profileId }).catch((): readonly CodeUse[] => []);
    loading.current = found;
    void found.then((codes) => live && setUses(codes));
    return () => {
      live = false;
    };
  }, [profileId]);
  return { uses, loaded: () => loading.current };
}

/** `promise`'s value, or `fallback` after `ms`. */
function within<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
  return Promise.race([promise, new Promise<T>((resolve) => setTimeout(() => resolve(fallback), ms))]);
}

export function CodeEditor(props: CodeEditorProps) {
  const { t } = useI18n();
  const [text, setText] = useState(props.initial);
  // The list opens as the user types (or presses ↓), not on arrival.
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [offer, setOffer] = useState<string | null>(null);
  const { uses, loaded } = useCodeUses(props.profileId);
  // While Enter waits for the account's codes the box is read-only; an editor closed meanwhile (Esc, a click away) saves nothing.
  const [checking, setChecking] = useState(false);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const editor = useRef<HTMLSpanElement>(null);
  const listId = useId();
  const errorId = useId();
  const suggestions = open && offer === null ? suggestedCodes(uses, text) : [];
  const expanded = suggestions.length > 0;

  const type = (value: string) => {
    setText(value);
    setOpen(true);
    setActive(-1);
    setOffer(null);
    props.onTyping();
  };
  /**
   * Saves, unless an existing code is spelled otherwise: then it asks first.
   * Enter pressed before the account's codes arrived waits for them (a
   * moment), so a fast typist gets the same check.
   */
  const submit = async (value: string) => {
    let known = uses;
    if (known.length === 0) {
      setChecking(true);
      known = await within(loaded(), SPELLING_CHECK_WAIT_MS, uses);
      if (!mounted.current) return;
      setChecking(false);
    }
    const existing = existingSpelling(known, value);
    if (existing !== null && offer === null) {
      setOffer(existing);
      return;
    }
    props.onSave(value);
  };
  const take = (code: string) => {
    setText(code);
    setOffer(null);
    props.onSave(code);
  };

  /** ↓/↑ through the suggestions and back to the box (-1). */
  const move = (step: 1 | -1) =>
    setActive((index) => {
      const count = suggestions.length;
      const next = index + step;
      return count === 0 ? -1 : next < -1 ? count - 1 : next >= count ? -1 : next;
    });
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      move(event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (checking) return;
      const chosen = suggestions[active];
      if (chosen !== undefined) take(chosen);
      else void submit(text);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      if (expanded) setOpen(false);
      else props.onCancel(true);
    }
  };
  // Leaving the editor (not to its own list or offer) cancels.
  const onBlur = (event: FocusEvent) => {
    if (!props.saving && !editor.current?.contains(event.relatedTarget)) props.onCancel(false);
  };
  const activeId = active >= 0 && active < suggestions.length ? `${listId}-${active}` : undefined;

  return (
    <span className="code-editor" ref={editor} onBlur={onBlur}>
      <input
        className="code-input"
        autoFocus
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={activeId}
        value={text}
        maxLength={40}
        readOnly={props.saving || checking}
        onChange={(e) => type(e.target.value)}
        onKeyDown={onKeyDown}
        aria-label={props.label}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? errorId : undefined}
        placeholder={t('code.unallocated')}
      />
      <ul id={listId} role="listbox" className="code-suggestions" aria-label={t('code.suggestions')} hidden={!expanded}>
        {suggestions.map((code, index) => (
          <li
            key={code}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === active}
            className={index === active ? 'code-suggestion code-suggestion-active' : 'code-suggestion'}
            // Keeps the focus in the box; the click takes the code.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => take(code)}
          >
            {code}
          </li>
        ))}
      </ul>
      {offer !== null ? (
        <span className="code-offer" role="alert" data-testid="code-offer">
          <span>{t('code.sameAs', { existing: offer })}</span>
          <button type="button" className="button button-small button-primary" onClick={() => take(offer)}>
            {t('code.useExisting', { existing: offer })}
          </button>
          <button type="button" className="button button-small" onClick={() => props.onSave(text)}>
            {t('code.keepTyped', { typed: text.trim() })}
          </button>
        </span>
      ) : props.error ? (
        <span id={errorId} role="alert" className="code-error">
          {props.error}
        </span>
      ) : (
        // In the table's caption bar: below the box it would cover the next row's code.
        <InCaption>
          <span className="code-help" data-testid="code-help">
            {props.localMonth ? <span className="code-local-hint">{t('code.localHint')} </span> : null}
            {t('code.editHelp')}
          </span>
        </InCaption>
      )}
    </span>
  );
}
