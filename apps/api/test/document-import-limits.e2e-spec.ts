import JSZip from 'jszip';
import { DocumentFilesService } from '../src/document-files/document-files.service';
import { eventually } from './support/collab-clients';
import { TestServer } from './support/test-server';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** A .docx as Word writes its bones: content types, the package relationship, word/document.xml (and more entries). */
async function docx(body: string, more: Record<string, string | Uint8Array> = {}): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${body}</w:body></w:document>`);
  for (const [name, content] of Object.entries(more)) zip.file(name, content);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const RUN_PROPERTIES = '<w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:cs="Calibri"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="pl-PL"/></w:rPr>';
const run = (text: string) => `<w:r w:rsidRPr="00D1234E">${RUN_PROPERTIES}<w:t xml:space="preserve">${text} </w:t></w:r>`;
const paragraph = (runs: string) =>
  `<w:p w:rsidR="00A1234B" w:rsidRDefault="00A1234B" w:rsidP="00C5678D"><w:pPr><w:spacing w:after="120" w:line="276" w:lineRule="auto"/><w:jc w:val="both"/>${RUN_PROPERTIES}</w:pPr>${runs}</w:p>`;
const cell = (text: string) => `<w:tc><w:tcPr><w:tcW w:w="2400" w:type="dxa"/></w:tcPr>${paragraph(run(text))}</w:tc>`;
const WORDS = 'rozwój transportu publicznego w obszarze metropolitalnym wymaga koordynacji działań gmin oraz powiatów w zakresie infrastruktury'.split(' ');

/**
 * A strategy as Word would save it, `pages` pages long: a chapter heading every five pages, seven justified
 * paragraphs of five formatted runs a page, a table every third page (about 4.6 MB of XML for 200 pages, 25 times
 * what it packs to).
 */
function strategy(pages: number): Promise<Buffer> {
  let seed = 7;
  const words = (n: number) => Array.from({ length: n }, () => WORDS[(seed = (seed * 48271) % 2147483647) % WORDS.length]).join(' ');
  let body = '';
  for (let page = 0; page < pages; page++) {
    if (page % 5 === 0) body += `<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr>${run(`Rozdział ${page / 5 + 1}`)}</w:p>`;
    for (let p = 0; p < 7; p++) body += paragraph(Array.from({ length: 5 }, () => run(words(12))).join(''));
    if (page % 3 === 0) body += `<w:tbl>${Array.from({ length: 10 }, () => `<w:tr>${[0, 1, 2, 3].map(() => cell(words(3))).join('')}</w:tr>`).join('')}</w:tbl>`;
  }
  return docx(body);
}

/** Markdown of `sections` chapters, each a heading, a paragraph with marks and a link, a list and a table. */
function markdown(sections: number): string {
  let out = '---\ntitle: "Duży plik"\n---\n\n';
  for (let s = 0; s < sections; s++) {
    out += `## Rozdział ${s}\n\nWęzeł **Szczecin Główny** łączy _kolej_, tramwaje i [autobusy](https://example.org/${s}).\n\n- punkt ${s}a\n- punkt ${s}b\n\n| A | B |\n| --- | --- |\n| ${s} | x |\n\n`;
  }
  return out;
}

/** A zip whose central directory (and local header) declares `declared` bytes for word/document.xml, a lie. */
async function lyingDocx(actualXmlBytes: number, declared: number): Promise<Buffer> {
  const unit = '<w:p><w:r><w:t>x</w:t></w:r></w:p>';
  const bytes = await docx(unit.repeat(Math.floor(actualXmlBytes / unit.length)));
  const name = Buffer.from('word/document.xml');
  for (let i = 0; i < bytes.length - 4; i++) {
    const signature = bytes.readUInt32LE(i);
    if (signature === 0x04034b50 && bytes.subarray(i + 30, i + 30 + name.length).equals(name)) bytes.writeUInt32LE(declared, i + 22);
    if (signature === 0x02014b50 && bytes.subarray(i + 46, i + 46 + name.length).equals(name)) bytes.writeUInt32LE(declared, i + 24);
  }
  return bytes;
}


