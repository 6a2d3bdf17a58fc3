// What a bar chart shows, whatever draws it: one bar per month (trends) or
// per billing code / room (chargeback), each with its value and its text as
// the table beside it shows it. Built here, drawn by BarChart.tsx (loaded lazily).

export interface ChartBar {
  key: string;
  label: string;
  value: number;
  /** The value as the table shows it (the tooltip's text). */
  text: string;
}

export interface ChartData {
  /** What the chart shows, for its accessible name. */
  title: string;
  bars: ChartBar[];
  /** Months run left to right; codes and rooms are listed top to bottom. */
  layout: 'columns' | 'rows';
}

/** At most this many rows get their own bar; the rest are one bar. */
export const MAX_ROW_BARS = 10;

/** The largest `MAX_ROW_BARS` bars, then the others added up as one. */
export function largestBars(bars: readonly ChartBar[], others: (count: number) => string, text: (value: number) => string): ChartBar[] {
  const sorted = [...bars].sort((a, b) => b.value - a.value);
  if (sorted.length <= MAX_ROW_BARS + 1) return sorted;
  const rest = sorted.slice(MAX_ROW_BARS);
  const value = rest.reduce((sum, bar) => sum + bar.value, 0);
  return [...sorted.slice(0, MAX_ROW_BARS), { key: '\u0000others', label: others(rest.length), value, text: text(value) }];
}
