import * as Y from 'yjs';
import { TestServer } from './support/test-server';
import { eventually, stockProvider, whenSynced } from './support/collab-clients';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const pdfParse = require('pdf-parse/lib/pdf-parse.js') as (data: Buffer) => Promise<{ text: string; numpages: number }>;

const MARKDOWN = `---
title: "Koncepcja węzłów przesiadkowych"
---

# Węzły przesiadkowe

Węzeł **Szczecin Główny** łączy kolej, tramwaje i autobusy.

## Lokalizacje

- Police
- Goleniów

| Węzeł | Gmina |
| --- | --- |
| Dąbie | Szczecin |
`;

describe('documents as files: export to PDF, Word and Markdown; import of Word and Markdown', () => {
  let server: TestServer;
  let ws: string;
  let coordinator: string;
  let observer: string;

  /** Downloads an export as bytes, with its headers. */
  const download = async (path: string, token: string) => {
    const response = await fetch(`${server.url}/api${path}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
  };
  /** Uploads a file for import as multipart form data. */
  const upload = async (token: string, file: { name: string; type: string; bytes: Buffer | string } | null, fields: Record<string, string>, workspaceId = ws) => {
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) form.append(key, value);
    if (file) form.append('file', new Blob([file.bytes]), file.name);
    const response = await fetch(`${server.url}/api/workspaces/${workspaceId}/documents/import`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };
  const text = async (documentId: string) => (await server.request(`/api/documents/${documentId}/text`, { token: coordinator })).body.text as string;

  beforeAll(async () => {
    server = await TestServer.start();
    ws = await server.demoWorkspaceId();
    coordinator = await server.login('koordynator@som.example');
    observer = await server.login('obserwator@som.example');
  });
  afterAll(() => server?.close());

  it('imports Markdown, exports it in three formats with a cover, and a Word export imports back to the same text', async () => {
    const imported = await upload(coordinator, { name: 'wezly.md', type: 'text/markdown', bytes: MARKDOWN }, { kind: 'concept' });
    expect(imported.status).toBe(201);
    expect(imported.body).toMatchObject({ title: 'Koncepcja węzłów przesiadkowych', kind: 'concept', status: 'drafting', access: 'edit', importedBlocks: 5 });
    const documentId = imported.body.id as string;
    const expected = 'Węzły przesiadkowe\nWęzeł Szczecin Główny łączy kolej, tramwaje i autobusy.\nLokalizacje\nPolice\nGoleniów\nWęzeł\nGmina\nDąbie\nSzczecin';
    expect(await text(documentId)).toBe(expected);
    // The imported text is a shared document like any other: a Yjs client sees it.
    const provider = stockProvider(server, documentId, coordinator, 1);
    await whenSynced(provider);
    expect(provider.doc.getXmlFragment('default').length).toBe(5);
    provider.destroy();
    provider.doc.destroy();

    const version = (await server.request(`/api/documents/${documentId}/versions`, { token: coordinator, body: { name: 'v1.0 — do konsultacji' } })).body;

    const pdf = await download(`/documents/${documentId}/export?format=pdf&version=${version.id}`, observer);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toContain('filename="koncepcja-wezlow-przesiadkowych-v1.pdf"');
    const pdfText = (await pdfParse(pdf.body)).text.replace(/\s+/g, ' ');
    expect(pdfText).toContain('Koncepcja węzłów przesiadkowych');
    expect(pdfText).toContain('Wersja: Wersja 1: v1.0 — do konsultacji');
    expect(pdfText).toContain(`Skrót SHA-256 treści: ${version.contentHash}`);
    expect(pdfText).toContain('Węzeł Szczecin Główny łączy kolej, tramwaje i autobusy.');

    const markdown = await download(`/documents/${documentId}/export?format=md&lang=en`, coordinator);
    expect(markdown.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    const md = markdown.body.toString('utf8');
    expect(md).toContain('title: "Koncepcja węzłów przesiadkowych"');
    expect(md).toContain('version: "The live text (not frozen)"');
    expect(md).toContain(`sha256: "${version.contentHash}"`);
    // The date in Polish local time, with its offset (CET or CEST), not in UTC.
    expect(md).toMatch(/\ndate: "\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0[12]:00"\n/);
    expect(md).toContain('| Dąbie | Szczecin |');

    const docx = await download(`/documents/${documentId}/export?format=docx`, coordinator);
    expect(docx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const again = await upload(coordinator, { name: 'eksport.docx', type: 'application/octet-stream', bytes: docx.body }, { kind: 'concept', title: 'Po powrocie z Worda' });
    expect(again.status).toBe(201);
    expect(again.body.title).toBe('Po powrocie z Worda');
    expect(await text(again.body.id)).toBe(expected);

    const audit = await server.request(`/api/workspaces/${ws}/audit?limit=5`, { token: coordinator });
    expect(audit.body.entries[0]).toMatchObject({ action: 'document.imported', targetId: again.body.id });
  });

  it('exports the live text as it is stored, including edits just made', async () => {
    const documentId = (await upload(coordinator, { name: 'plan.md', type: 'text/markdown', bytes: '# Plan\n\nPierwszy akapit.\n' }, { kind: 'other' })).body.id;
    const provider = stockProvider(server, documentId, coordinator, 1);
    await whenSynced(provider);
    const paragraph = new Y.XmlElement('paragraph');
    const content = new Y.XmlText();
    content.insert(0, 'Dopisane przed chwilą.');
    paragraph.insert(0, [content]);
    provider.doc.getXmlFragment('default').insert(2, [paragraph]);
    await eventually(async () => (await text(documentId)).includes('Dopisane'), 10_000, 'the edit stored');
    const md = (await download(`/documents/${documentId}/export?format=md`, coordinator)).body.toString('utf8');
    expect(md).toContain('# Plan\n\nPierwszy akapit.\n\nDopisane przed chwilą.');
    provider.destroy();
    provider.doc.destroy();
  });

  it('refuses bad requests with clear errors', async () => {
    const documentId = (await upload(coordinator, { name: 'a.md', type: 'text/markdown', bytes: 'Tekst.' }, { kind: 'other' })).body.id;
    const badFormat = await server.request(`/api/documents/${documentId}/export?format=odt`, { token: coordinator });
    expect(badFormat.status).toBe(400);
    expect(JSON.stringify(badFormat.body)).toContain('format');
    expect((await server.request(`/api/documents/${documentId}/export?format=pdf&version=00000000-0000-4000-8000-000000000000`, { token: coordinator })).status).toBe(404);
    expect((await server.request(`/api/documents/${documentId}/export?format=pdf`)).status).toBe(401);
    expect((await server.request(`/api/documents/00000000-0000-4000-8000-000000000000/export?format=pdf`, { token: coordinator })).status).toBe(404);

    // An observer may read and export, not import.
    expect((await download(`/documents/${documentId}/export?format=md`, observer)).status).toBe(200);
    expect((await upload(observer, { name: 'x.md', type: 'text/markdown', bytes: 'x' }, { kind: 'other' })).status).toBe(403);

    const wrongType = await upload(coordinator, { name: 'notatka.txt', type: 'text/plain', bytes: 'x' }, { kind: 'other' });
    expect(wrongType.status).toBe(415);
    expect(JSON.stringify(wrongType.body)).toContain('file');
    const broken = await upload(coordinator, { name: 'zepsuty.docx', type: 'application/octet-stream', bytes: Buffer.from('not a zip') }, { kind: 'other' });
    expect(broken.status).toBe(422);
    expect(JSON.stringify(broken.body)).toContain('file');
    const latin2 = await upload(coordinator, { name: 'stary.md', type: 'text/markdown', bytes: Buffer.from([0x5a, 0xb3, 0xf3, 0xb3, 0x74, 0x79]) }, { kind: 'other' });
    expect(latin2.status).toBe(422);
    expect((await upload(coordinator, null, { kind: 'other' })).status).toBe(422);
    const noKind = await upload(coordinator, { name: 'a.md', type: 'text/markdown', bytes: 'x' }, {});
    expect(noKind.status).toBe(400);
    expect(JSON.stringify(noKind.body)).toContain('kind');
    const tooBig = await upload(coordinator, { name: 'duzy.md', type: 'text/markdown', bytes: Buffer.alloc(10 * 1024 * 1024 + 1, 0x61) }, { kind: 'other' });
    expect(tooBig.status).toBe(413);
  });
});
