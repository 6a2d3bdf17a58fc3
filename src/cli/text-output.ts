// The text output of the CLI speaks as the views do: times as 23:50:16,
// amounts in the account's currency written the language's way (`--lang`, as
// for export), words from the app's catalogue. `--json` keeps raw units.
import { createFormatter, type Formatter } from '../shared/format';
import { languageArgument, LANGUAGES, translator, type Language, type Translate } from '../shared/i18n';
import { UsageError, type Values } from './args';
import { oneLine } from './terminal-text';

/** --lang as given (en-GB by default; `en` is en-GB), or a usage error. */
export function languageOption(values: Values): Language {
  const language = languageArgument(String(values.lang ?? 'en-GB'));
  if (language === null) throw new UsageError(`--lang must be ${LANGUAGES.join(', ')} (en: en-GB), got "${String(values.lang)}"`);
  return language;
}

export interface CliText {
  t: Translate;
  format: Formatter;
}

export function cliText(language: Language): CliText {
  return { t: translator(language), format: createFormatter({ language, dateStyle: 'locale' }) };
}

/** Whether a column's cells line up on the right (numbers, times, amounts). */
export type Alignment = 'left' | 'right';

/** Rows (the header first) as aligned columns two spaces apart; provider text kept to one line. */
export function textTable(rows: ReadonlyArray<readonly string[]>, alignments: readonly Alignment[]): string {
  const cells = rows.map((row) => row.map(oneLine));
  const widths = alignments.map((_, column) => Math.max(...cells.map((row) => [...(row[column] ?? '')].length)));
  const line = (row: readonly string[]) =>
    row
      .map((cell, column) => {
        const room = ' '.repeat(Math.max(0, widths[column]! - [...cell].length));
        return alignments[column] === 'right' ? room + cell : cell + room;
      })
      .join('  ')
      .trimEnd();
  return cells.map((row) => `${line(row)}\n`).join('');
}
