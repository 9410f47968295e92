import { BODY, contentWidth, ensureSpace, field, heading, MARGIN, paragraph, type Pdf, renderPdf, table } from '../../platform/export/pdf';
import type { MinutesContent, MinutesVote } from './minutes-data';
import { formatDateTime, minutesLabels, type MinutesLabels } from './minutes-labels';
import { writeElectionsPdf } from './render-election-minutes';
import { PROCEDURE_LABELS } from './procedure-minutes';


/**
 * The minutes as a PDF (A4, DejaVu Sans embedded): the heading and the meeting's facts, the attendance list with the
 * quorum stated from it, the agenda, each vote with its quorum, majority, figures, result and (named ballots) the
 * roll, the resolutions adopted, signature lines; page numbers at the foot.
 */
export function renderMinutesPdf(content: MinutesContent): Promise<Buffer> {
  const labels = minutesLabels(content.language);
  return renderPdf(
    { language: content.language, info: { Title: `${content.heading}: ${content.title}`, Subject: content.body.name } },
    (pdf) => write(pdf, content, labels),
    (page, pages) => `${content.heading} · ${content.title} · ${labels.page(page, pages)}`,
  );
}

function write(pdf: Pdf, content: MinutesContent, labels: MinutesLabels): void {
  const words = PROCEDURE_LABELS[content.language];
  pdf.font('bold').fontSize(18).text(content.heading, MARGIN, MARGIN, { width: contentWidth(pdf) });
  pdf.moveDown(0.3).font('regular').fontSize(13).text(content.title, { width: contentWidth(pdf) });
  pdf.moveDown(0.8).fontSize(BODY);
  for (const fact of content.facts) field(pdf, fact.label, fact.value);
  if (content.draftText) paragraph(pdf, content.draftText, { font: 'italic' });

  let section = 0;
  const next = (title: string) => heading(pdf, `${++section}. ${title}`);

  next(labels.sections.attendance);
  paragraph(pdf, content.attendance.summary);
  const c = labels.attendance.columns;
  table(
    pdf,
    [
      { header: c.number, share: 0.07 },
      { header: c.member, share: 0.35 },
      { header: c.presence, share: 0.18 },
      { header: c.details, share: 0.4 },
    ],
    content.attendance.members.map((m, i) => [`${i + 1}.`, m.name, m.presenceText, m.details]),
  );
  field(pdf, labels.attendance.quorumAtOpening, content.attendance.quorum.text);

  next(labels.sections.agenda);
  for (const item of content.procedure?.items ?? content.agenda) paragraph(pdf, `${item.position}. ${item.title}`);
  if (content.procedure) paragraph(pdf, content.procedure.agendaAdopted, { font: 'italic' });
  for (const change of content.procedure?.chairChanges ?? []) paragraph(pdf, change, { font: 'italic' });

  next(labels.sections.votes);
  for (const item of content.agenda) {
    // An item's heading stays with the start of its first vote.
    ensureSpace(pdf, 160);
    heading(pdf, `${item.position}. ${item.title}`, 12);
    field(pdf, labels.kind, item.kindText);
    if (item.speakers.length > 0) {
      paragraph(pdf, labels.speakers.heading, { font: 'bold' });
      for (const speaker of item.speakers) paragraph(pdf, `• ${speaker.text}`);
    }
    for (const amendment of item.amendments) {
      ensureSpace(pdf, 120);
      paragraph(pdf, amendment.heading, { font: 'bold' });
      field(pdf, words.amendments.proposer, amendment.proposer);
      field(pdf, words.amendments.current, amendment.currentText);
      field(pdf, words.amendments.proposed, amendment.proposedText);
      if (amendment.justification) field(pdf, words.amendments.justification, amendment.justification);
      for (const vote of amendment.votes) writeVote(pdf, vote, amendment.votes.length, labels);
      field(pdf, words.amendments.outcome, amendment.stateText);
    }
    if (item.noVoteText) paragraph(pdf, item.noVoteText, { font: 'italic' });
    for (const vote of item.votes) writeVote(pdf, vote, item.votes.length, labels);
    if (item.adopted) {
      ensureSpace(pdf, 50);
      field(pdf, labels.adoptedAs, item.adopted.fullTitle);
      if (item.adopted.adopts) {
        paragraph(pdf, item.adopted.adopts.text);
        field(pdf, labels.versionHash, item.adopted.adopts.contentHash);
      }
    }
  }

  if (content.procedure && content.procedure.motions.length > 0) {
    next(words.section);
    for (const motion of content.procedure.motions) {
      ensureSpace(pdf, 120);
      heading(pdf, motion.title, 12);
      for (const vote of motion.votes) writeVote(pdf, vote, motion.votes.length, labels);
    }
  }

  writeElectionsPdf(pdf, content.elections ?? [], content.language, next);

  next(labels.sections.adopted);
  if (content.adopted.length === 0) paragraph(pdf, labels.noneAdopted);
  for (const adopted of content.adopted) paragraph(pdf, `• ${adopted.fullTitle}`);

  next(labels.sections.signatures);
  for (const role of labels.signatures) {
    ensureSpace(pdf, 40);
    pdf.moveDown(1.2);
    paragraph(pdf, `${role}: ${'.'.repeat(60)}`);
  }
  pdf.moveDown(1);
  paragraph(pdf, `${labels.generatedAt}: ${formatDateTime(content.generatedAt, labels)}`, { font: 'italic', color: '#555555' });
}

function writeVote(pdf: Pdf, vote: MinutesVote, count: number, labels: MinutesLabels): void {
  ensureSpace(pdf, 90);
  if (count > 1) paragraph(pdf, vote.heading, { font: 'bold' });
  if (vote.unverified) paragraph(pdf, vote.unverified, { font: 'bold' });
  field(pdf, labels.ballot, vote.ballotText);
  if (vote.quorum) field(pdf, labels.quorumAtVote, vote.quorum.text);
  if (vote.majority) field(pdf, labels.majority, vote.majority.text);
  if (vote.tally) {
    const t = labels.tally;
    const share = 1 / 5;
    table(
      pdf,
      [t.for, t.against, t.abstain, t.valid, t.cast].map((header) => ({ header, share })),
      [[vote.tally.for.text, vote.tally.against.text, vote.tally.abstain.text, vote.tally.valid.text, vote.tally.cast.text]],
    );
  }
  field(pdf, labels.result, vote.result.sentence);
  if (vote.castingVote) paragraph(pdf, vote.castingVote);
  if (vote.secondTerm) paragraph(pdf, vote.secondTerm, { font: 'italic' });
  if (vote.secretNote) paragraph(pdf, vote.secretNote, { font: 'italic' });
  if (vote.roll) {
    const r = labels.roll;
    paragraph(pdf, r.title, { font: 'bold' });
    table(
      pdf,
      [
        { header: r.number, share: 0.07 },
        { header: r.member, share: 0.38 },
        { header: r.choice, share: 0.2 },
        { header: r.castBy, share: 0.35 },
      ],
      vote.roll.map((entry, i) => [`${i + 1}.`, entry.name, entry.choiceText, entry.byProxy ? labels.byProxy(entry.castBy.name) : r.own]),
    );
  }
  if (vote.textHash) field(pdf, labels.textHash, vote.textHash);
  if (vote.ballotsDigest) field(pdf, labels.ballotsDigest, vote.ballotsDigest);
  pdf.moveDown(0.4);
}
