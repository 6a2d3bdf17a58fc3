// The one contract between renderer and main: every bridge call's name with
// zod schemas for its argument and result, plus the one event channel
// main -> renderer. Preload, the Electron IPC wrapper, the browser harness and
// the renderer's typed client are all derived from this object.
//
// Rules: no call takes a file path, a URL to load or SQL from the renderer.
// Views pass identifiers and main reads the cache itself. Every data call
// names the sign-in (profileId), never an account or a provider: main
// resolves the sign-in to what it may see (its account at its provider, or
// its one room), so the renderer cannot widen it. A conference is named by
// (profileId, period, conferenceId).
import { z } from 'zod';
import {
  accountInfoSchema,
  accountNumberSchema,
  billingCodeRowSchema,
  conferenceIdSchema,
  conferenceListTotalsSchema,
  conferenceRowSchema,
  participantRowSchema,
  localBillingCodeSchema,
  pendingBillingCodeSchema,
  periodInfoSchema,
  periodKeySchema,
  roomDisplaySchema,
  roomNumberSchema,
  roomSummaryRowSchema,
  totalsSchema,
} from './domain';
import {
  archiveBackupOutcomeSchema,
  archiveStateSchema,
  archiveStatusSchema,
  folderShownSchema,
  restoreOutcomeSchema,
  startEmptyOutcomeSchema,
} from './archive-contract';
import { dateStyleSchema, languageSchema } from './i18n/language';
import { attentionListSchema, attentionSchema, chargebackArgsSchema, chargebackSchema, monthTotalsSchema, summaryCompareSchema, trendSubjectSchema } from './reports';
import { importCalls, importProgressSchema } from './import';
import { menuCommandSchema, menuStateSchema } from './menu-commands';
import { codeUseSchema } from './code-suggestions';
import { searchResultSchema, searchTermsSchema } from './search-contract';

const none = z.object({}).strict();

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  /** 'electron' in the desktop app, 'browser-harness' in the harness. */
  shell: z.enum(['electron', 'browser-harness']),
  locale: z.string(),
});

/** Another provider address holding history of a sign-in's account (see linkProviderHistory). */
export const relinkCandidateSchema = z.object({
  /** The other address's provider key: its origin. */
  provider: z.string(),
  /** Months it holds content of. */
  months: z.number().int(),
});
export type RelinkCandidate = z.infer<typeof relinkCandidateSchema>;

export const profileSchema = z.object({
  id: z.string(),
  serverUrl: z.string(),
  /** The provider's key its data is stored under: the origin of serverUrl, or 'embedded-demo'. */
  provider: z.string(),
  username: z.string(),
  accountNumber: z.string().nullable(),
  roomNumber: z.string().nullable(),
  isDemo: z.boolean(),
  hasSavedPassword: z.boolean(),
  /**
   * Not empty while the sign-in waits for the user to say whether its
   * provider address is the same provider as one of these, at a new address
   * (the cache holds the account's history there and nothing here yet). It
   * does not sync until answered with linkProviderHistory.
   */
  relinkCandidates: z.array(relinkCandidateSchema),
});
export type Profile = z.infer<typeof profileSchema>;

/**
 * Why "Remember password" could not be honoured at sign-in (the sign-in still
 * succeeds, for this session): the keychain refused access, or is not there.
 * `detail` is the keychain's own (technical) message, for the Details toggle.
 */
export const passwordNotRememberedSchema = z.object({ reason: z.enum(['denied', 'unavailable']), detail: z.string().max(4000) });
export type PasswordNotRemembered = z.infer<typeof passwordNotRememberedSchema>;
export const signInResultSchema = profileSchema.extend({ passwordNotRemembered: passwordNotRememberedSchema.nullable() });
export type SignInResult = z.infer<typeof signInResultSchema>;

/** The embedded demo account's sign-in, shown on the welcome card: public, not a secret. */
export const demoInfoSchema = z.object({
  username: z.string(),
  password: z.string(),
  accountNumber: z.string(),
  companyName: z.string(),
});
export type DemoInfo = z.infer<typeof demoInfoSchema>;

