import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/client';
import { renderWithApp } from '../../test/render';
import { ChainStatus } from './ChainStatus';

describe('ChainStatus', () => {
  it('reports a verified chain in a status region and verifies again on request', async () => {
    const user = userEvent.setup();
    const onVerify = vi.fn();
    renderWithApp(
      <ChainStatus report={{ valid: true, checkedEntries: 12, headSeq: 12, firstBroken: null }} checking={false} error={null} onVerify={onVerify} />,
      { language: 'en' },
    );
    expect(screen.getByRole('status').textContent).toBe('Chain verified: all entries are intact (entries checked: 12).');
    await user.click(screen.getByRole('button', { name: 'Verify again' }));
    expect(onVerify).toHaveBeenCalledOnce();
  });

  it('names the first broken entry and why', () => {
    renderWithApp(
      <ChainStatus
        report={{ valid: false, checkedEntries: 2, headSeq: 5, firstBroken: { seq: 3, id: 3, reason: 'its link to the previous entry does not match' } }}
        checking={false}
        error={null}
        onVerify={vi.fn()}
      />,
    );
    expect(screen.getByRole('status').textContent).toBe(
      'Łańcuch naruszony. Pierwszy uszkodzony wpis: nr 3. Powód: jego powiązanie z poprzednim wpisem się nie zgadza.',
    );
  });

  it('shows progress and errors', () => {
    const { rerender } = renderWithApp(<ChainStatus report={null} checking error={null} onVerify={vi.fn()} />);
    expect(screen.getByRole('status').textContent).toBe('Sprawdzanie łańcucha wpisów…');
    rerender(<ChainStatus report={null} checking={false} error={new ApiError(403, 'your role may not')} onVerify={vi.fn()} />);
    expect(screen.getByRole('status').textContent).toBe('Nie masz uprawnień do tej czynności.');
  });
});
