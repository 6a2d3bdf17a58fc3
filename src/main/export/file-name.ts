// The name a Download or Save as PDF suggests: account, month and view in the
// workbook's language, e.g. OAI_602127_2009-05_summary.xlsx or
// OAI_602127_2009-05_recapitulatif.xlsx. ASCII only (no accents), safe on
// every file system and mail client.
import type { ViewRef } from '../../shared/bridge';
import { formatRoomNumber } from '../../shared/format';
import { LANGUAGE_LOCALES, type CatalogLanguage, type Language } from '../../shared/i18n/language';
import type { AttentionList } from '../../shared/reports';
import { xmlSafeText } from './excel-values';

interface FileWords {
  summary: string;
  billingCodes: string;
  room: string;
  chargeback: string;
  by: Record<'code' | 'room', string>;
  last12Months: string;
  first: string;
  last: string;
  attention: Record<AttentionList, string>;
  code: string;
  unallocated: string;
  search: string;
}

/** The words of file names, per catalogue: ASCII, lower case, words joined by "-". */
const FILE_WORDS: Readonly<Record<CatalogLanguage, FileWords>> = {
  en: {
    summary: 'summary',
    billingCodes: 'billing-codes',
    room: 'room',
    chargeback: 'chargeback',
    by: { code: 'code', room: 'room' },
    last12Months: 'last-12-months',
    first: 'first',
    last: 'last',
    attention: { longConferences: 'longConferences', longLegs: 'longLegs', risingRooms: 'risingRooms', idleRooms: 'idleRooms' },
    code: 'code',
    unallocated: 'unallocated',
    search: 'search',
  },
  fr: {
    summary: 'recapitulatif',
    billingCodes: 'codes-de-facturation',
    room: 'salle',
    chargeback: 'refacturation',
    by: { code: 'code', room: 'salle' },
    last12Months: '12-derniers-mois',
    first: 'debut',
    last: 'fin',
    attention: {
      longConferences: 'conferences-longues',
      longLegs: 'connexions-longues',
      risingRooms: 'salles-en-hausse',
      idleRooms: 'salles-inutilisees',
    },
    code: 'code',
    unallocated: 'non-attribue',
    search: 'recherche',
  },
};

/** What names a conference's file instead of its internal id: its start (account time) and room. */
export interface ConferenceNaming {
  /** Start as local milliseconds of the account's time zone (see WallClock). */
  localStartMs: number;
  roomNumber: string;
  /** 0 for the first conference of the room starting that minute, 1 for the next… (a suffix keeps names unique). */
  sameMinuteIndex: number;
}

/** Letters, digits, "_" and "-" only: accents are dropped, characters XML forbids go, anything else becomes "_". */
function safePart(text: string): string {
  const ascii = xmlSafeText(text).normalize('NFD').replace(/\p{M}/gu, '');
  return ascii.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 80) || '_';
}

/** `33 270 3` → `33-270-3`. */
function roomPart(roomNumber: string): string {
  return safePart(formatRoomNumber(roomNumber).replace(/ /g, '-'));
}

/** 2009-05-06_1432, from local milliseconds. */
function startPart(localMs: number): string {
  const iso = new Date(localMs).toISOString();
  return `${iso.slice(0, 10)}_${iso.slice(11, 13)}${iso.slice(14, 16)}`;
}

/**
 * The default file name of a view's workbook (.xlsx; a PDF takes the same
 * stem): it depends on the view, its sign-in's account and the language,
 * and, for a conference, on its start and room (`conference`).
 */
export function defaultExportFileName(view: ViewRef, accountNumber: string, language: Language, conference: ConferenceNaming | null = null): string {
  return `OAI_${safePart(accountNumber)}_${viewStem(view, FILE_WORDS[LANGUAGE_LOCALES[language].catalog], conference)}.xlsx`;
}

function viewStem(view: ViewRef, words: FileWords, conference: ConferenceNaming | null): string {
  switch (view.kind) {
    case 'summary':
      return `${safePart(view.period)}_${words.summary}`;
    case 'billingCodes':
      return `${safePart(view.period)}_${words.billingCodes}`;
    case 'room':
      return `${safePart(view.period)}_${words.room}-${safePart(view.roomNumber)}`;
    case 'conference':
      return conference === null ? `${safePart(view.period)}_conference-${safePart(view.conferenceId)}` : conferenceStem(conference, words);
    case 'chargeback': {
      const range = view.from === null && view.to === null ? words.last12Months : `${safePart(view.from ?? words.first)}_${safePart(view.to ?? words.last)}`;
      return `${words.chargeback}-${words.by[view.by]}_${range}`;
    }
    case 'attention':
      return `${safePart(view.period)}_attention-${words.attention[view.list]}`;
    case 'codeConferences':
      return `${safePart(view.period)}_${words.code}-${view.billingCode === null ? words.unallocated : safePart(view.billingCode)}`;
    case 'search':
      return words.search;
  }
}

function conferenceStem({ localStartMs, roomNumber, sameMinuteIndex }: ConferenceNaming, words: FileWords): string {
  const suffix = sameMinuteIndex > 0 ? `_${sameMinuteIndex + 1}` : '';
  return `${startPart(localStartMs)}_${words.room}-${roomPart(roomNumber)}${suffix}`;
}
