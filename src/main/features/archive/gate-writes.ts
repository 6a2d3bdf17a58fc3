// The bridge calls that write to the archive wait while it is being checked
// and fail with a clear AppError (archive_read_only, archive_unavailable)
// when it cannot be written: one list here rather than a check in each
// feature. A sync started otherwise (a sign-in, the schedule) waits in its
// own way: the coordinator's check before it writes (Archive.checkBeforeWrite).
import type { BridgeCallName } from '../../../shared/bridge';
import type { BridgeHandlers } from '../../bridge/handlers';

export const WRITING_CALLS = ['assignBillingCode', 'retryBillingCode', 'discardBillingCode', 'syncNow', 'linkProviderHistory', 'runImport', 'removeImportedMonth'] as const satisfies readonly BridgeCallName[];

export function gateWrites(handlers: BridgeHandlers, whenWritable: () => Promise<void>): BridgeHandlers {
  const gated: Record<string, unknown> = { ...handlers };
  for (const name of WRITING_CALLS) {
    const handler = handlers[name] as (args: unknown) => unknown;
    gated[name] = async (args: unknown) => {
      await whenWritable();
      return handler(args);
    };
  }
  return gated as BridgeHandlers;
}
