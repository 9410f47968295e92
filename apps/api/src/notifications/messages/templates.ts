import type { NotificationKind, NotificationParams } from '@commonplan/domain';
import { type Language, type MessageText, at, say, titled } from './message';

type Template<K extends NotificationKind> = (p: NotificationParams[K], language: Language) => MessageText;

const ACCESS: Record<NotificationParams['document_shared']['access'], { pl: string; en: string }> = {
  edit: { pl: 'edytować', en: 'edit' },
  comment: { pl: 'komentować', en: 'comment on' },
  read: { pl: 'czytać', en: 'read' },
};

const RESULT: Record<NotificationParams['vote_closed']['result'], { pl: string; en: string }> = {
  adopted: { pl: 'uchwała podjęta', en: 'the resolution was adopted' },
  rejected: { pl: 'uchwała nie została podjęta', en: 'the resolution was not adopted' },
  tie: { pl: 'remis: uchwała nie została podjęta', en: 'a tie: the resolution was not adopted' },
  no_quorum: { pl: 'brak kworum: głosowanie nierozstrzygnięte', en: 'no quorum: the vote decided nothing' },
};

/** A comment's disposition (`disposition_to_approve`'s `disposition`: accepted, partly_accepted, rejected, explanation). */
const DISPOSITION: Record<string, { pl: string; en: string } | undefined> = {
  accepted: { pl: 'uwzględniona', en: 'accepted' },
  partly_accepted: { pl: 'częściowo uwzględniona', en: 'partly accepted' },
  rejected: { pl: 'nieuwzględniona', en: 'not accepted' },
  explanation: { pl: 'wyjaśnienie', en: 'explanation' },
};

/** A project's stages as the e-mails name them (libs/domain PROJECT_STAGES). */
const STAGE: Record<string, { pl: string; en: string } | undefined> = {
  idea: { pl: 'pomysł', en: 'idea' },
  concept: { pl: 'koncepcja', en: 'concept' },
  approved: { pl: 'zatwierdzony do realizacji', en: 'approved' },
  submitted: { pl: 'wniosek złożony', en: 'application submitted' },
  granted: { pl: 'dofinansowanie przyznane', en: 'grant awarded' },
  refused: { pl: 'odmowa dofinansowania', en: 'grant refused' },
  withdrawn: { pl: 'wycofany', en: 'withdrawn' },
  implementation: { pl: 'w realizacji', en: 'in implementation' },
  settled: { pl: 'rozliczony', en: 'settled' },
};

/** A day (YYYY-MM-DD) as people write it: "2.01.2034". */
const day = (iso: string): string => {
  const [year, month, date] = iso.split('-');
  return `${Number(date)}.${month}.${year}`;
};

