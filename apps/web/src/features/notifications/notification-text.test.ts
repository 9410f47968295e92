import { describe, expect, it } from 'vitest';
import { NOTIFICATION_KINDS, type NotificationKind, type NotificationParams } from '@commonplan/domain';
import { createI18n } from '../../i18n';
import { notificationText, openLabel, safeLink } from './notification-text';
import type { NotificationItem } from './notifications-api';

const AT = '2026-12-06T23:26:00.000Z'; // 7 Dec 2026, 00:26 in Warsaw (winter time)
const LATER = '2026-07-10T08:00:00.000Z'; // 10 Jul 2026, 10:00 in Warsaw (summer time)

/** Params of every kind, as the API stores them (typed by libs/domain: a kind without them does not compile). */
const PARAMS: { [K in NotificationKind]: NotificationParams[K] } = {
  mention: { actor: 'Ewa Ekspertka', document: 'Strategia SOM 2030', excerpt: 'A Goleniów?' },
  reply: { actor: 'Ewa Ekspertka', document: 'Strategia SOM 2030', excerpt: 'Tak.' },
  document_shared: { actor: 'Anna Koordynator', document: 'Plan mobilności', access: 'comment', until: null },
  version_frozen: { actor: 'Anna Koordynator', document: 'Plan mobilności', version: 'Projekt do konsultacji', number: 2 },
  passage_deleted: { document: 'Plan mobilności', quote: 'Kolej metropolitalna' },
  round_announced: { round: 'Konsultacje planu', opensAt: AT, closesAt: LATER },
  round_opened: { round: 'Konsultacje planu', closesAt: LATER },
  round_closing: { round: 'Konsultacje planu', closesAt: LATER },
  round_closed: { round: 'Konsultacje planu', closedAt: AT },
  comment_assigned: { actor: 'Anna Koordynator', round: 'Konsultacje planu', number: 'U-12' },
  disposition_to_approve: { actor: 'Ewa Ekspertka', round: 'Konsultacje planu', number: 'U-12', disposition: 'accepted' },
  meeting_called: { body: 'Zarząd', meeting: 'Posiedzenie nr 3', startsAt: LATER, place: '' },
  meeting_changed: { body: 'Zarząd', meeting: 'Posiedzenie nr 3', startsAt: LATER, place: 'Sala 1' },
  meeting_cancelled: { body: 'Zarząd', meeting: 'Posiedzenie nr 3', startsAt: LATER, reason: '' },
  vote_opened: { resolution: 'Uchwała budżetowa', closesAt: null },
  vote_closing: { resolution: 'Uchwała budżetowa', closesAt: LATER },
  vote_closed: { resolution: 'Uchwała budżetowa', result: 'no_quorum', for: 3, against: 0, abstain: 1 },
  approval_requested: { document: 'Plan mobilności', version: 'Wersja 2', organisation: 'Gmina Dobra' },
  proxy_given: { actor: 'Jan Przedstawiciel', meeting: 'Posiedzenie nr 3', organisation: 'Gmina Dobra', startsAt: LATER },
  project_stage_changed: { actor: 'Anna Koordynator', project: 'Trasy rowerowe', stage: 'granted', takenOn: '2027-01-02' },
  monitoring_report_adopted: { year: 2026, edition: 2, resolution: 'Uchwała nr 7/2027 Zarządu' },
};

const item = <K extends NotificationKind>(kind: K, params: NotificationParams[K], link = '/w/w1'): NotificationItem => ({
  id: 'n1',
  kind,
  category: NOTIFICATION_KINDS[kind],
  actor: null,
  document: null,
  threadId: null,
  link,
  params: params as unknown as NotificationItem['params'],
  excerpt: '',
  createdAt: AT,
  read: false,
});

const pl = createI18n('pl');
const en = createI18n('en');
const say = (i: NotificationItem, language: 'pl' | 'en') => notificationText(i, (language === 'pl' ? pl : en).t, language).replace(/[\u00a0\u202f]/g, ' ');

