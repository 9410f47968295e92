import { join } from 'node:path';
import { runBundled } from '../../../test/support/bundled-script';

/**
 * The packages loaded on first use (pdfkit, exceljs) as the built server loads them: bundled by esbuild into CommonJS
 * with every package external, where `import()` stays Node's own and a CommonJS package arrives as `default` only.
 * Jest's interop differs (it gives both), so these loaders are checked in a bundle run by Node itself.
 */
describe('packages loaded on first use, in the built server', () => {
  it('gives exceljs a Workbook and pdfkit its document class', () => {
    const printed = runBundled(
      `import { excelJs } from ${JSON.stringify(join(__dirname, 'exceljs'))};
       import { pdfKit } from ${JSON.stringify(join(__dirname, 'pdf'))};
       (async () => {
         const { Workbook } = await excelJs();
         const sheet = new Workbook().addWorksheet('a');
         sheet.addRow(['zażółć']);
         const PdfKit = await pdfKit();
         console.log(JSON.stringify({ rows: sheet.rowCount, pdf: typeof new PdfKit().addPage }));
       })();`,
    );
    expect(JSON.parse(printed)).toEqual({ rows: 1, pdf: 'function' });
  });
});