export const syncProgressSchema = z.object({
  profileId: z.string(),
  state: z.enum(['idle', 'running', 'done', 'failed', 'cancelled']),
  /** 1-based index of the period being synced, and how many periods in all. */
  periodIndex: z.number().int(),
  periodCount: z.number().int(),
  period: z.string().nullable(),
  /** The months downloading now (a sync downloads up to four side by side). */
  monthsInFlight: z.array(z.string()).default([]),
  pages: z.number().int(),
  rows: z.number().int(),
  /** Months this run has swapped into the cache so far (views reload as each lands). */
  committed: z.number().int().default(0),
  /** Why the last sync failed, or which periods failed; null when all went well (technical: for Details). */
  message: z.string().nullable(),
  /** The failure's code when the whole sync failed (the renderer's words for it), else absent or null. */
  failureCode: z.string().nullable().optional(),
  /** When this sign-in last synced without any failure (UTC), null if never. */
  lastSuccessAt: z.string().nullable(),
});
export type SyncProgress = z.infer<typeof syncProgressSchema>;

export const accountSummarySchema = z.object({
  account: accountInfoSchema.nullable(),
  period: periodInfoSchema.nullable(),
  rooms: z.array(roomSummaryRowSchema),
  total: totalsSchema,
});
export type AccountSummary = z.infer<typeof accountSummarySchema>;

export const signInArgsSchema = z
  .object({
    serverUrl: z.string().url().max(2000),
    username: z.string().min(1).max(320),
    password: z.string().min(1).max(1000),
    accountNumber: accountNumberSchema.nullable(),
    roomNumber: roomNumberSchema.nullable(),
    rememberPassword: z.boolean(),
  })
  .refine((a) => (a.accountNumber === null) !== (a.roomNumber === null), {
    message: 'give exactly one of account number and room number',
  });

/** How a Download, Print or Save as PDF ended. `path` is where the file went (for display only). */
export const saveOutcomeSchema = z.object({
  status: z.enum(['saved', 'printed', 'cancelled']),
  path: z.string().nullable(),
});
export type SaveOutcome = z.infer<typeof saveOutcomeSchema>;

export const settingsViewSchema = z.object({
  /** null = follow the OS locale. */
  language: languageSchema.nullable(),
  dateStyle: dateStyleSchema,
  syncIntervalHours: z.number(),
  activeProfileId: z.string().nullable(),
  /** A system notification when a sync brings a new month (desktop app; off by default). */
  notifyNewMonth: z.boolean(),
});
export type SettingsView = z.infer<typeof settingsViewSchema>;

export const settingsChangeSchema = z
  .object({
    language: languageSchema.nullable(),
    dateStyle: dateStyleSchema,
    syncIntervalHours: z.number().int().min(1).max(168),
    notifyNewMonth: z.boolean(),
  })
  .partial()
  .strict();

const profileIdSchema = z.string().min(1).max(200);
const profileRef = z.object({ profileId: profileIdSchema }).strict();
/** A period of what a sign-in may see. */
const periodRef = { profileId: profileIdSchema, period: periodKeySchema };
/** A conference: the sign-in, its period and its id (an id is unique within a period only). */
const conferenceRef = { ...periodRef, conferenceId: conferenceIdSchema };
const outboxRef = z.object({ profileId: profileIdSchema, outboxId: z.number().int().positive() }).strict();

/** Conferences and legs longer than this deserve attention (null: the default, 4 h). */
const attentionThresholdSchema = z.number().int().min(60).max(7 * 86400).nullable();

export const sortStateSchema = z
  .object({ column: z.string().min(1).max(40), direction: z.enum(['ascending', 'descending']) })
  .strict()
  .nullable();

/**
 * What a Download or Print is of: the sign-in, the view and its parameters,
 * never a path or data. Main reads the rows the sign-in may see from the
 * cache itself and applies the same filter and sort as the view
 * (src/shared/view-rules.ts).
 */
export const viewRefSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('summary'),
      ...periodRef,
      display: roomDisplaySchema,
      filter: z.string().max(200),
      sort: sortStateSchema,
    })
    .strict(),
  z.object({ kind: z.literal('billingCodes'), ...periodRef }).strict(),
  z.object({ kind: z.literal('room'), ...periodRef, roomNumber: roomNumberSchema, sort: sortStateSchema }).strict(),
  z.object({ kind: z.literal('conference'), ...conferenceRef }).strict(),
  z.object({ kind: z.literal('chargeback'), profileId: profileIdSchema, ...chargebackArgsSchema.shape }).strict(),
  z.object({ kind: z.literal('attention'), ...periodRef, thresholdSeconds: attentionThresholdSchema, list: attentionListSchema }).strict(),
  /** One billing code's conferences of the period (null = Unallocated). */
  z.object({ kind: z.literal('codeConferences'), ...periodRef, billingCode: z.string().max(200).nullable(), sort: sortStateSchema }).strict(),
  /** Every conference the search finds, newest first. */
  z.object({ kind: z.literal('search'), profileId: profileIdSchema, ...searchTermsSchema }).strict(),
]);
export type ViewRef = z.infer<typeof viewRefSchema>;

