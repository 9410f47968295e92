import { Workbook } from 'exceljs';
import fc from 'fast-check';
import JSZip from 'jszip';
import { leakOf, PRIVATE_SUBMITTERS, type Secret, textWithSecrets } from './personal-data.testing';
import { renderCsv } from './render-csv';
import { renderReportDocx } from './render-docx';
import { renderReportPdf } from './render-pdf';
import { renderReportXlsx } from './render-xlsx';
import { buildReport, type ReportCommentRow, type ReportInput, toPublicReportContent } from './report-data';

// pdf-parse's own entry reads a sample file when loaded as the main module: take its library file.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pdfParse = require('pdf-parse/lib/pdf-parse.js') as (data: Buffer) => Promise<{ text: string }>;

const INSTITUTIONS = ['Gmina Police', 'Stowarzyszenie Czyste Powietrze', 'Uniwersytet Szczeciński', 'Izba Gospodarcza'];

/** A comment with generated text in every free field, from a private person or an institution. */
const commentArbitrary = fc.record({
  part: textWithSecrets,
  currentWording: textWithSecrets,
  proposedWording: textWithSecrets,
  justification: textWithSecrets,
  dispositionJustification: textWithSecrets,
  applied: fc.option(textWithSecrets, { nil: null }),
  person: fc.option(fc.constantFrom(...PRIVATE_SUBMITTERS), { nil: null }),
  institution: fc.constantFrom(...INSTITUTIONS),
  disposition: fc.constantFrom('accepted' as const, 'partly_accepted' as const, 'rejected' as const, 'explanation' as const),
  withdrawn: fc.boolean(),
  oral: fc.boolean(),
});

const reportArbitrary = fc.record({ comments: fc.array(commentArbitrary, { minLength: 1, maxLength: 5 }), summary: textWithSecrets });

type GeneratedComment = typeof commentArbitrary extends fc.Arbitrary<infer T> ? T : never;

function inputOf(generated: { comments: GeneratedComment[]; summary: { text: string } }): ReportInput {
  const comments: ReportCommentRow[] = generated.comments.map((c, i) => ({
    number: `U/2026/${String(i + 1).padStart(4, '0')}`,
    part: c.part.text,
    passageFrom: null,
    passageTo: null,
    currentWording: c.currentWording.text,
    proposedWording: c.proposedWording.text,
    justification: c.justification.text,
    submitterKind: c.person ? 'person' : 'institution',
    submitterName: c.person ? `${c.person.first} ${c.person.surname}` : c.institution,
    submitterType: c.person ? 'resident' : 'other',
    email: null,
    userId: null,
    channel: c.oral ? 'oral_protocol' : 'online_form',
    meetingId: c.oral ? 'm1' : null,
    withdrawn: c.withdrawn,
    createdAt: new Date(Date.UTC(2026, 9, 2, 10, i)).toISOString(),
    disposition: c.disposition,
    dispositionJustification: c.dispositionJustification.text,
    approved: true,
    appliedText: c.applied?.text ?? null,
  }));
  // The people the texts mention are submitters of the round too (the report masks the names of its own submitters).
  PRIVATE_SUBMITTERS.forEach((person, i) =>
    comments.push({
      ...comments[0],
      number: `U/2026/${String(100 + i)}`,
      part: 'Rozdział 1',
      currentWording: '',
      proposedWording: 'Więcej zieleni.',
      justification: 'Bo tak.',
      dispositionJustification: 'Przyjęto.',
      appliedText: null,
      submitterKind: 'person',
      submitterName: `${person.first} ${person.surname}`,
      submitterType: 'resident',
      channel: 'online_form',
      meetingId: null,
      withdrawn: i % 2 === 0,
      createdAt: new Date(Date.UTC(2026, 9, 3, 10, i)).toISOString(),
    }),
  );
  return {
    workspaceName: 'Stowarzyszenie SOM',
    round: {
      id: 'r1',
      title: 'Konsultacje Strategii 2030',
      legalBasis: 'art. 6 ustawy o zasadach prowadzenia polityki rozwoju',
      audiences: ['public'],
      channels: ['online_form', 'oral_protocol'],
      opensAt: '2026-10-01T08:00:00.000Z',
      closesAt: '2026-11-05T22:59:00.000Z',
      announcedAt: '2026-10-01T08:00:00.000Z',
      openedAt: '2026-10-01T08:00:00.000Z',
      closedAt: '2026-11-06T09:00:00.000Z',
      announcementUrls: ['https://bip.som.example/ogloszenia/12'],
      reportUrls: [],
    },
    document: { title: 'Strategia', kind: 'strategy' },
    version: { number: 1, name: 'v1.0', contentHash: 'ab'.repeat(32) },
    chapters: [],
    meetings: [{ id: 'm1', startsAt: '2026-10-10T15:00:00.000Z', place: 'Szczecin, sala sesyjna', participants: 40, summary: generated.summary.text }],
    comments,
    adoption: null,
    edition: 1,
    publishedAt: '2026-11-20T10:00:00.000Z',
  };
}

