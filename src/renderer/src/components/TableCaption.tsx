// A caption bar above a table whose cells can be edited: it says how to edit
// ("Click a billing code to change it"), and an open editor shows its keys
// there (CodeEditor portals into the bar), so no hint floats over the rows.
import { createContext, useContext, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

const CaptionSlot = createContext<HTMLElement | null>(null);

export function TableCaption(props: { idle: string; children: ReactNode }) {
  const [slot, setSlot] = useState<HTMLElement | null>(null);
  return (
    <>
      <div className="table-caption" data-testid="table-caption">
        <span ref={setSlot} className="table-caption-slot" />
        <span className="table-caption-idle">{props.idle}</span>
      </div>
      <CaptionSlot.Provider value={slot}>{props.children}</CaptionSlot.Provider>
    </>
  );
}

/** `content` in the caption bar of the table around, or in place when there is none. */
export function InCaption(props: { children: ReactNode }) {
  const slot = useContext(CaptionSlot);
  return slot ? createPortal(props.children, slot) : props.children;
}