/** How exports and print layouts format: the UI's language and date style. */
export const presentationSchema = z.object({ language: languageSchema, dateStyle: dateStyleSchema }).strict();
export type Presentation = z.infer<typeof presentationSchema>;

function call<A extends z.ZodType, R extends z.ZodType>(args: A, result: R) {
  return { args, result };
}

export const bridgeCalls = {
  appInfo: call(none, appInfoSchema),
  listProfiles: call(none, z.array(profileSchema)),
  signIn: call(signInArgsSchema, signInResultSchema),
  signInDemo: call(none, profileSchema),
  demoInfo: call(none, demoInfoSchema),
  switchProfile: call(profileRef, profileSchema),
  /**
   * Answers a sign-in's relinkCandidates: `from` (one of them) is the same
   * provider at its old address, and its history of the account becomes this
   * sign-in's; null keeps the two histories apart. Then the sign-in syncs.
   */
  linkProviderHistory: call(z.object({ profileId: profileIdSchema, from: z.string().min(1).max(2000).nullable() }).strict(), profileSchema),
  signOut: call(z.object({ profileId: z.string().min(1).max(200), forgetPassword: z.boolean() }).strict(), z.null()),
  getSettings: call(none, settingsViewSchema),
  updateSettings: call(settingsChangeSchema, settingsViewSchema),
  listPeriods: call(profileRef, z.array(periodInfoSchema)),
  accountSummary: call(z.object({ ...periodRef, display: roomDisplaySchema }).strict(), accountSummarySchema),
  roomConferences: call(z.object({ ...periodRef, roomNumber: roomNumberSchema }).strict(), z.array(conferenceRowSchema)),
  /**
   * The first screen of a room's list, whatever its size: totals over every
   * conference and the first `limit` in date order (newest first when
   * `descending`). The view asks roomConferences for all of them behind it.
   */
  /** Rows `offset` to `offset + limit` of roomConferences: the view reads a big room in slices. */
  roomConferencesPage: call(
    z.object({ ...periodRef, roomNumber: roomNumberSchema, offset: z.number().int().min(0), limit: z.number().int().min(1).max(5000) }).strict(),
    z.array(conferenceRowSchema),
  ),
  roomConferencesFirst: call(
    z.object({ ...periodRef, roomNumber: roomNumberSchema, descending: z.boolean(), limit: z.number().int().min(1).max(1000) }).strict(),
    z.object({ totals: conferenceListTotalsSchema, firstRows: z.array(conferenceRowSchema) }),
  ),
  conferenceParticipants: call(
    z.object(conferenceRef).strict(),
    z.object({ conference: conferenceRowSchema.nullable(), participants: z.array(participantRowSchema) }),
  ),
  billingCodeSummary: call(
    z.object(periodRef).strict(),
    z.array(billingCodeRowSchema),
  ),
  assignBillingCode: call(z.object({ ...conferenceRef, billingCode: z.string().max(20).nullable() }).strict(), z.union([pendingBillingCodeSchema, localBillingCodeSchema])),
  billingCodeConferences: call(
    z.object({ ...periodRef, billingCode: z.string().max(200).nullable() }).strict(),
    z.array(conferenceRowSchema),
  ),
  /** The archive's conferences matching the words, newest first, a page from `offset` (src/shared/search-contract.ts). */
  searchArchive: call(z.object({ profileId: profileIdSchema, ...searchTermsSchema, offset: z.number().int().min(0).max(1_000_000) }).strict(), searchResultSchema),
  /** The account's billing codes in use (newest months), most used first, for the code editor's suggestions. */
  billingCodeSuggestions: call(profileRef, z.array(codeUseSchema)),
  retryBillingCode: call(outboxRef, z.null()),
  /** How many billing-code changes of the sign-in wait to be sent at the next sync (sign-out warns; the status bar shows it). */
  pendingChangeCount: call(profileRef, z.object({ count: z.number().int().min(0) }).strict()),
  /** Every month in the archive, oldest first, with the account's, a room's or a billing code's totals. */
  trends: call(z.object({ profileId: profileIdSchema, subject: trendSubjectSchema }).strict(), z.array(monthTotalsSchema)),
  /** Billing codes (or rooms) × the archive's months of a range (default: its last 12 months). */
  chargeback: call(z.object({ profileId: profileIdSchema, ...chargebackArgsSchema.shape }).strict(), chargebackSchema),
  /** The summary's compare column: the month before and the same month a year earlier. */
  summaryCompare: call(z.object(periodRef).strict(), summaryCompareSchema),
  attention: call(z.object({ ...periodRef, thresholdSeconds: attentionThresholdSchema }).strict(), attentionSchema),
  discardBillingCode: call(outboxRef, z.null()),
  exportView: call(z.object({ view: viewRefSchema, presentation: presentationSchema }).strict(), saveOutcomeSchema),
  printView: call(z.object({ view: viewRefSchema, presentation: presentationSchema }).strict(), saveOutcomeSchema),
  savePdf: call(z.object({ view: viewRefSchema, presentation: presentationSchema }).strict(), saveOutcomeSchema),
  syncNow: call(profileRef, syncProgressSchema),
  cancelSync: call(profileRef, z.null()),
  syncStatus: call(profileRef, syncProgressSchema),
  /** Which menu commands the renderer can carry out now, and the support phone for the Help menu. */
  menuState: call(menuStateSchema, z.null()),
  // The archive (src/shared/archive-contract.ts): main chooses every file itself, through its own dialogs.
  archiveStatus: call(none, archiveStatusSchema),
  restoreNewestBackup: call(none, restoreOutcomeSchema),
  chooseAndRestore: call(none, restoreOutcomeSchema),
  startEmptyCache: call(none, startEmptyOutcomeSchema),
  backupNow: call(none, archiveBackupOutcomeSchema),
  showArchiveFolder: call(none, folderShownSchema),
  ...importCalls,
} as const;

