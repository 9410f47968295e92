import { reportDueAt } from '@commonplan/domain';
import ical, { ICalEventStatus, ICalEventTransparency } from 'ical-generator';
import { meetingUid } from '../../decisions/meeting-invitation';
import { warsawDateTime } from '../../platform/warsaw-time';

/** The languages the feed's words come in (the person's language for e-mails). */
export type FeedLanguage = 'pl' | 'en';

/** How long a meeting is shown to last (its notice names only its start): as in its e-mail invitations. */
export const MEETING_DURATION_MS = 2 * 60 * 60 * 1000;

/** The host part of every UID this server gives an event: the host name of PUBLIC_URL. */
export function calendarHost(publicUrl: string): string {
  return new URL(publicUrl).hostname || 'commonplan.invalid';
}

/**
 * The UID of one of our events: `meeting-<id>@<host>` (the UID of the meeting's e-mail invitations too, so a calendar
 * takes both for one event), `vote-<id>@<host>`, `round-<id>@<host>` (the period), `round-<id>-closes@<host>`,
 * `round-<id>-report@<host>`, `call-<id>-closes@<host>` (a funding call's last day).
 */
export function calendarUid(kind: 'meeting' | 'vote' | 'round' | 'round-closes' | 'round-report' | 'call-closes', id: string, publicUrl: string): string {
  const host = calendarHost(publicUrl);
  if (kind === 'call-closes') return `call-${id}-closes@${host}`;
  if (kind === 'meeting') return meetingUid(id, host);
  if (kind === 'round-closes') return `round-${id}-closes@${host}`;
  if (kind === 'round-report') return `round-${id}-report@${host}`;
  return `${kind}-${id}@${host}`;
}

export interface FeedMeeting {
  id: string;
  workspaceId: string;
  workspaceName: string;
  bodyName: string;
  title: string;
  startsAt: Date;
  secondTermAt: Date | null;
  place: string;
  state: 'planned' | 'open' | 'closed' | 'cancelled';
  sequence: number;
  cancelReason: string;
}

export interface FeedVote {
  id: string;
  workspaceId: string;
  workspaceName: string;
  bodyName: string;
  resolutionId: string;
  resolutionTitle: string;
  closesAt: Date;
}

export interface FeedRound {
  id: string;
  workspaceId: string;
  workspaceName: string;
  title: string;
  opensAt: Date;
  closesAt: Date;
  /** Whether its report is published (then its due date is no longer shown). */
  reportPublished: boolean;
}

/** A funding call (nabór) of a workspace: its last day for applications. */
export interface FeedCall {
  id: string;
  workspaceId: string;
  workspaceName: string;
  programme: string;
  measure: string;
  /** YYYY-MM-DD, a day in Warsaw. */
  closesOn: string;
}

export interface FeedContent {
  meetings: FeedMeeting[];
  votes: FeedVote[];
  rounds: FeedRound[];
  calls: FeedCall[];
}

const WORDS = {
  pl: {
    calendarDescription: 'Posiedzenia, głosowania zdalne i terminy konsultacji z Commonplan',
    place: 'Miejsce',
    secondTerm: 'Drugi termin',
    cancelled: 'Posiedzenie odwołane',
    reason: 'Powód',
    page: 'Szczegóły',
    voteCloses: (title: string) => `Koniec głosowania: ${title}`,
    voteText: 'Głosowanie zdalne nad uchwałą; głos oddaje przedstawiciel członka do tego czasu.',
    round: (title: string) => `Konsultacje: ${title}`,
    roundCloses: (title: string) => `Koniec konsultacji: ${title}`,
    roundReport: (title: string) => `Termin sprawozdania z konsultacji: ${title}`,
    period: 'Uwagi przyjmowane do',
    reportText: 'Sprawozdanie z konsultacji publikuje się w ciągu 30 dni od ich zakończenia.',
    callCloses: (what: string) => `Koniec naboru: ${what}`,
    callText: 'Ostatni dzień składania wniosków o dofinansowanie.',
  },
  en: {
    calendarDescription: 'Meetings, remote votes and consultation deadlines from Commonplan',
    place: 'Place',
    secondTerm: 'Second term',
    cancelled: 'Meeting cancelled',
    reason: 'Reason',
    page: 'Details',
    voteCloses: (title: string) => `Vote closes: ${title}`,
    voteText: 'A remote vote on a resolution; the member’s representative votes by this time.',
    round: (title: string) => `Consultation: ${title}`,
    roundCloses: (title: string) => `Consultation closes: ${title}`,
    roundReport: (title: string) => `Consultation report due: ${title}`,
    period: 'Comments are taken until',
    reportText: 'The consultation report is published within 30 days of the close.',
    callCloses: (what: string) => `Funding call closes: ${what}`,
    callText: 'The last day to apply for funding.',
  },
} as const;

