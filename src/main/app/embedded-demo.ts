// The embedded demo provider's lifecycle: started on first use (the demo
// sign-in's first sync), stoppable (offline tests), started again on demand.
import { startDemoProvider, type DemoProvider, type DemoProviderOptions } from '../demo';
import type { Logger } from '../log';

/** Its date and size; it always takes the public demo password, which sign-ins use. */
export type EmbeddedDemoOptions = Omit<DemoProviderOptions, 'port' | 'password'>;

export interface EmbeddedDemo {
  /** Starts the provider if needed and returns its URL (it changes every launch). */
  url(): Promise<string>;
  /** The running provider, if started. */
  running(): DemoProvider | null;
  stop(): Promise<void>;
}

export function embeddedDemo(options: EmbeddedDemoOptions, log: Logger): EmbeddedDemo {
  let starting: Promise<DemoProvider> | null = null;
  let instance: DemoProvider | null = null;
  return {
    async url() {
      starting ??= startDemoProvider(options).then((provider) => {
        instance = provider;
        log.info(`embedded demo provider listening on ${provider.url}`);
        return provider;
      });
      return (await starting).url;
    },
    running: () => instance,
    async stop() {
      const running = starting;
      starting = null;
      instance = null;
      if (running) await (await running).close();
    },
  };
}
