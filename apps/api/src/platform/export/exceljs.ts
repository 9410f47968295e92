import type * as ExcelJs from 'exceljs';

/**
 * exceljs, loaded on the first spreadsheet made rather than at every start-up (about 0.2 s of it). It is a CommonJS
 * package: the built server's native import() gives its exports as `default` only, the tests' CommonJS interop gives
 * them both ways, so they are read from `default` when it is there.
 */
export async function excelJs(): Promise<typeof ExcelJs> {
  const loaded = (await import('exceljs')) as typeof ExcelJs & { default?: typeof ExcelJs };
  return loaded.default ?? loaded;
}
