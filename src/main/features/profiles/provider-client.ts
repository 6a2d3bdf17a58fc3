// A provider client for a sign-in, built the same way for the app and the
// CLI: the password is read only when a session opens, and an address the
// client refuses (bad or insecure URL) is a user-facing error.
import { ProviderClient, type ProviderClientOptions } from '../../provider/client';
import { userFacing } from '../user-errors';

export interface ClientIdentity {
  username: string;
  accountNumber: string | null;
  roomNumber: string | null;
}

export interface ClientTuning {
  clientOptions?: Partial<ProviderClientOptions>;
  signal?: AbortSignal;
}

export function providerClientFor(
  serverUrl: string,
  identity: ClientIdentity,
  password: () => string | Promise<string>,
  tuning: ClientTuning = {},
): ProviderClient {
  return userFacing(
    () =>
      new ProviderClient({
        ...tuning.clientOptions,
        baseUrl: serverUrl,
        signal: tuning.signal,
        credentials: async () => ({
          username: identity.username,
          password: await password(),
          ...(identity.roomNumber !== null ? { roomNumber: identity.roomNumber } : { accountNumber: identity.accountNumber ?? '' }),
        }),
      }),
  );
}
