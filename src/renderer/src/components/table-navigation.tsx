// Moving through a long table from the keyboard and back to its top: Home and
// End go to the first and last row (scrolled into view, focus on the row's
// first link or button, else on the table), and a "Go to top" button appears
// once the table is scrolled down.
import { useCallback, useState, type KeyboardEvent, type RefObject } from 'react';
import { useI18n } from '../i18n';

/** Scrolled further than this (px, about eight rows), the table offers Go to top. */
const TOP_BUTTON_AFTER = 300;

/** Keys typed in a text box (the billing-code editor) keep their meaning there. */
function inTextBox(target: EventTarget): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** Focus on the first link or button of a row once the virtualizer has drawn it; the table itself when it has none. */
function focusRow(table: HTMLElement, index: number): void {
  let frames = 0;
  const attempt = () => {
    const row = table.querySelector<HTMLElement>(`.table-body [aria-rowindex="${index + 2}"]`);
    if (row === null && frames++ < 10) {
      requestAnimationFrame(attempt);
      return;
    }
    // Focus brings the row into the window too when the page around the table scrolls.
    (row?.querySelector<HTMLElement>('a, button, [tabindex]') ?? table).focus();
  };
  requestAnimationFrame(attempt);
}

export function useTableNavigation(scrollRef: RefObject<HTMLDivElement | null>, count: number) {
  const [scrolled, setScrolled] = useState(false);
  const onScroll = useCallback(() => setScrolled((scrollRef.current?.scrollTop ?? 0) > TOP_BUTTON_AFTER), [scrollRef]);

  const goTo = (index: number) => {
    const table = scrollRef.current;
    if (table === null || count === 0) return;
    // The very end: the last row sits above the Total row, not behind it.
    table.scrollTop = index === 0 ? 0 : table.scrollHeight;
    // The whole table in the window (its Total row and Go to top too), when the page around it scrolls.
    table.scrollIntoView({ block: 'nearest' });
    focusRow(table, index);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if ((event.key !== 'Home' && event.key !== 'End') || event.ctrlKey || event.altKey || event.metaKey || inTextBox(event.target)) return;
    event.preventDefault();
    goTo(event.key === 'Home' ? 0 : count - 1);
  };

  return { onScroll, onKeyDown, scrolled, toTop: () => goTo(0) };
}

/** Go to top: shown once the table is scrolled down. */
export function GoToTop(props: { shown: boolean; onClick: () => void }) {
  const { t } = useI18n();
  if (!props.shown) return null;
  return (
    <button type="button" className="button button-small go-to-top" onClick={props.onClick} data-testid="go-to-top">
      <span aria-hidden="true">↑ </span>
      {t('table.goToTop')}
    </button>
  );
}
