// The one place every bridge call goes through, in Electron (IPC) and in the
// browser harness (HTTP): look the call up in the shared contract, validate the
// argument, run the handler, validate the result, and turn any failure into a
// typed { code, message } the renderer can show.
import type { z } from 'zod';
import { bridgeCalls, type BridgeCallName, type BridgeFailure, type BridgeResult } from '../../shared/bridge';
import type { BridgeFailureCode } from '../../shared/errors';
import { isUserFacingError } from '../errors';
import type { BridgeHandlers } from './handlers';

export interface DispatchLog {
  error(message: string, detail?: unknown): void;
}

export function isBridgeCallName(name: string): name is BridgeCallName {
  return Object.hasOwn(bridgeCalls, name);
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(argument)'}: ${issue.message}`)
    .join('; ');
}

export async function dispatchBridgeCall(
  name: string,
  rawArgs: unknown,
  handlers: BridgeHandlers,
  log: DispatchLog,
): Promise<BridgeResult<unknown>> {
  if (!isBridgeCallName(name)) {
    return failure('unknown_call', `There is no bridge call named "${name}".`);
  }
  const contract = bridgeCalls[name];
  const parsedArgs = contract.args.safeParse(rawArgs ?? {});
  if (!parsedArgs.success) {
    return failure('invalid_arguments', `${name}: ${describeIssues(parsedArgs.error)}`);
  }
  let value: unknown;
  try {
    const handler = handlers[name] as (args: unknown) => unknown;
    value = await handler(parsedArgs.data);
  } catch (error) {
    if (isUserFacingError(error)) return failure(error.code, error.message);
    log.error(`bridge call ${name} failed`, error);
    return failure('internal', 'Something went wrong inside OAI Desktop. The log has the details.');
  }
  const parsedResult = contract.result.safeParse(value);
  if (!parsedResult.success) {
    log.error(`bridge call ${name} returned a result outside its schema: ${describeIssues(parsedResult.error)}`);
    return failure('internal', 'Something went wrong inside OAI Desktop. The log has the details.');
  }
  return { ok: true, value: parsedResult.data };
}

function failure(code: BridgeFailureCode, message: string): { ok: false; error: BridgeFailure } {
  return { ok: false, error: { code, message } };
}
