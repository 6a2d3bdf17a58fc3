// What a catalogue entry is, and how one becomes the text shown: the plural
// form for the `count` value (by the language's Intl.PluralRules), then its
// {placeholders} filled in.

/** Forms by plural category (Intl.PluralRules); `other` is always there. */
export type PluralMessage = Readonly<Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }>;
export type Message = string | PluralMessage;

export type MessageValues = Readonly<Record<string, string | number>>;

/**
 * The number a `count` value stands for: a number as is, or a count already
 * formatted with digit grouping (`12 345`, `12,345`). Counts are whole numbers.
 */
function countOf(values: MessageValues | undefined): number | null {
  const count = values?.count;
  if (typeof count === 'number') return count;
  if (typeof count !== 'string') return null;
  const digits = count.replace(/[^\d-]/g, '');
  return digits === '' ? null : Number(digits);
}

/** Fills `{name}` placeholders; one without a value stays as written. */
export function fillPlaceholders(text: string, values: MessageValues | undefined): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (values && name in values ? String(values[name]) : whole));
}

/** The text of a message for these values, with `rules` the catalogue language's plural rules. */
export function messageText(message: Message, values: MessageValues | undefined, rules: Intl.PluralRules): string {
  if (typeof message === 'string') return fillPlaceholders(message, values);
  const count = countOf(values);
  const form = count === null ? message.other : (message[rules.select(count)] ?? message.other);
  return fillPlaceholders(form, values);
}

/** Every text a message can show (its one form, or each plural form). */
export function messageForms(message: Message): string[] {
  return typeof message === 'string' ? [message] : Object.values(message).filter((form): form is string => typeof form === 'string');
}
