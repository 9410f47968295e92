import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';

const root = resolve(__dirname, '../../../../..');

/**
 * The packages loaded on first use (pdfkit, exceljs) as the built server loads them: bundled by esbuild into CommonJS
 * with every package external, where `import()` stays Node's own and a CommonJS package arrives as `default` only.
 * Jest's interop differs (it gives both), so these loaders are checked in a bundle run by Node itself.
 */
describe('packages loaded on first use, in the built server', () => {
  let dir: string;
  beforeAll(() => {
    // Under node_modules, where the bundle's packages resolve (Node's import() reads no NODE_PATH).
    mkdirSync(join(root, 'node_modules/.cache'), { recursive: true });
    dir = mkdtempSync(join(root, 'node_modules/.cache/commonplan-loaders-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives exceljs a Workbook and pdfkit its document class', () => {
    const entry = join(dir, 'entry.ts');
    writeFileSync(
      entry,
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
    const out = join(dir, 'entry.js');
    buildSync({ absWorkingDir: root, entryPoints: [entry], outfile: out, bundle: true, platform: 'node', target: 'node20', format: 'cjs', packages: 'external', logLevel: 'error' });
    const printed = execFileSync(process.execPath, [out], { cwd: root, encoding: 'utf8' });
    expect(JSON.parse(printed)).toEqual({ rows: 1, pdf: 'function' });
  });
});