export type BridgeCalls = typeof bridgeCalls;
export type BridgeCallName = keyof BridgeCalls;
export const bridgeCallNames = Object.keys(bridgeCalls) as BridgeCallName[];

export type BridgeArgs<K extends BridgeCallName> = z.input<BridgeCalls[K]['args']>;
export type BridgeResultValue<K extends BridgeCallName> = z.output<BridgeCalls[K]['result']>;

/**
 * What the renderer sees when a call fails: never a stack, never a secret.
 * `code` is one of main's BridgeFailureCode (src/shared/errors.ts).
 */
export interface BridgeFailure {
  code: string;
  message: string;
}
export type BridgeResult<T> = { ok: true; value: T } | { ok: false; error: BridgeFailure };

export const exportProgressSchema = z.object({
  /** What is being produced: an Excel file or a print layout / PDF. */
  kind: z.enum(['xlsx', 'print', 'pdf']),
  rows: z.number().int(),
  /** null when not known in advance. */
  total: z.number().int().nullable(),
  done: z.boolean(),
});
export type ExportProgress = z.infer<typeof exportProgressSchema>;

/** The one event channel main -> renderer, and the typed events it carries. */
export const bridgeEvents = {
  syncProgress: syncProgressSchema,
  exportProgress: exportProgressSchema,
  importProgress: importProgressSchema,
  /** An application menu item the renderer carries out with the same function as its button. */
  menuCommand: z.object({ command: menuCommandSchema }),
  /** The archive's state changed (see archiveStatus for its details). */
  archiveStatus: archiveStateSchema,
} as const;
export type BridgeEventName = keyof typeof bridgeEvents;
export type BridgeEventPayload<E extends BridgeEventName> = z.infer<(typeof bridgeEvents)[E]>;
export const bridgeEventNames = Object.keys(bridgeEvents) as BridgeEventName[];
/** window.oai's hook for an event: syncProgress -> onSyncProgress. */
export type EventHookName<E extends BridgeEventName> = `on${Capitalize<E>}`;
export function eventHookName<E extends BridgeEventName>(event: E): EventHookName<E> {
  return `on${event[0]!.toUpperCase()}${event.slice(1)}` as EventHookName<E>;
}

export const IPC_CALL_PREFIX = 'oai:call:';
export const IPC_EVENT_CHANNEL = 'oai:event';

/** What preload exposes as `window.oai`: one method per call, one listener hook per event. */
export type OaiBridge = {
  [K in BridgeCallName]: (args: BridgeArgs<K>) => Promise<BridgeResult<BridgeResultValue<K>>>;
} & {
  [E in BridgeEventName as EventHookName<E>]: (listener: (payload: BridgeEventPayload<E>) => void) => () => void;
};
