// Provider calls in the desktop app go through Chromium's network stack
// (Electron's net.fetch): the system proxy and PAC settings and the operating
// system's certificate store apply, as in the user's browser. Chromium
// reports failures as "net::ERR_…" messages; the code is copied onto the
// error so the provider client classifies it (TLS, unreachable…) as it does
// Node's.
export type NetFetch = (input: string, init?: RequestInit) => Promise<Response>;

const CHROMIUM_ERROR = /net::(ERR_[A-Z0-9_]+)/;

export function chromiumFetch(netFetch: NetFetch): typeof fetch {
  return async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    try {
      return await netFetch(url, init);
    } catch (error) {
      const code = error instanceof Error ? CHROMIUM_ERROR.exec(error.message)?.[1] : undefined;
      if (error instanceof Error && code && (error as { code?: unknown }).code === undefined) {
        Object.assign(error, { code });
      }
      throw error;
    }
  };
}
