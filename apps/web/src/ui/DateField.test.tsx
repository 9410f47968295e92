import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../test/render';
import { DateField } from './DateField';
import { fromDayInput, toDayInput } from './date-input';

describe('a day typed as dd.mm.rrrr', () => {
  it('writes an ISO day the Polish way and reads the usual ways of typing one', () => {
    expect(toDayInput('2027-01-05')).toBe('05.01.2027');
    expect(toDayInput('')).toBe('');
    for (const typed of ['5.1.2027', '05.01.2027', ' 05-01-2027 ', '5/1/2027', '2027-01-05']) expect(fromDayInput(typed), typed).toBe('2027-01-05');
  });

  it('refuses what is not a day of the calendar', () => {
    for (const typed of ['', '29.02.2027', '31.04.2027', '00.01.2027', '05.13.2027', '05.01.27', '1/5/2027 9:00', 'jutro']) expect(fromDayInput(typed), typed).toBeNull();
    expect(fromDayInput('29.02.2028')).toBe('2028-02-29');
  });
});

function Form() {
  const [day, setDay] = useState('');
  return (
    <>
      <DateField id="end" label="Dostęp do dnia" hint="Zostaw puste, jeśli bez końca." value={day} onChange={setDay} />
      <output data-testid="day">{day}</output>
      <button type="button" onClick={() => setDay('')}>
        Wyczyść
      </button>
      <button type="button" onClick={() => setDay('2027-03-31')}>
        Do końca marca
      </button>
    </>
  );
}

describe('DateField', () => {
  it('is a labelled text field that says the format, gives the form ISO days and writes a brief day in full when left', async () => {
    const user = userEvent.setup();
    renderWithApp(<Form />);
    const input = screen.getByLabelText('Dostęp do dnia') as HTMLInputElement;
    expect(input.type).toBe('text');
    expect(document.getElementById(input.getAttribute('aria-describedby') ?? '')?.textContent).toBe('Zostaw puste, jeśli bez końca. Wpisz w formacie dd.mm.rrrr (np. 05.12.2026).');
    await user.type(input, '5.1.2027');
    expect(screen.getByTestId('day').textContent).toBe('2027-01-05');
    await user.tab();
    expect(input.value).toBe('05.01.2027');
    // Not a day: the form gets the text, to refuse it.
    await user.clear(input);
    await user.type(input, '31.04.2027');
    expect(screen.getByTestId('day').textContent).toBe('31.04.2027');
  });

  it('shows a day the form sets, and clears with it', async () => {
    const user = userEvent.setup();
    renderWithApp(<Form />);
    const input = screen.getByLabelText('Dostęp do dnia') as HTMLInputElement;
    await user.click(screen.getByRole('button', { name: 'Do końca marca' }));
    expect(input.value).toBe('31.03.2027');
    await user.click(screen.getByRole('button', { name: 'Wyczyść' }));
    expect(input.value).toBe('');
  });
});
