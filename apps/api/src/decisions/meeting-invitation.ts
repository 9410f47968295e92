import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { warsawDateTime } from '../platform/warsaw-time';

/** A calendar needs an end; a meeting's notice names only its start, so invitations give it this nominal length. */
const NOMINAL_LENGTH_MS = 2 * 60 * 60 * 1000;

export interface InvitedMeeting {
  id: string;
  title: string;
  bodyName: string;
  startsAt: Date;
  secondTermAt: Date | null;
  place: string;
  /** `decision_meetings.sequence`: raised by every change and by the cancellation. */
  sequence: number;
}

export interface InvitationInput {
  method: 'REQUEST' | 'CANCEL';
  meeting: InvitedMeeting;
  /** The host the UID is named in (the host of PUBLIC_URL): `meeting-<id>@<host>`, the same in every update. */
  host: string;
  /** The app's sender (MAIL_FROM, "Name <address>" or an address): the invitation's ORGANIZER. */
  organizer: string;
  attendee: { address: string; name: string; language: 'pl' | 'en' };
  /** The meeting's page (an absolute URL), in the DESCRIPTION and as the event's URL. */
  url: string;
  /** A cancellation's reason. */
  reason?: string;
  /** DTSTAMP (now by default). */
  stamp?: Date;
}

/** The iCalendar UID of a meeting's invitation: the same for the call, every change and the cancellation. */
export function meetingUid(meetingId: string, host: string): string {
  return `meeting-${meetingId}@${host}`;
}

/** "Name <address>" → its parts; a bare address has no name. */
export function mailbox(from: string): { name: string | null; email: string } {
  const match = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(from);
  if (match) return { name: match[1]!.trim() || null, email: match[2]!.trim() };
  return { name: null, email: from.trim() };
}

/**
 * A meeting's invitation as an iTIP message (RFC 5546) for one attendee: METHOD:REQUEST when a meeting is called or
 * changed (the same UID, SEQUENCE raised by each change, so a calendar updates the event it has), METHOD:CANCEL with
 * STATUS:CANCELLED when it is cancelled. Times are in UTC (DTSTART…Z), which every calendar shows in its own zone.
 */
export function meetingInvitation(input: InvitationInput): { method: 'REQUEST' | 'CANCEL'; content: string } {
  const { meeting, attendee } = input;
  const en = attendee.language === 'en';
  const organizer = mailbox(input.organizer);
  const cancel = input.method === 'CANCEL';
  const lines = [
    `${meeting.bodyName}: ${meeting.title}`,
    cancel ? (en ? 'The meeting has been cancelled.' : 'Posiedzenie zostało odwołane.') : '',
    cancel && input.reason ? `${en ? 'Reason' : 'Powód'}: ${input.reason}` : '',
    `${en ? 'When' : 'Termin'}: ${warsawDateTime(meeting.startsAt, attendee.language)}`,
    meeting.secondTermAt && !cancel ? `${en ? 'Second term' : 'Drugi termin'}: ${warsawDateTime(meeting.secondTermAt, attendee.language)}` : '',
    meeting.place ? `${en ? 'Where' : 'Miejsce'}: ${meeting.place}` : '',
    `${en ? 'The meeting, its agenda and check-in' : 'Posiedzenie, porządek obrad i potwierdzenie obecności'}: ${input.url}`,
  ].filter((line) => line !== '');
  const calendar = ical({
    prodId: { company: 'Commonplan', product: 'meetings', language: en ? 'EN' : 'PL' },
    method: cancel ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  calendar.createEvent({
    id: meetingUid(meeting.id, input.host),
    sequence: meeting.sequence,
    stamp: input.stamp ?? new Date(),
    start: meeting.startsAt,
    end: new Date(meeting.startsAt.getTime() + NOMINAL_LENGTH_MS),
    summary: meeting.title,
    location: meeting.place || null,
    description: lines.join('\n'),
    url: input.url,
    organizer: organizer.name ? { name: organizer.name, email: organizer.email } : { name: organizer.email, email: organizer.email },
    attendees: [{ email: attendee.address, name: attendee.name, role: ICalAttendeeRole.REQ, status: ICalAttendeeStatus.NEEDSACTION, rsvp: false }],
    status: cancel ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  return { method: input.method, content: calendar.toString() };
}
