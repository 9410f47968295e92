import ICAL from 'ical.js';
import { mailbox, meetingInvitation, meetingUid } from './meeting-invitation';

const meeting = {
  id: '3f1c2a5e-0000-4000-8000-000000000001',
  title: 'XXI Walne Zebranie Członków; „budżet”, 2027',
  bodyName: 'Walne Zebranie Członków',
  startsAt: new Date('2026-12-10T09:30:00Z'),
  secondTermAt: new Date('2026-12-10T10:00:00Z'),
  place: 'Szczecin, ul. Wały Chrobrego 4',
  sequence: 3,
};
const attendee = { address: 'wojt@police.example', name: 'Jan Kowalski', language: 'pl' as const };

function read(content: string) {
  const calendar = new ICAL.Component(ICAL.parse(content));
  const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent') as ICAL.Component);
  return { calendar, event };
}

describe('a meeting’s invitation (iCalendar, RFC 5546)', () => {
  it('is a REQUEST for the attendee, from the app’s sender, in UTC, with the page in its description', () => {
    const { method, content } = meetingInvitation({ method: 'REQUEST', meeting, host: 'plan.som.example', organizer: 'Commonplan SSOM <powiadomienia@som.example>', attendee, url: 'https://plan.som.example/w/1/meetings/2' });
    expect(method).toBe('REQUEST');
    expect(content).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(content).toContain('\r\nDTSTART:20261210T093000Z\r\n');
    const { calendar, event } = read(content);
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(event.uid).toBe('meeting-3f1c2a5e-0000-4000-8000-000000000001@plan.som.example');
    expect(event.sequence).toBe(3);
    expect(event.summary).toBe(meeting.title);
    expect(event.location).toBe(meeting.place);
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-12-10T09:30:00.000Z');
    expect(event.endDate.toJSDate().getTime()).toBeGreaterThan(meeting.startsAt.getTime());
    expect(String(event.organizer)).toBe('mailto:powiadomienia@som.example');
    expect(event.component.getFirstProperty('organizer')?.getParameter('cn')).toBe('Commonplan SSOM');
    expect(event.attendees.map((a) => String(a.getFirstValue()).toLowerCase())).toEqual(['mailto:wojt@police.example']);
    expect(event.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
    // Warsaw's time in the reader's language, the second term, the place and the link.
    expect(event.description).toContain('Termin: 10 grudnia 2026, 10:30');
    expect(event.description).toContain('Drugi termin: 10 grudnia 2026, 11:00');
    expect(event.description).toContain('https://plan.som.example/w/1/meetings/2');
  });

  it('cancels the same event: METHOD:CANCEL, STATUS:CANCELLED, the same UID, with the reason in the reader’s language', () => {
    const { method, content } = meetingInvitation({
      method: 'CANCEL',
      meeting: { ...meeting, sequence: 4 },
      host: 'plan.som.example',
      organizer: 'powiadomienia@som.example',
      attendee: { ...attendee, language: 'en' },
      url: 'https://plan.som.example/w/1/meetings/2',
      reason: 'No room',
    });
    expect(method).toBe('CANCEL');
    const { calendar, event } = read(content);
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(event.uid).toBe(meetingUid(meeting.id, 'plan.som.example'));
    expect(event.sequence).toBe(4);
    expect(event.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(event.description).toContain('The meeting has been cancelled.');
    expect(event.description).toContain('Reason: No room');
    expect(event.description).not.toContain('Second term');
    expect(String(event.organizer)).toBe('mailto:powiadomienia@som.example');
  });

  it('reads the sender with or without a name', () => {
    expect(mailbox('Commonplan <no-reply@commonplan.invalid>')).toEqual({ name: 'Commonplan', email: 'no-reply@commonplan.invalid' });
    expect(mailbox('"Biuro SSOM" <biuro@som.example>')).toEqual({ name: 'Biuro SSOM', email: 'biuro@som.example' });
    expect(mailbox('biuro@som.example')).toEqual({ name: null, email: 'biuro@som.example' });
  });
});
