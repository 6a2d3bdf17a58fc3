// The name a Download suggests: account, month and view, e.g.
// OAI_602127_2009-05_summary.xlsx, safe on every file system.
import type { ViewRef } from '../../shared/bridge';
import { xmlSafeText } from './excel-values';

/** Letters, digits, "_" and "-" only: characters XML forbids go, anything else becomes "_". */
function safePart(text: string): string {
  return xmlSafeText(text).replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 80) || '_';
}

/** The default file name of a view's workbook: it depends on the view and its sign-in's account alone. */
export function defaultExportFileName(view: ViewRef, accountNumber: string): string {
  const account = safePart(accountNumber);
  switch (view.kind) {
    case 'summary':
      return `OAI_${account}_${safePart(view.period)}_summary.xlsx`;
    case 'billingCodes':
      return `OAI_${account}_${safePart(view.period)}_billing-codes.xlsx`;
    case 'room':
      return `OAI_${account}_${safePart(view.period)}_room-${safePart(view.roomNumber)}.xlsx`;
    case 'conference':
      return `OAI_${account}_${safePart(view.period)}_conference-${safePart(view.conferenceId)}.xlsx`;
    case 'chargeback':
      return `OAI_${account}_chargeback-${view.by}_${view.from === null && view.to === null ? 'last-12-months' : `${safePart(view.from ?? 'first')}_${safePart(view.to ?? 'last')}`}.xlsx`;
    case 'attention':
      return `OAI_${account}_${safePart(view.period)}_attention-${view.list}.xlsx`;
    case 'codeConferences':
      return `OAI_${account}_${safePart(view.period)}_code-${view.billingCode === null ? 'unallocated' : safePart(view.billingCode)}.xlsx`;
    case 'search':
      return `OAI_${account}_search.xlsx`;
  }
}
