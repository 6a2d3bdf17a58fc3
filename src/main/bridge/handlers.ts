// The handler map the dispatcher runs: one function per call of the shared
// contract, typed by it. Each feature (src/main/features/<feature>/handlers.ts)
// provides the handlers of its calls; the app merges them into one map.
import type { z } from 'zod';
import type { BridgeCallName, BridgeCalls, BridgeResultValue } from '../../shared/bridge';

export type BridgeHandler<K extends BridgeCallName> = (
  args: z.output<BridgeCalls[K]['args']>,
) => Promise<BridgeResultValue<K>> | BridgeResultValue<K>;

export type BridgeHandlers = { [K in BridgeCallName]: BridgeHandler<K> };

/** The handlers a feature provides: those of its calls only. */
export type FeatureHandlers<K extends BridgeCallName> = Pick<BridgeHandlers, K>;
