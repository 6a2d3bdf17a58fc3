// Fault injection for tests: rules matched in order against each request,
// each firing a number of times before it is spent.

export type FaultAction =
  | { kind: 'error'; status: number; code: string; message?: string; retryAfterSeconds?: number }
  /** Destroys the socket without answering: a dropped connection. */
  | { kind: 'drop' }
  /** Any body as is, e.g. malformed JSON. */
  | { kind: 'raw'; status?: number; body: string; contentType?: string }
  /** The real response body, passed through `mutate` (e.g. drop a required field). */
  | { kind: 'mutate'; mutate: (json: unknown) => unknown }
  /** Waits, then answers normally. */
  | { kind: 'delay'; ms: number }
  /** Waits until `until` settles (a test's own moment), then answers normally. */
  | { kind: 'hold'; until: Promise<unknown> };

export interface FaultRule {
  /** HTTP method, any case; all methods when absent. */
  method?: string;
  /** RegExp, or a substring, matched against the path and against path + query. */
  path?: RegExp | string;
  /** How many matching requests it affects (default 1; Infinity for all). */
  times?: number;
  action: FaultAction;
}

interface ArmedRule {
  rule: FaultRule;
  remaining: number;
}

export class FaultInjector {
  private rules: ArmedRule[] = [];

  add(rule: FaultRule): void {
    const times = rule.times ?? 1;
    if (!(times > 0)) throw new RangeError('a fault rule needs times > 0');
    this.rules.push({ rule, remaining: times });
  }

  clear(): void {
    this.rules = [];
  }

  /** Rules not yet spent. */
  get pending(): number {
    return this.rules.length;
  }

  /** The action of the first live rule matching this request, consuming one use of it. */
  take(method: string, path: string, pathWithQuery: string): FaultAction | null {
    const armed = this.rules.find(({ rule }) => matches(rule, method, path, pathWithQuery));
    if (!armed) return null;
    armed.remaining--;
    if (armed.remaining <= 0) this.rules = this.rules.filter((other) => other !== armed);
    return armed.rule.action;
  }
}

function matches(rule: FaultRule, method: string, path: string, pathWithQuery: string): boolean {
  if (rule.method !== undefined && rule.method.toUpperCase() !== method.toUpperCase()) return false;
  if (rule.path === undefined) return true;
  if (typeof rule.path === 'string') return pathWithQuery.includes(rule.path);
  const pattern = rule.path;
  const test = (text: string): boolean => {
    pattern.lastIndex = 0; // a /g or /y pattern keeps state between calls
    return pattern.test(text);
  };
  return test(path) || test(pathWithQuery);
}
