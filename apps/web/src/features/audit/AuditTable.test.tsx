import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { auditEntry, members, people } from '../../test/fixtures';
import { renderWithApp } from '../../test/render';
import { AuditTable } from './AuditTable';

const lookups = { people, organisations: members, workspaceName: 'SSOM' };

describe('AuditTable', () => {
  it('shows number, actor, action in words and target', () => {
    const entries = [
      auditEntry({ id: 2, seq: 2 }),
      auditEntry({ id: 1, seq: 1, actor: null, action: 'workspace.demo_seeded', targetType: 'workspace', details: {} }),
    ];
    renderWithApp(<AuditTable entries={entries} lookups={lookups} />, { language: 'en' });
    expect(screen.getByRole('table', { name: 'Audit trail entries, newest first' })).toBeTruthy();
    const rows = screen.getAllByRole('row').slice(1);
    const first = within(rows[0]).getAllByRole('cell');
    expect(first[0].textContent).toBe('2');
    expect(first[2].textContent).toBe('Anna Koordynator');
    expect(within(rows[0]).getByRole('rowheader').textContent).toBe('Role changedExpert → Observer');
    expect(first[3].textContent).toBe('Person: Jan Przedstawiciel');
    expect(within(rows[1]).getAllByRole('cell')[2].textContent).toBe('System');
    expect(within(rows[1]).getByRole('rowheader').textContent).toBe('Demo data loaded');
  });

  it('says when the trail is empty', () => {
    renderWithApp(<AuditTable entries={[]} lookups={lookups} />);
    expect(screen.getByText('Dziennik nie ma jeszcze wpisów.')).toBeTruthy();
  });
});
