// The renderer's typed access to main: window.oai (Electron preload or the
// browser harness), with failures turned into thrown BridgeErrors.
import type { BridgeArgs, BridgeCallName, BridgeResult, BridgeResultValue } from '../../shared/bridge';

export class BridgeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'BridgeError';
  }
}

export async function callMain<K extends BridgeCallName>(name: K, args: BridgeArgs<K>): Promise<BridgeResultValue<K>> {
  const method = window.oai[name] as unknown as (a: BridgeArgs<K>) => Promise<BridgeResult<BridgeResultValue<K>>>;
  const result = await method(args);
  if (!result.ok) throw new BridgeError(result.error.code, result.error.message);
  return result.value;
}
