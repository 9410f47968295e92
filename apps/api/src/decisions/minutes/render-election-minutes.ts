import { HeadingLevel, Paragraph, Table, TableRow, TextRun, WidthType } from 'docx';
import { cell, field as docxField, p } from '../../consultations/report/render-docx';
import { ensureSpace, field, heading, paragraph, type Pdf, table } from '../../platform/export/pdf';
import { ELECTION_WORDS, type MinutesElection, type MinutesElectionRound } from './election-minutes';
import type { MinutesLanguage } from './minutes-labels';

/** The columns of a round's table: per_candidate rounds have votes against and abstaining, choose_up_to only for. */
function columns(round: MinutesElectionRound, language: MinutesLanguage): Array<{ header: string; share: number; of: (c: MinutesElectionRound['candidates'][number]) => string }> {
  const w = ELECTION_WORDS[language].columns;
  const perCandidate = round.candidates.some((c) => c.against > 0 || c.abstain > 0);
  return [
    { header: w.candidate, share: perCandidate ? 0.34 : 0.46, of: (c) => c.name },
    { header: w.for, share: 0.1, of: (c) => String(c.for) },
    ...(perCandidate
      ? [
          { header: w.against, share: 0.1, of: (c: MinutesElectionRound['candidates'][number]) => String(c.against) },
          { header: w.abstain, share: 0.1, of: (c: MinutesElectionRound['candidates'][number]) => String(c.abstain) },
        ]
      : []),
    { header: w.threshold, share: 0.2, of: (c) => c.threshold },
    { header: w.result, share: perCandidate ? 0.16 : 0.24, of: (c) => c.resultText },
  ];
}

/** The elections section of the PDF minutes (a section of its own, numbered by `title`). */
export function writeElectionsPdf(pdf: Pdf, elections: readonly MinutesElection[], language: MinutesLanguage, title: (text: string) => void): void {
  if (elections.length === 0) return;
  const w = ELECTION_WORDS[language];
  title(w.heading);
  for (const election of elections) {
    ensureSpace(pdf, 160);
    heading(pdf, `${election.position ? `${election.position}. ` : ''}${election.title}`, 12);
    for (const fact of election.facts) field(pdf, fact.label, fact.value);
    paragraph(pdf, w.columns.candidate, { font: 'bold' });
    for (const [i, c] of election.candidates.entries()) paragraph(pdf, `${i + 1}. ${c.name}: ${c.text}`);
    for (const round of election.rounds) {
      ensureSpace(pdf, 120);
      paragraph(pdf, round.heading, { font: 'bold' });
      if (round.quorum) field(pdf, w.quorumLabel, round.quorum);
      if (round.ballots) paragraph(pdf, round.ballots.text);
      if (round.candidates.length > 0) {
        const cols = columns(round, language);
        table(
          pdf,
          cols.map((c) => ({ header: c.header, share: c.share })),
          round.candidates.map((c) => cols.map((col) => col.of(c))),
        );
      }
      if (round.electedText) paragraph(pdf, round.electedText);
      if (round.next) paragraph(pdf, round.next);
      if (round.lot) paragraph(pdf, round.lot, { font: 'bold' });
      if (round.secretNote) paragraph(pdf, round.secretNote, { font: 'italic' });
      if (round.ballotsDigest) field(pdf, w.digest, round.ballotsDigest);
    }
    if (election.resultText) paragraph(pdf, election.resultText, { font: 'bold' });
    if (election.adopted) field(pdf, w.adoptedAs, election.adopted.fullTitle);
    pdf.moveDown(0.4);
  }
}

/** The elections section of the Word minutes. */
export function electionsDocx(elections: readonly MinutesElection[], language: MinutesLanguage, title: (text: string) => Paragraph): Array<Paragraph | Table> {
  if (elections.length === 0) return [];
  const w = ELECTION_WORDS[language];
  const out: Array<Paragraph | Table> = [title(w.heading)];
  for (const election of elections) {
    out.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(`${election.position ? `${election.position}. ` : ''}${election.title}`)] }));
    out.push(...election.facts.map((fact) => docxField(fact.label, fact.value)));
    out.push(p(w.columns.candidate, { bold: true }), ...election.candidates.map((c, i) => p(`${i + 1}. ${c.name}: ${c.text}`)));
    for (const round of election.rounds) {
      out.push(new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun(round.heading)] }));
      if (round.quorum) out.push(docxField(w.quorumLabel, round.quorum));
      if (round.ballots) out.push(p(round.ballots.text));
      if (round.candidates.length > 0) {
        const cols = columns(round, language);
        out.push(
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: [
              new TableRow({ tableHeader: true, children: cols.map((c) => cell(c.header, { bold: true, width: Math.round(c.share * 100) })) }),
              ...round.candidates.map((candidate) => new TableRow({ children: cols.map((c) => cell(c.of(candidate), { width: Math.round(c.share * 100) })) })),
            ],
          }),
          new Paragraph(''),
        );
      }
      if (round.electedText) out.push(p(round.electedText));
      if (round.next) out.push(p(round.next));
      if (round.lot) out.push(p(round.lot, { bold: true }));
      if (round.secretNote) out.push(p(round.secretNote, { italics: true }));
      if (round.ballotsDigest) out.push(docxField(w.digest, round.ballotsDigest));
    }
    if (election.resultText) out.push(p(election.resultText, { bold: true }));
    if (election.adopted) out.push(docxField(w.adoptedAs, election.adopted.fullTitle));
  }
  return out;
}