describe('notificationText', () => {
  it('writes every kind in both languages, with every fact of its params and no placeholder left', () => {
    for (const kind of Object.keys(PARAMS) as NotificationKind[]) {
      for (const language of ['pl', 'en'] as const) {
        const text = say(item(kind, PARAMS[kind]), language);
        expect(text, `${kind} ${language}`).not.toMatch(/\{\{|notifications\./);
        for (const [key, value] of Object.entries(PARAMS[kind])) {
          // Times are formatted; coded words are translated; an excerpt or quote is shown under the sentence.
          if (typeof value !== 'string' || value === '' || ['access', 'result', 'disposition', 'excerpt', 'quote', 'opensAt', 'closesAt', 'closedAt', 'startsAt', 'until', 'stage', 'takenOn'].includes(key)) continue;
          expect(text, `${kind} ${language} has its ${key}`).toContain(value);
        }
      }
    }
  });

  it('writes times in Warsaw and coded words in the reader’s language', () => {
    expect(say(item('round_announced', PARAMS.round_announced), 'pl')).toBe('Ogłoszono konsultacje „Konsultacje planu”: uwagi od 7 gru 2026, 00:26 do 10 lip 2026, 10:00');
    expect(say(item('round_announced', PARAMS.round_announced), 'en')).toBe('Consultation “Konsultacje planu” announced: comments from Dec 7, 2026, 12:26 AM until Jul 10, 2026, 10:00 AM');
    expect(say(item('document_shared', PARAMS.document_shared), 'pl')).toBe('Anna Koordynator udostępnia Ci dokument „Plan mobilności”: możesz go komentować');
    expect(say(item('document_shared', { ...PARAMS.document_shared, access: 'edit', until: AT }), 'en')).toBe(
      'Anna Koordynator shared “Plan mobilności” with you: you may edit it until Dec 7, 2026, 12:26 AM',
    );
    expect(say(item('vote_closed', PARAMS.vote_closed), 'pl')).toBe(
      'Głosowanie nad uchwałą „Uchwała budżetowa” zakończone: brak kworum, głosowanie nierozstrzygnięte (za: 3, przeciw: 0, wstrzymało się: 1)',
    );
  });

  it('names a project’s stage and day in the reader’s language', () => {
    expect(say(item('project_stage_changed', PARAMS.project_stage_changed), 'pl')).toBe('Anna Koordynator przenosi projekt „Trasy rowerowe” do etapu: Dofinansowanie przyznane (2 sty 2027)');
    expect(say(item('project_stage_changed', PARAMS.project_stage_changed), 'en')).toBe('Anna Koordynator moved the project “Trasy rowerowe” to its next stage: Funding granted (Jan 2, 2027)');
    expect(say(item('monitoring_report_adopted', PARAMS.monitoring_report_adopted), 'pl')).toBe('Przyjęto wydanie 2 raportu z monitorowania strategii za rok 2026: Uchwała nr 7/2027 Zarządu');
  });

  it('says the optional facts only when they are there', () => {
    expect(say(item('meeting_called', PARAMS.meeting_called), 'pl')).toBe('Zarząd: zwołano posiedzenie „Posiedzenie nr 3” na 10 lip 2026, 10:00');
    expect(say(item('meeting_changed', PARAMS.meeting_changed), 'pl')).toBe('Zarząd: zmieniono posiedzenie „Posiedzenie nr 3”, termin: 10 lip 2026, 10:00, miejsce: Sala 1');
    expect(say(item('meeting_cancelled', { ...PARAMS.meeting_cancelled, reason: 'Brak sali.' }), 'en')).toBe(
      'Zarząd: meeting “Posiedzenie nr 3” planned for Jul 10, 2026, 10:00 AM was cancelled. Reason: Brak sali.',
    );
    expect(say(item('vote_opened', PARAMS.vote_opened), 'pl')).toBe('Na posiedzeniu otwarto głosowanie nad uchwałą „Uchwała budżetowa”');
    expect(say(item('vote_opened', { ...PARAMS.vote_opened, closesAt: LATER }), 'pl')).toBe('Trwa głosowanie nad uchwałą „Uchwała budżetowa”: głos można oddać do 10 lip 2026, 10:00');
  });

  it('words a disposition and a bulk assignment as people say them', () => {
    expect(say(item('disposition_to_approve', PARAMS.disposition_to_approve), 'pl')).toContain('(uwzględniona)');
    expect(say(item('disposition_to_approve', { ...PARAMS.disposition_to_approve, disposition: 'partly_accepted' }), 'en')).toContain('(partly accepted)');
    expect(say(item('comment_assigned', PARAMS.comment_assigned), 'pl')).toBe('Anna Koordynator przydziela Ci uwagę U-12 w konsultacjach „Konsultacje planu”');
    expect(say(item('comment_assigned', { ...PARAMS.comment_assigned, number: 'U-12, U-13' }), 'pl')).toBe('Anna Koordynator przydziela Ci uwagi U-12, U-13 w konsultacjach „Konsultacje planu”');
    expect(say(item('comment_assigned', { ...PARAMS.comment_assigned, number: 'U-12, U-13' }), 'en')).toBe('Anna Koordynator assigned comments U-12, U-13 of the consultation “Konsultacje planu” to you');
  });

  it('gives a name with quotes of its own inner quotes', () => {
    expect(say(item('round_opened', { round: 'Konsultacje „Planu”', closesAt: LATER }), 'pl')).toBe('Konsultacje „Konsultacje «Planu»” są otwarte: uwagi do 10 lip 2026, 10:00');
  });

  it('names a mention recorded before params were kept from its actor and document', () => {
    const old = { ...item('mention', PARAMS.mention), params: {}, actor: { id: 'u2', displayName: 'Jan Przedstawiciel' }, document: { id: 'd1', title: 'Strategia' } };
    expect(say(old, 'pl')).toBe('Jan Przedstawiciel: wzmianka o Tobie w komentarzu do dokumentu „Strategia”');
  });
});

describe('openLabel and safeLink', () => {
  it('says what the link opens', () => {
    const label = (link: string) => openLabel(item('mention', PARAMS.mention, link), pl.t);
    expect(label('/w/w1/d/d1#thread-t1')).toBe('Otwórz komentarz');
    expect(label('/w/w1/d/d1')).toBe('Otwórz dokument');
    expect(label('/w/w1/d/d1/v/v1')).toBe('Otwórz wersję');
    expect(label('/w/w1/rounds/r1')).toBe('Otwórz konsultacje');
    expect(label('/w/w1/rounds/r1/comments')).toBe('Otwórz uwagi');
    expect(label('/w/w1/meetings/m1')).toBe('Otwórz posiedzenie');
    expect(label('/w/w1/resolutions/r1')).toBe('Otwórz uchwałę');
  });

  it('keeps links within the app', () => {
    expect(safeLink('/w/w1/d/d1', '/x')).toBe('/w/w1/d/d1');
    expect(safeLink('//evil.example/', '/x')).toBe('/x');
    expect(safeLink('https://evil.example/', '/x')).toBe('/x');
  });
});
