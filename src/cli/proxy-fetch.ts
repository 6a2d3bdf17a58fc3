// The CLI behind a corporate proxy: provider calls honour HTTPS_PROXY,
// HTTP_PROXY and NO_PROXY (either case), as curl and most tools do, through
// undici's EnvHttpProxyAgent. Without them requests go out directly. (The
// desktop app uses Chromium's network stack, which follows the system
// settings instead.)
import { EnvHttpProxyAgent, fetch as undiciFetch } from 'undici';

export function proxyAwareFetch(env: NodeJS.ProcessEnv): typeof fetch {
  // Read from the CLI's environment only ('' = not set), never from elsewhere.
  const dispatcher = new EnvHttpProxyAgent({
    httpProxy: env.http_proxy ?? env.HTTP_PROXY ?? '',
    httpsProxy: env.https_proxy ?? env.HTTPS_PROXY ?? '',
    noProxy: env.no_proxy ?? env.NO_PROXY ?? '',
  });
  return ((input: Parameters<typeof undiciFetch>[0], init?: Parameters<typeof undiciFetch>[1]) =>
    undiciFetch(input, { ...init, dispatcher })) as unknown as typeof fetch;
}
