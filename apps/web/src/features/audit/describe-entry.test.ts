import { describe, expect, it } from 'vitest';
import { createI18n } from '../../i18n';
import { auditEntry, members, people } from '../../test/fixtures';
import { actionText, brokenReasonText, detailsText, KNOWN_ACTIONS, targetText } from './describe-entry';

const pl = createI18n('pl').t;
const en = createI18n('en').t;
const lookups = { people, organisations: members, workspaceName: 'SSOM' };

describe('actionText', () => {
  it('names every known action in both languages (action names contain dots)', () => {
    for (const action of KNOWN_ACTIONS) {
      expect(pl(`audit.actions.${action}`)).not.toContain('audit.actions');
      expect(en(`audit.actions.${action}`)).not.toContain('audit.actions');
    }
    expect(actionText('membership.deactivated', pl)).toBe('Dezaktywacja osoby');
    expect(actionText('membership.deactivated', en)).toBe('Person deactivated');
  });

  it('says "other event" with the code for an action it does not know', () => {
    expect(actionText('vote.cast', en)).toBe('Other event (vote.cast)');
  });
});

describe('targetText', () => {
  it('names the person, invitation, organisation or workspace', () => {
    expect(targetText(auditEntry({}), lookups, pl)).toBe('Osoba: Jan Przedstawiciel');
    expect(targetText(auditEntry({ targetType: 'invitation', targetId: 'x', details: { email: 'a@b.pl' } }), lookups, en)).toBe(
      'Invitation: a@b.pl',
    );
    expect(targetText(auditEntry({ targetType: 'organisation', targetId: 'm2', details: {} }), lookups, pl)).toBe(
      'Organizacja: Gmina Dobra',
    );
    expect(targetText(auditEntry({ targetType: 'workspace', targetId: 'w' }), lookups, en)).toBe('Workspace: SSOM');
  });

  it('falls back to a short id, or to nothing', () => {
    expect(targetText(auditEntry({ targetType: 'membership', targetId: '0123456789abcdef' }), lookups, en)).toBe('Person: 01234567…');
    expect(targetText(auditEntry({ targetType: null, targetId: null }), lookups, en)).toBe('none');
  });
});

describe('detailsText', () => {
  it('shows a role change in words', () => {
    expect(detailsText(auditEntry({}), pl)).toBe('Ekspert → Obserwator');
    expect(detailsText(auditEntry({ action: 'invitation.created', details: { role: 'partner' } }), en)).toBe('role: Partner');
    expect(detailsText(auditEntry({ action: 'auth.login', details: {} }), en)).toBeNull();
  });
});

describe('brokenReasonText', () => {
  it('translates the reasons the verifier gives', () => {
    expect(brokenReasonText('its content does not match its hash (it was changed)', pl)).toBe(
      'jego treść nie zgadza się ze skrótem (wpis zmieniono).',
    );
    expect(brokenReasonText('entry 4 is missing (found 6 next)', en)).toBe('entry no. 4 is missing (entry no. 6 comes next).');
    expect(brokenReasonText('entries 7 to 9 are missing (deleted)', pl)).toBe('brakuje wpisów od nr 7 do nr 9 (usunięto je).');
  });

  it('passes on a reason it does not know', () => {
    expect(brokenReasonText('something new', pl)).toBe('something new');
  });
});
