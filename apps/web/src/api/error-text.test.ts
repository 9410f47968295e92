import { describe, expect, it } from 'vitest';
import { createI18n } from '../i18n';
import { ApiError } from './client';
import { errorText, fieldErrorsOf, fieldErrorText, formErrorText } from './error-text';

const pl = createI18n('pl').t;
const en = createI18n('en').t;

describe('errorText', () => {
  it('recognises the messages of the API', () => {
    expect(errorText(new ApiError(401, 'wrong e-mail or password'), pl)).toBe('Nieprawidłowy adres e-mail lub hasło.');
    expect(errorText(new ApiError(409, 'the workspace must keep at least one active coordinator'), en)).toBe(
      'The workspace must keep at least one active coordinator.',
    );
    expect(errorText(new ApiError(409, 'you cannot deactivate yourself'), pl)).toBe('Nie możesz dezaktywować samego siebie.');
    expect(errorText(new ApiError(410, 'this invitation has expired'), en)).toBe('This invitation has expired. Ask the coordinator for a new one.');
  });

  it('falls back to the status', () => {
    expect(errorText(new ApiError(429, 'too many', [], 42), en)).toBe('Too many attempts. Try again in 42 s.');
    expect(errorText(new ApiError(0, 'network error'), pl)).toBe(
      'Brak połączenia z serwerem. Sprawdź połączenie z internetem i spróbuj ponownie.',
    );
    expect(errorText(new ApiError(503, 'x'), en)).toBe('The server ran into an error. Please try again in a moment.');
    expect(errorText(new Error('boom'), en)).toBe('Something went wrong. Please try again.');
  });
});

describe('field errors', () => {
  it('words the API and domain problems', () => {
    expect(fieldErrorText('password must be at least 10 characters long', pl)).toBe('Hasło musi mieć co najmniej 10 znaków.');
    expect(fieldErrorText('email must be an e-mail address', en)).toBe('Enter a valid e-mail address, such as jan.kowalski@gmina.pl.');
    expect(fieldErrorText('a representative must name the member organisation it represents', en)).toBe(
      'Choose the organisation this person represents.',
    );
    expect(fieldErrorText('something else', en)).toBe('This value is not valid.');
  });

  it('maps the first problem of each field, and asks to correct the fields above the form', () => {
    const error = new ApiError(400, 'x', [
      { field: 'password', message: 'password must not repeat one character' },
      { field: 'password', message: 'password must be at most 200 characters long' },
      { field: 'displayName', message: 'displayName is required to create your account' },
    ]);
    expect(fieldErrorsOf(error, en)).toEqual({
      password: 'The password must not be one character repeated.',
      displayName: 'Enter your name.',
    });
    expect(formErrorText(error, en)).toBe('Correct the marked fields.');
    expect(formErrorText(null, en)).toBeNull();
  });
});
