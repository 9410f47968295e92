/**
 * Text that a spreadsheet would take for a formula when it opens a CSV or an XLSX someone else wrote (CSV injection,
 * OWASP): a cell starting with =, +, - or @, a tab or a carriage return, or their full-width forms ＝ ＋ － ＠, which
 * some spreadsheets read as the same. Such text gets a leading apostrophe, the spreadsheets' own mark of "this is
 * text", so `=HYPERLINK(...)` or `-2+3+cmd|' /C calc'!A0` shows as typed and never runs.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** Text as a spreadsheet cell that cannot run: prefixed with `'` when it would start a formula. */
export function spreadsheetText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * A value as a CSV field (RFC 4180): text neutralised (spreadsheetText) and quoted, its quotes doubled, when it holds
 * a comma, quote, line break or semicolon (the list separator of Polish spreadsheets, which would otherwise split the
 * field there and start a new cell with what follows). A number is a number, written as it is: -3 is not a formula.
 */
export function csvField(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const safe = spreadsheetText(value);
  return /[",;\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A row of cells for a workbook: text neutralised (spreadsheetText), numbers, dates and empty cells left as they are. */
export function spreadsheetRow<T>(values: readonly T[]): T[] {
  return values.map((value) => (typeof value === 'string' ? (spreadsheetText(value) as T) : value));
}
