import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../test/render';
import { DateTimeField, fromLocalInput, toLocalInput } from './DateTimeField';

// The device is in New York: what is typed is still Polish time.
const deviceZone = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'America/New_York';
});
afterAll(() => {
  process.env.TZ = deviceZone;
});

const iso = (value: string) => fromLocalInput(value)?.toISOString() ?? null;

describe('the date and time typed in Polish time', () => {
  it('writes an instant as dd.mm.rrrr gg:mm on the clocks in Warsaw', () => {
    expect(toLocalInput(new Date('2026-12-05T23:26:26Z'))).toBe('06.12.2026 00:26');
    expect(toLocalInput(new Date('2026-07-01T07:05:00Z'))).toBe('01.07.2026 09:05');
  });

  it('reads what is typed as the UTC instant of that Warsaw time, in winter (UTC+1) and summer (UTC+2)', () => {
    expect(iso('05.12.2026 09:00')).toBe('2026-12-05T08:00:00.000Z');
    expect(iso('01.07.2026 09:00')).toBe('2026-07-01T07:00:00.000Z');
    expect(iso('06.12.2026 00:26')).toBe('2026-12-05T23:26:00.000Z');
  });

  it('understands the usual ways of writing it', () => {
    for (const typed of ['5.12.2026 9:00', ' 05.12.2026, 09:00 ', '5-12-2026 9.00', '5/12/2026 09:00', '2026-12-05T09:00', '2026-12-05 09:00:00']) {
      expect(iso(typed), typed).toBe('2026-12-05T08:00:00.000Z');
    }
  });

  it('across the change to summer time (29 March 2026): 1:59 is UTC+1, 3:00 UTC+2, 2:30 does not exist', () => {
    expect(iso('29.03.2026 01:59')).toBe('2026-03-29T00:59:00.000Z');
    expect(iso('29.03.2026 03:00')).toBe('2026-03-29T01:00:00.000Z');
    expect(iso('29.03.2026 02:30')).toBeNull();
  });

  it('across the change to winter time (25 October 2026): the hour 2:00–2:59 is taken in winter time', () => {
    expect(iso('25.10.2026 01:59')).toBe('2026-10-24T23:59:00.000Z');
    expect(iso('25.10.2026 02:30')).toBe('2026-10-25T01:30:00.000Z');
    expect(iso('25.10.2026 03:00')).toBe('2026-10-25T02:00:00.000Z');
    // Written back, each instant reads as it was typed.
    expect(toLocalInput(new Date('2026-10-25T00:30:00Z'))).toBe('25.10.2026 02:30');
    expect(toLocalInput(new Date('2026-10-25T01:30:00Z'))).toBe('25.10.2026 02:30');
  });

  it('refuses the empty, the misunderstood and dates that are not', () => {
    for (const typed of ['', '05.12.2026', '12/5/2026 9:00 AM', '31.02.2026 09:00', '05.13.2026 09:00', '05.12.2026 24:00', '05.12.2026 09:60', '05.12.26 09:00', 'jutro']) {
      expect(fromLocalInput(typed), typed).toBeNull();
    }
  });
});

function Controlled({ initial = '', onValue }: { initial?: string; onValue?: (value: string) => void }) {
  const [value, setValue] = useState(initial);
  return (
    <DateTimeField
      id="when"
      label="Termin"
      hint="Musi przypadać w przyszłości."
      value={value}
      onChange={(next) => {
        setValue(next);
        onValue?.(next);
      }}
      error={value && !fromLocalInput(value) ? 'Podaj datę i godzinę.' : undefined}
    />
  );
}

describe('DateTimeField', () => {
  it('is a labelled text field (not the browser’s own picker) that says the format under its hint', () => {
    renderWithApp(<Controlled />);
    const input = screen.getByLabelText('Termin') as HTMLInputElement;
    expect(input.type).toBe('text');
    const described = (input.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent);
    expect(described).toEqual(['Musi przypadać w przyszłości. Wpisz w formacie dd.mm.rrrr gg:mm, czas polski (np. 05.12.2026 09:00).']);
  });

  it('says the format in English too', () => {
    renderWithApp(<DateTimeField id="when" label="When" value="" onChange={vi.fn()} />, { language: 'en' });
    expect(document.getElementById(screen.getByLabelText('When').getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Type as dd.mm.yyyy hh:mm, Polish time (e.g. 05.12.2026 09:00).',
    );
  });

  it('writes a date typed briefly out in full when left, and leaves what it does not understand for the error', async () => {
    const user = userEvent.setup();
    const onValue = vi.fn();
    renderWithApp(<Controlled onValue={onValue} />);
    const input = screen.getByLabelText('Termin') as HTMLInputElement;
    await user.type(input, '5.12.2026 9:00');
    await user.tab();
    expect(input.value).toBe('05.12.2026 09:00');
    expect(input.getAttribute('aria-invalid')).toBeNull();
    await user.clear(input);
    await user.type(input, '31.02.2026 9:00');
    onValue.mockClear();
    await user.tab();
    expect(onValue).not.toHaveBeenCalled();
    expect(input.value).toBe('31.02.2026 9:00');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById('when-error')?.textContent).toBe('Podaj datę i godzinę.');
  });
});
