// Deterministic randomness for the demo data: integer hashing to derive seeds
// from (period, room, index) and a small seeded PRNG. Never Math.random: the
// same options must give byte-identical responses.

/** murmur3 finalizer: spreads every input bit over the 32-bit output. */
export function mix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Order-sensitive hash of a few integers (used as a seed). */
export function hashInts(a: number, b = 0, c = 0, d = 0): number {
  let h = mix32(a ^ 0x9e3779b9);
  h = mix32(h ^ Math.imul(b >>> 0, 0x85ebca6b) ^ 0x27d4eb2f);
  h = mix32(h ^ Math.imul(c >>> 0, 0xc2b2ae35) ^ 0x165667b1);
  h = mix32(h ^ Math.imul(d >>> 0, 0x27d4eb2f) ^ 0x85ebca77);
  return h;
}

/** FNV-1a over UTF-16 code units, finalized. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h);
}

/**
 * mulberry32: tiny, fast, good enough for plausible demo data. A class, not
 * closures: hundreds of thousands are created per large page.
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new RangeError('pick from an empty list');
    return item;
  }

  /** Picks a value with probability proportional to its weight. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (let i = 0; i < choices.length; i++) total += choices[i]![1];
    let threshold = this.next() * total;
    for (let i = 0; i < choices.length; i++) {
      const choice = choices[i]!;
      threshold -= choice[1];
      if (threshold < 0) return choice[0];
    }
    const last = choices[choices.length - 1];
    if (last === undefined) throw new RangeError('weighted pick from an empty list');
    return last[0];
  }
}

export function createRandom(seed: number): Random {
  return new Random(seed);
}

/**
 * Splits `total` into integers proportional to `weights` (largest remainder,
 * ties to the lower index), each at least `minimum`. Used to make the seed
 * scenario's sums exact while every value stays plausible.
 */
export function apportion(total: number, weights: readonly number[], minimum = 1): number[] {
  const reserved = minimum * weights.length;
  if (!Number.isInteger(total) || total < reserved) {
    throw new RangeError(`cannot split ${total} into ${weights.length} parts of at least ${minimum}`);
  }
  const rest = total - reserved;
  const weightSum = weights.reduce((sum, w) => sum + w, 0);
  const exact = weights.map((w) => (weightSum > 0 ? (rest * w) / weightSum : rest / weights.length));
  const parts = exact.map((x) => Math.floor(x));
  let missing = rest - parts.reduce((sum, p) => sum + p, 0);
  const byRemainder = exact
    .map((x, index) => ({ index, remainder: x - Math.floor(x) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder) {
    if (missing <= 0) break;
    parts[index] = (parts[index] ?? 0) + 1;
    missing--;
  }
  return parts.map((p) => p + minimum);
}