/** Every format of the report as text: the public JSON, the PDF's text, the DOCX's text, the CSV, every XLSX cell. */
async function formats(input: ReportInput): Promise<Record<string, string>> {
  const content = JSON.parse(JSON.stringify(toPublicReportContent(buildReport(input))));
  const pdf = (await pdfParse(await renderReportPdf(content, 'cd'.repeat(32), 'pl'))).text;
  const docxXml = await (await JSZip.loadAsync(await renderReportDocx(content, 'cd'.repeat(32), 'pl'))).file('word/document.xml')!.async('string');
  const workbook = new Workbook();
  await workbook.xlsx.load((await renderReportXlsx(content, 'cd'.repeat(32), 'pl')) as unknown as ArrayBuffer);
  const cells: string[] = [];
  workbook.worksheets.forEach((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value)))));
  const unxml = (xml: string) => xml.replace(/<w:tab\/>/g, ' ').replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'");
  return {
    json: JSON.stringify(content),
    pdf: pdf.replace(/\s+/g, ' '),
    docx: unxml(docxXml.replace(/<\/w:p>/g, ' </w:p>')).replace(/\s+/g, ' '),
    csv: renderCsv(content, 'pl').toString('utf8'),
    xlsx: cells.join(' | '),
  };
}

describe('the report in every format carries no personal data', () => {
  it('leaves none of the generated phones, PESEL, NIP, accounts, addresses or submitters’ names in JSON, PDF, DOCX, CSV or XLSX', async () => {
    await fc.assert(
      fc.asyncProperty(reportArbitrary, async (generated) => {
        const texts = await formats(inputOf(generated));
        const secrets: Secret[] = [...generated.comments.flatMap((c) => [c.part, c.currentWording, c.proposedWording, c.justification, c.dispositionJustification, ...(c.applied ? [c.applied] : [])]), generated.summary].flatMap((t) => t.secrets);
        for (const [format, text] of Object.entries(texts)) {
          const leak = leakOf(text, secrets);
          expect({ format, leak }).toEqual({ format, leak: null });
          for (const person of PRIVATE_SUBMITTERS) expect({ format, found: text.includes(person.surname) }).toEqual({ format, found: false });
        }
        // The ordinary numbers of what is published (not withdrawn) are still there, as written.
        const published = generated.comments.filter((c) => !c.withdrawn).flatMap((c) => [c.justification, c.proposedWording]);
        for (const number of published.flatMap((t) => t.ordinary)) {
          for (const format of ['json', 'csv', 'xlsx'] as const) expect({ format, number, kept: texts[format].includes(number) }).toEqual({ format, number, kept: true });
        }
      }),
      { numRuns: 25 },
    );
  }, 120_000);

  it('publishes no text of a withdrawn comment in any format', async () => {
    const texts = await formats(
      inputOf({
        comments: [
          { ...sample, justification: { text: 'Uzasadnienie WYCOFANE-7781.', secrets: [], ordinary: [] }, withdrawn: true },
          { ...sample, justification: { text: 'Uzasadnienie pozostaje.', secrets: [], ordinary: [] }, withdrawn: false },
        ],
        summary: { text: '' },
      }),
    );
    for (const [format, text] of Object.entries(texts)) {
      expect({ format, withdrawnText: text.includes('WYCOFANE-7781') }).toEqual({ format, withdrawnText: false });
      expect({ format, number: text.includes('U/2026/0001') }).toEqual({ format, number: true });
    }
  });
});

const empty = { text: 'x', secrets: [], ordinary: [] };
const sample: GeneratedComment = {
  part: empty,
  currentWording: empty,
  proposedWording: empty,
  justification: empty,
  dispositionJustification: empty,
  applied: null,
  person: null,
  institution: 'Gmina Police',
  disposition: 'accepted',
  withdrawn: false,
  oral: false,
};
