// What the billing-code editor suggests while the user types, and the
// spelling it offers instead of a near-duplicate: codes that differ only by
// case or spaces are the same code to a person ("client-a", "CLIENT-A").
import { z } from 'zod';

export const codeUseSchema = z.object({ billingCode: z.string(), uses: z.number().int() });
export type CodeUse = z.infer<typeof codeUseSchema>;

/** At most this many suggestions are listed. */
export const SHOWN_SUGGESTIONS = 8;

/** A code as a person reads it: case and spaces ignored. */
export function foldCode(code: string): string {
  return code.replace(/\s+/g, '').toLocaleLowerCase('en');
}

/**
 * The codes to suggest for what is typed, most used first: those that start
 * with it (case and spaces ignored), then those that contain it; every code
 * when nothing is typed. The code typed exactly is not suggested.
 */
export function suggestedCodes(codes: readonly CodeUse[], typed: string): string[] {
  const wanted = foldCode(typed);
  const starting: string[] = [];
  const containing: string[] = [];
  for (const { billingCode } of codes) {
    if (billingCode === typed.trim()) continue;
    const folded = foldCode(billingCode);
    if (folded.startsWith(wanted)) starting.push(billingCode);
    else if (folded.includes(wanted)) containing.push(billingCode);
  }
  return [...starting, ...containing].slice(0, SHOWN_SUGGESTIONS);
}

/**
 * The existing code the typed one differs from only by case or spaces (the
 * most used, if several), or null when it is new or spelled exactly so.
 */
export function existingSpelling(codes: readonly CodeUse[], typed: string): string | null {
  const code = typed.trim();
  if (code === '' || codes.some((c) => c.billingCode === code)) return null;
  const folded = foldCode(code);
  return codes.find((c) => foldCode(c.billingCode) === folded)?.billingCode ?? null;
}
