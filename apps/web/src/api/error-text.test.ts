import { describe, expect, it } from 'vitest';
import { createI18n } from '../i18n';
import { ApiError, toApiError } from './client';
import { errorText, fieldErrorsOf, fieldErrorText, formErrorText } from './error-text';

const pl = createI18n('pl').t;
const en = createI18n('en').t;

/** An error as the API sends it: problem details with a stable code. */
const problem = (status: number, code: string, detail = 'whatever the English says', errors?: unknown[]) =>
  toApiError(status, { type: `urn:commonplan:problem:${code}`, title: 't', status, detail, code, errors, statusCode: status, message: detail });

describe('errorText', () => {
  it('translates the stable codes of the API, whatever its English wording', () => {
    expect(errorText(problem(401, 'wrong_credentials'), pl)).toBe('Nieprawidłowy adres e-mail lub hasło.');
    expect(errorText(problem(409, 'last_coordinator'), en)).toBe('The workspace must keep at least one active coordinator.');
    expect(errorText(problem(409, 'deactivate_self'), pl)).toBe('Nie możesz dezaktywować własnego konta.');
    expect(errorText(problem(410, 'invitation_expired'), en)).toBe('This invitation has expired. Ask the coordinator for a new one.');
    expect(errorText(problem(401, 'sign_in_required'), en)).toBe('This invitation is for an existing account. Sign in to it to accept the invitation.');
    expect(errorText(problem(404, 'person_not_found'), en)).toBe('This person was not found in the workspace.');
  });

  it('translates the codes of documents, versions and comments', () => {
    expect(errorText(problem(403, 'document_access_ended', 'your access to this document has ended'), pl)).toBe('Twój dostęp do tego dokumentu wygasł.');
    expect(errorText(problem(403, 'document_access_insufficient'), en)).toBe(
      'Your access to this document does not allow this. If you need more, ask a coordinator.',
    );
    expect(errorText(problem(409, 'document_status_not_allowed'), pl)).toBe(pl('errors.documentStatusNotAllowed'));
    const taken = problem(409, 'version_name_taken', 'name: version 1 is already called "v1"', [
      { field: 'name', message: 'already used by another version of this document', code: 'version_name_taken' },
    ]);
    expect(fieldErrorsOf(taken, pl)).toEqual({ name: 'Inna wersja tego dokumentu ma już tę nazwę.' });
    const mention = problem(400, 'validation_failed', 'x', [{ field: 'mentions', message: 'reworded', code: 'mention_not_allowed' }]);
    expect(fieldErrorsOf(mention, en)).toEqual({ mentions: en('errors.field.mentionNotAllowed') });
  });

  it('says a default code by its status, and the code wins over wording', () => {
    expect(errorText(problem(403, 'forbidden', 'you cannot deactivate yourself'), en)).toBe('You are not allowed to do this.');
    expect(errorText(problem(404, 'not_found'), pl)).toBe(pl('errors.notFound'));
    expect(errorText(problem(409, 'made_up_code'), en)).toBe('This change cannot be made now.');
  });

  it('translates the consultations’ codes, and no longer guesses from their English wording', () => {
    expect(errorText(problem(409, 'round_not_yet_open'), en)).toBe(en('errors.roundNotYetOpen'));
    expect(errorText(problem(409, 'passage_gone'), pl)).toBe(pl('proposal.gone'));
    expect(errorText(problem(409, 'round_not_editable'), pl)).toBe(pl('rounds.edit.conflict'));
    expect(errorText(problem(409, 'triage_bulk_refused'), en)).toBe(en('triage.bulk.refused'));
    expect(errorText(new ApiError(409, 'the round opens at its opening time, not before'), en)).toBe(en('errors.conflict'));
  });

  it('keeps the problem’s extension members', () => {
    const refused = toApiError(409, { code: 'triage_bulk_refused', detail: 'x', comments: [{ id: 'c1', number: 'U/2026/0001', reason: 'r' }] });
    expect(refused.extensions).toEqual({ comments: [{ id: 'c1', number: 'U/2026/0001', reason: 'r' }] });
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
  it('translates field problem codes', () => {
    expect(fieldErrorText({ field: 'password', message: 'x', code: 'password_too_short' }, pl)).toBe('Hasło musi mieć co najmniej 10 znaków.');
    expect(fieldErrorText({ field: 'email', message: 'x', code: 'invalid_email' }, en)).toBe('Enter a valid e-mail address, such as jan.kowalski@gmina.pl.');
    expect(fieldErrorText({ field: 'organisationId', message: 'x', code: 'organisation_required' }, en)).toBe('Choose the organisation this person represents.');
    expect(fieldErrorText({ field: 'x', message: 'something else' }, en)).toBe('This value is not valid.');
  });

  it('words the domain password rules that forms check before sending', () => {
    expect(fieldErrorText('password must be at least 10 characters long', pl)).toBe('Hasło musi mieć co najmniej 10 znaków.');
    expect(fieldErrorText('password must not repeat one character', en)).toBe('The password must not be one character repeated.');
  });

  it('maps the first problem of each field, and asks to correct the fields above the form', () => {
    const error = problem(400, 'validation_failed', 'x', [
      { field: 'password', message: 'password must not repeat one character', code: 'password_repeated' },
      { field: 'password', message: 'password must be at most 200 characters long', code: 'password_too_long' },
      { field: 'displayName', message: 'displayName: displayName is required to create your account', code: 'display_name_required' },
    ]);
    expect(fieldErrorsOf(error, en)).toEqual({
      password: 'The password must not be one character repeated.',
      displayName: 'Enter your name.',
    });
    expect(formErrorText(error, en)).toBe('Correct the marked fields.');
    expect(formErrorText(null, en)).toBeNull();
  });
});
