// The keyboard shortcuts the window itself handles (the application menu has
// the others): Esc or Alt+← goes back (room → summary, conference → where it
// was opened from), ⌘F / Ctrl+F focuses the view's filter box. Typing in a
// field keeps its own keys, and an open dialog has Esc to itself.
import { useEffect, useRef } from 'react';

/** Marks a view's filter box, the one ⌘F / Ctrl+F focuses. */
export const FILTER_ATTRIBUTE = 'data-filter';

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

export function useWindowShortcuts(options: { back: (() => void) | null; dialogOpen: boolean }): void {
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const { back, dialogOpen } = latest.current;
      if (event.defaultPrevented || dialogOpen) return;
      const command = event.metaKey || event.ctrlKey;
      if (command && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'f') {
        const filter = document.querySelector<HTMLInputElement>(`[${FILTER_ATTRIBUTE}]`);
        if (!filter) return;
        event.preventDefault();
        filter.focus();
        filter.select();
        return;
      }
      if (isEditable(event.target) || back === null) return;
      const goesBack = (event.key === 'Escape' && !command && !event.altKey) || (event.key === 'ArrowLeft' && event.altKey && !command && !event.shiftKey);
      if (!goesBack) return;
      event.preventDefault();
      back();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