/** Every kind's e-mail text, in Polish and English (the inbox writes the same from the web app's translations). */
export const TEMPLATES: { [K in NotificationKind]: Template<K> } = {
  mention: (p, l) => ({
    subject: say(l, `${p.actor} wspomina o Tobie w dokumencie ${titled(p.document, l)}`, `${p.actor} mentioned you in ${titled(p.document, l)}`),
    paragraphs: [say(l, `${p.actor} wspomina o Tobie w komentarzu:`, `${p.actor} mentioned you in a comment:`), `> ${p.excerpt}`],
  }),
  reply: (p, l) => ({
    subject: say(l, `${p.actor} odpowiada w wątku w dokumencie ${titled(p.document, l)}`, `${p.actor} replied in a thread of ${titled(p.document, l)}`),
    paragraphs: [say(l, `${p.actor} odpowiada w wątku, w którym bierzesz udział:`, `${p.actor} replied in a thread you took part in:`), `> ${p.excerpt}`],
  }),
  document_shared: (p, l) => ({
    subject: say(l, `${p.actor} udostępnia Ci dokument ${titled(p.document, l)}`, `${p.actor} shared ${titled(p.document, l)} with you`),
    paragraphs: [
      say(l, `Możesz teraz ${ACCESS[p.access].pl} dokument ${titled(p.document, l)}`, `You may now ${ACCESS[p.access].en} ${titled(p.document, l)}`) +
        (p.until ? say(l, ` do ${at(p.until, l)}.`, ` until ${at(p.until, l)}.`) : '.'),
    ],
  }),
  version_frozen: (p, l) => ({
    subject: say(l, `Nowa wersja dokumentu ${titled(p.document, l)}: ${p.version}`, `New version of ${titled(p.document, l)}: ${p.version}`),
    paragraphs: [say(l, `${p.actor} zamraża wersję nr ${p.number} ${titled(p.version, l)} dokumentu, który edytujesz.`, `${p.actor} froze version ${p.number} ${titled(p.version, l)} of a document you edit.`)],
  }),
  passage_deleted: (p, l) => ({
    subject: say(l, `Usunięto fragment, do którego odnosi się komentarz (${titled(p.document, l)})`, `The passage of a comment was deleted (${titled(p.document, l)})`),
    paragraphs: [say(l, 'Fragment, którego dotyczy wątek komentarzy, został usunięty z dokumentu. Wątek pozostaje z cytatem:', 'The passage a comment thread is about was deleted from the document. The thread stays with its quote:'), `> ${p.quote}`],
  }),
  round_announced: (p, l) => ({
    subject: say(l, `Ogłoszono konsultacje: ${p.round}`, `Consultation announced: ${p.round}`),
    paragraphs: [say(l, `Uwagi można zgłaszać od ${at(p.opensAt, l)} do ${at(p.closesAt, l)}.`, `Comments may be sent from ${at(p.opensAt, l)} until ${at(p.closesAt, l)}.`)],
  }),
  round_opened: (p, l) => ({
    subject: say(l, `Konsultacje otwarte: ${p.round}`, `Consultation open: ${p.round}`),
    paragraphs: [say(l, `Konsultacje ${titled(p.round, l)} trwają. Uwagi można zgłaszać do ${at(p.closesAt, l)}.`, `The consultation ${titled(p.round, l)} is open. Comments may be sent until ${at(p.closesAt, l)}.`)],
  }),
  round_closing: (p, l) => ({
    subject: say(l, `Konsultacje kończą się ${at(p.closesAt, l)}: ${p.round}`, `Consultation closes ${at(p.closesAt, l)}: ${p.round}`),
    paragraphs: [say(l, `Zostały trzy dni: konsultacje ${titled(p.round, l)} kończą się ${at(p.closesAt, l)}.`, `Three days left: the consultation ${titled(p.round, l)} closes ${at(p.closesAt, l)}.`)],
  }),
  round_closed: (p, l) => ({
    subject: say(l, `Konsultacje zakończone: ${p.round}`, `Consultation closed: ${p.round}`),
    paragraphs: [say(l, `Konsultacje ${titled(p.round, l)} zakończyły się ${at(p.closedAt, l)}. Odpowiedzi na uwagi znajdą się w sprawozdaniu.`, `The consultation ${titled(p.round, l)} closed ${at(p.closedAt, l)}. The answers to the comments will be in the report.`)],
  }),
  comment_assigned: (p, l) => {
    // `number` names every comment one action assigned, comma-separated (a bulk assignment is one notification).
    const count = p.number.split(', ').length;
    if (count === 1) {
      return {
        subject: say(l, `Uwaga ${p.number} do rozpatrzenia`, `Comment ${p.number} for you to handle`),
        paragraphs: [say(l, `${p.actor} przydziela Ci uwagę ${p.number} w konsultacjach ${titled(p.round, l)}.`, `${p.actor} assigned comment ${p.number} of the consultation ${titled(p.round, l)} to you.`)],
      };
    }
    const uwagi = count % 10 >= 2 && count % 10 <= 4 && (count % 100 < 12 || count % 100 > 14) ? 'uwagi' : 'uwag';
    return {
      subject: say(l, `${count} ${uwagi} do rozpatrzenia: ${p.round}`, `${count} comments for you to handle: ${p.round}`),
      paragraphs: [say(l, `${p.actor} przydziela Ci ${count} ${uwagi} w konsultacjach ${titled(p.round, l)}:`, `${p.actor} assigned ${count} comments of the consultation ${titled(p.round, l)} to you:`), p.number],
    };
  },
  disposition_to_approve: (p, l) => ({
    subject: say(l, `Rozstrzygnięcie uwagi ${p.number} czeka na zatwierdzenie`, `The decision on comment ${p.number} awaits approval`),
    paragraphs: [
      say(
        l,
        `${p.actor} rozstrzyga uwagę ${p.number} w konsultacjach ${titled(p.round, l)} (${DISPOSITION[p.disposition]?.pl ?? p.disposition}). Rozstrzygnięcie czeka na zatwierdzenie.`,
        `${p.actor} decided comment ${p.number} of the consultation ${titled(p.round, l)} (${DISPOSITION[p.disposition]?.en ?? p.disposition}). The decision awaits approval.`,
      ),
    ],
  }),
  meeting_called: (p, l) => ({
    subject: say(l, `Zwołano posiedzenie: ${p.meeting}, ${at(p.startsAt, l)}`, `Meeting called: ${p.meeting}, ${at(p.startsAt, l)}`),
    paragraphs: [say(l, `${p.body}: ${p.meeting}.`, `${p.body}: ${p.meeting}.`), say(l, `Termin: ${at(p.startsAt, l)}.`, `When: ${at(p.startsAt, l)}.`), ...(p.place ? [say(l, `Miejsce: ${p.place}.`, `Where: ${p.place}.`)] : [])],
  }),
  meeting_changed: (p, l) => ({
    subject: say(l, `Zmiana posiedzenia: ${p.meeting}, ${at(p.startsAt, l)}`, `Meeting changed: ${p.meeting}, ${at(p.startsAt, l)}`),
    paragraphs: [say(l, `${p.body}: zmieniono posiedzenie ${titled(p.meeting, l)}.`, `${p.body}: the meeting ${titled(p.meeting, l)} was changed.`), say(l, `Termin: ${at(p.startsAt, l)}.`, `When: ${at(p.startsAt, l)}.`), ...(p.place ? [say(l, `Miejsce: ${p.place}.`, `Where: ${p.place}.`)] : [])],
  }),
  meeting_cancelled: (p, l) => ({
    subject: say(l, `Odwołano posiedzenie: ${p.meeting}, ${at(p.startsAt, l)}`, `Meeting cancelled: ${p.meeting}, ${at(p.startsAt, l)}`),
    paragraphs: [say(l, `${p.body}: posiedzenie ${titled(p.meeting, l)} zaplanowane na ${at(p.startsAt, l)} zostało odwołane.`, `${p.body}: the meeting ${titled(p.meeting, l)} planned for ${at(p.startsAt, l)} was cancelled.`), ...(p.reason ? [say(l, `Powód: ${p.reason}`, `Reason: ${p.reason}`)] : [])],
  }),
  vote_opened: (p, l) => ({
    subject: say(l, `Głosowanie otwarte: ${p.resolution}`, `Vote open: ${p.resolution}`),
    paragraphs: [
      p.closesAt
        ? say(l, `Trwa głosowanie nad uchwałą ${titled(p.resolution, l)}. Głos można oddać do ${at(p.closesAt, l)}.`, `The vote on ${titled(p.resolution, l)} is open. Votes are taken until ${at(p.closesAt, l)}.`)
        : say(l, `Na posiedzeniu otwarto głosowanie nad uchwałą ${titled(p.resolution, l)}.`, `The vote on ${titled(p.resolution, l)} is open at the meeting.`),
    ],
  }),
  vote_closing: (p, l) => ({
    subject: say(l, `Przypomnienie: głosowanie nad uchwałą ${p.resolution}`, `Reminder: the vote on ${p.resolution}`),
    paragraphs: [say(l, `Głosowanie nad uchwałą ${titled(p.resolution, l)} kończy się ${at(p.closesAt, l)}. Członek, którego reprezentujesz, jeszcze nie oddał głosu.`, `The vote on ${titled(p.resolution, l)} closes ${at(p.closesAt, l)}. The member you represent has not voted yet.`)],
  }),
  vote_closed: (p, l) => ({
    subject: say(l, `Wynik głosowania: ${p.resolution}`, `Vote result: ${p.resolution}`),
    paragraphs: [say(l, `Głosowanie nad uchwałą ${titled(p.resolution, l)} zakończone: ${RESULT[p.result].pl}.`, `The vote on ${titled(p.resolution, l)} has closed: ${RESULT[p.result].en}.`), say(l, `Za: ${p.for}, przeciw: ${p.against}, wstrzymało się: ${p.abstain}.`, `For: ${p.for}, against: ${p.against}, abstaining: ${p.abstain}.`)],
  }),
  approval_requested: (p, l) => ({
    subject: say(l, `Wersja czeka na zatwierdzenie: ${p.document}`, `A version awaits sign-off: ${p.document}`),
    paragraphs: [say(l, `Wersja ${titled(p.version, l)} dokumentu ${titled(p.document, l)} czeka na zatwierdzenie w imieniu: ${p.organisation}.`, `Version ${titled(p.version, l)} of ${titled(p.document, l)} awaits sign-off on behalf of ${p.organisation}.`)],
  }),
  proxy_given: (p, l) => ({
    subject: say(l, `Pełnomocnictwo na posiedzenie: ${p.meeting}`, `Proxy for the meeting: ${p.meeting}`),
    paragraphs: [say(l, `${p.actor} udziela Ci pełnomocnictwa do reprezentowania: ${p.organisation} na posiedzeniu ${titled(p.meeting, l)} (${at(p.startsAt, l)}).`, `${p.actor} gave you a proxy to represent ${p.organisation} at the meeting ${titled(p.meeting, l)} (${at(p.startsAt, l)}).`)],
  }),
  project_stage_changed: (p, l) => {
    const stage = STAGE[p.stage] ?? { pl: p.stage, en: p.stage };
    return {
      subject: say(l, `Projekt ${p.project}: ${stage.pl}`, `Project ${p.project}: ${stage.en}`),
      paragraphs: [say(l, `${p.actor} przenosi projekt ${titled(p.project, l)}, w którym bierzesz udział, do etapu: ${stage.pl} (${day(p.takenOn)}).`, `${p.actor} moved the project ${titled(p.project, l)} you take part in to its next stage: ${stage.en} (${day(p.takenOn)}).`)],
    };
  },
  monitoring_report_adopted: (p, l) => ({
    subject: say(l, `Przyjęto raport z monitorowania strategii za rok ${p.year}`, `The strategy monitoring report for ${p.year} was adopted`),
    paragraphs: [say(l, `Wydanie ${p.edition} raportu z monitorowania strategii za rok ${p.year} przyjęto: ${p.resolution}.`, `Edition ${p.edition} of the strategy monitoring report for ${p.year} was adopted: ${p.resolution}.`)],
  }),
};