describe('document import: zip bombs, and files read off the event loop within time, memory and a queue', () => {
  let server: TestServer;
  let ws: string;
  let coordinator: string;
  let heavyMarkdown: string;

  const upload = async (file: { name: string; bytes: Buffer | string }, fields: Record<string, string> = { kind: 'other' }) => {
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) form.append(key, value);
    form.append('file', new Blob([file.bytes]), file.name);
    const response = await fetch(`${server.url}/api/workspaces/${ws}/documents/import`, { method: 'POST', headers: { authorization: `Bearer ${coordinator}` }, body: form });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
  };
  const text = async (documentId: string) => (await server.request(`/api/documents/${documentId}/text`, { token: coordinator })).body.text as string;
  /** Restarts the server (same database) with these limits (configuration variables) instead of the defaults. */
  const restartWith = (env: Record<string, string>) => server.restart(env);

  beforeAll(async () => {
    server = await TestServer.start();
    ws = await server.demoWorkspaceId();
    coordinator = await server.login('koordynator@som.example');
    heavyMarkdown = markdown(8000);
  });
  afterAll(() => server?.close());

  describe('with the default limits', () => {
    it('imports a 200-page Word strategy', async () => {
      const file = await strategy(200);
      const imported = await upload({ name: 'strategia.docx', bytes: file });
      expect(imported.status).toBe(201);
      expect(imported.body.importedBlocks).toBeGreaterThan(1400);
      const content = await text(imported.body.id);
      expect(content).toContain('Rozdział 40');
    });

    it('refuses zip bombs by their central directory: too tightly packed or too much in all (413), too many entries (422)', async () => {
      // 6 MB of XML in a few kilobytes: the kind that held the server for seconds and took a gigabyte.
      const dense = await docx('<w:p><w:r><w:t>a</w:t></w:r></w:p>'.repeat(180_000));
      expect(dense.length).toBeLessThan(100_000);
      const ratio = await upload({ name: 'bomba.docx', bytes: dense });
      expect(ratio.status).toBe(413);
      expect(ratio.body.errors).toEqual([{ field: 'file', message: expect.stringMatching(/unpacks to over 100 times its size/) }]);

      // Sixty entries of 1 MiB each, every one too small for the ratio rule, 60 MiB in all.
      const media = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`word/media/image${i}.bin`, new Uint8Array(1024 * 1024)]));
      const total = await upload({ name: 'duzo.docx', bytes: await docx('<w:p><w:r><w:t>a</w:t></w:r></w:p>', media) });
      expect(total.status).toBe(413);
      expect(total.body.errors).toEqual([{ field: 'file', message: 'the file unpacks to more than 50 MiB' }]);

      const entries = Object.fromEntries(Array.from({ length: 2_001 }, (_, i) => [`customXml/item${i}.xml`, '<a/>']));
      const many = await upload({ name: 'wpisy.docx', bytes: await docx('<w:p><w:r><w:t>a</w:t></w:r></w:p>', entries) });
      expect(many.status).toBe(422);
      expect(many.body.errors).toEqual([{ field: 'file', message: expect.stringMatching(/^the file holds \d+ entries; at most 2000 are accepted$/) }]);
    });

    it('refuses a zip that holds more than its central directory declares, before mammoth unpacks it (413)', async () => {
      const lying = await upload({ name: 'klamie.docx', bytes: await lyingDocx(8_000_000, 100_000) });
      expect(lying.status).toBe(413);
      expect(lying.body.errors).toEqual([{ field: 'file', message: 'the file unpacks to more than it declares' }]);
    });

    it('answers other requests while a file is being read: GET /api/health completes before the import is parsed', async () => {
      const files = server.server.app.get(DocumentFilesService);
      const order: string[] = [];
      const entered = jest.spyOn(files, 'import');
      // The import stores what it parsed in one transaction, begun as soon as the parsing is done. That moment is the
      // mark: the server runs in this process, so while a parse holds the event loop this test cannot even send its
      // request, and a health check sent after the parse still beats the import's own writes to the database.
      const transaction = server.db.transaction.bind(server.db) as (...args: unknown[]) => unknown;
      // Only the import's own: other work of the server (the search indexer) begins transactions of its own meanwhile.
      const stored = jest.spyOn(server.db, 'transaction').mockImplementation(((...args: unknown[]) => {
        if (new Error().stack?.includes('DocumentFilesService')) order.push('parsed');
        return transaction(...args);
      }) as never);
      try {
        const importing = upload({ name: 'duzy.md', bytes: markdown(2000) }).then((response) => {
          order.push('imported');
          return response;
        });
        await eventually(() => entered.mock.calls.length === 1, 30_000, 'the import to reach the service');
        const health = await server.request('/api/health');
        order.push('health');
        expect(health.status).toBe(200);
        expect((await importing).status).toBe(201);
        expect(order).toEqual(['health', 'parsed', 'imported']);
      } finally {
        entered.mockRestore();
        stored.mockRestore();
      }
    });
  });

  describe('with a time limit of 1 s and one worker with a queue of one', () => {
    beforeAll(() => restartWith({ IMPORT_TIME_LIMIT_MS: '1000', IMPORT_WORKERS: '1', IMPORT_QUEUE: '1' }));

    it('stops a parse that takes too long (422) and still reads a small file', async () => {
      const slow = await upload({ name: 'wolny.md', bytes: heavyMarkdown });
      expect(slow.status).toBe(422);
      expect(slow.body.errors).toEqual([{ field: 'file', message: 'the file takes too long to read' }]);
      const small = await upload({ name: 'maly.md', bytes: '# Mały\n\nTekst.' });
      expect(small.status).toBe(201);
      expect(await text(small.body.id)).toBe('Mały\nTekst.');
    });

    it('queues imports beyond the workers and refuses those beyond the queue with 503 and Retry-After', async () => {
      const files = server.server.app.get(DocumentFilesService);
      const entered = jest.spyOn(files, 'import');
      try {
        const first = upload({ name: 'a.md', bytes: heavyMarkdown });
        const second = upload({ name: 'b.md', bytes: heavyMarkdown });
        // One is being read, the other waits for the worker.
        await eventually(() => entered.mock.calls.length === 2, 30_000, 'two imports to reach the service');
        const third = await upload({ name: 'c.md', bytes: '# Trzeci' });
        expect(third.status).toBe(503);
        expect(third.headers.get('retry-after')).toBe(String(server.config.parsing.worker.retryAfterSeconds));
        expect((await first).status).toBe(422);
        expect((await second).status).toBe(422);
      } finally {
        entered.mockRestore();
      }
      // Once the queue is empty, imports are accepted again.
      expect((await upload({ name: 'd.md', bytes: '# Czwarty' })).status).toBe(201);
    });
  });

  describe('with a worker heap of 64 MB', () => {
    beforeAll(() => restartWith({ IMPORT_WORKER_HEAP_MB: '64' }));

    it('refuses a file that needs more memory to read (413) without harm to the server', async () => {
      const big = await upload({ name: 'strategia.docx', bytes: await strategy(200) });
      expect(big.status).toBe(413);
      expect(big.body.errors).toEqual([{ field: 'file', message: 'the file needs more memory to read than is allowed' }]);
      expect((await server.request('/api/health')).status).toBe(200);
      const small = await upload({ name: 'maly.docx', bytes: await docx('<w:p><w:r><w:t>Mały dokument.</w:t></w:r></w:p>') });
      expect(small.status).toBe(201);
      expect(await text(small.body.id)).toBe('Mały dokument.');
    });
  });
});