/**
 * A person's calendar feed as iCalendar text: the meetings of their workspaces' bodies (a cancelled one marked
 * STATUS:CANCELLED), the deadlines of open remote votes, and each consultation round's period, closing time and report
 * due date; every event with the link to its page. Times are in UTC (clients show them in their own zone).
 */
export function feedCalendar(content: FeedContent, options: { publicUrl: string; language: FeedLanguage; now?: Date }): string {
  const words = WORDS[options.language];
  const stamp = options.now ?? new Date();
  const page = (workspaceId: string, path: string) => `${options.publicUrl}/w/${workspaceId}/${path}`;
  const describe = (lines: Array<string | null>, url: string) => [...lines.filter((line): line is string => Boolean(line)), `${words.page}: ${url}`].join('\n');
  const calendar = ical({
    name: 'Commonplan',
    description: words.calendarDescription,
    prodId: { company: 'Commonplan', product: 'calendar-feed', language: options.language.toUpperCase() },
    ttl: 60 * 60,
  });

  for (const meeting of content.meetings) {
    const url = page(meeting.workspaceId, `meetings/${meeting.id}`);
    const cancelled = meeting.state === 'cancelled';
    calendar.createEvent({
      id: calendarUid('meeting', meeting.id, options.publicUrl),
      sequence: meeting.sequence,
      stamp,
      start: meeting.startsAt,
      end: new Date(meeting.startsAt.getTime() + MEETING_DURATION_MS),
      summary: meeting.title,
      location: meeting.place || null,
      status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      url,
      description: describe(
        [
          `${meeting.bodyName} · ${meeting.workspaceName}`,
          cancelled ? `${words.cancelled}${meeting.cancelReason ? `. ${words.reason}: ${meeting.cancelReason}` : ''}` : null,
          meeting.place ? `${words.place}: ${meeting.place}` : null,
          meeting.secondTermAt ? `${words.secondTerm}: ${warsawDateTime(meeting.secondTermAt, options.language)}` : null,
        ],
        url,
      ),
    });
  }

  for (const vote of content.votes) {
    const url = page(vote.workspaceId, `resolutions/${vote.resolutionId}`);
    calendar.createEvent({
      id: calendarUid('vote', vote.id, options.publicUrl),
      stamp,
      // A deadline: a moment (no end), which takes no time in the person's day.
      start: vote.closesAt,
      summary: words.voteCloses(vote.resolutionTitle),
      transparency: ICalEventTransparency.TRANSPARENT,
      url,
      description: describe([`${vote.bodyName} · ${vote.workspaceName}`, words.voteText], url),
    });
  }

  for (const round of content.rounds) {
    const url = page(round.workspaceId, `rounds/${round.id}`);
    const closes = `${words.period}: ${warsawDateTime(round.closesAt, options.language)}`;
    calendar.createEvent({
      id: calendarUid('round', round.id, options.publicUrl),
      stamp,
      start: round.opensAt,
      end: round.closesAt,
      summary: words.round(round.title),
      transparency: ICalEventTransparency.TRANSPARENT,
      url,
      description: describe([round.workspaceName, closes], url),
    });
    calendar.createEvent({
      id: calendarUid('round-closes', round.id, options.publicUrl),
      stamp,
      start: round.closesAt,
      summary: words.roundCloses(round.title),
      transparency: ICalEventTransparency.TRANSPARENT,
      url,
      description: describe([round.workspaceName, closes], url),
    });
    if (!round.reportPublished) {
      calendar.createEvent({
        id: calendarUid('round-report', round.id, options.publicUrl),
        stamp,
        start: reportDueAt(round.closesAt),
        summary: words.roundReport(round.title),
        transparency: ICalEventTransparency.TRANSPARENT,
        url,
        description: describe([round.workspaceName, words.reportText], url),
      });
    }
  }
  for (const call of content.calls) {
    const url = page(call.workspaceId, 'projects/calls');
    const [year, month, day] = call.closesOn.split('-').map(Number);
    calendar.createEvent({
      id: calendarUid('call-closes', call.id, options.publicUrl),
      stamp,
      // A whole day (VALUE=DATE): ical-generator writes the date of its UTC time, noon of that day in every zone.
      start: new Date(Date.UTC(year, month - 1, day, 12)),
      allDay: true,
      summary: words.callCloses(call.measure ? `${call.programme}, ${call.measure}` : call.programme),
      transparency: ICalEventTransparency.TRANSPARENT,
      url,
      description: describe([call.workspaceName, words.callText], url),
    });
  }
  return calendar.toString();
}
