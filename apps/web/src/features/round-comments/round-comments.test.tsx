import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { documentFromJson } from '@commonplan/editor';
import { renderPage } from '../../test/fake-api';
import { renderWithApp } from '../../test/render';
import { ConsultationCommentForm } from './ConsultationCommentForm';
import { MyComments } from './MyComments';
import { OwnCommentPage } from './OwnCommentPage';
import { headingBefore } from './PassagePicker';
import type { SubmittedComment } from './round-comments-api';

const content = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: '1. Diagnoza' }] },
    { type: 'paragraph', content: [{ type: 'text', text: 'Smog zimą.' }] },
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: '2. Cele' }] },
    { type: 'paragraph', content: [{ type: 'text', text: 'Transport publiczny.' }] },
  ],
};

/** fetch answering every call with `status` and `body`, recording what was sent. */
function fakeFetch(status: number, body: unknown) {
  const calls: Array<{ url: string; body: unknown }> = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      calls.push({ url, body: init.body ? JSON.parse(String(init.body)) : undefined });
      return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    }),
  );
  return calls;
}

afterEach(() => vi.unstubAllGlobals());

describe('headingBefore', () => {
  it('names the last heading before a position, and nothing before the first', () => {
    const doc = documentFromJson(content);
    const at = (words: string) => {
      let pos = -1;
      doc.descendants((node, p) => {
        if (node.isText && node.text?.includes(words)) pos = p;
      });
      return pos;
    };
    expect(headingBefore(doc, at('Transport'))).toBe('2. Cele');
    expect(headingBefore(doc, at('Smog'))).toBe('1. Diagnoza');
    expect(headingBefore(doc, 0)).toBe('');
  });
});

describe('ConsultationCommentForm', () => {
  it('asks for the part, the justification and the name before sending anything', async () => {
    const calls = fakeFetch(201, {});
    const user = userEvent.setup();
    renderWithApp(<ConsultationCommentForm roundId="r1" content={content} informationClause="Administratorem jest SSOM." mode="public" />);
    await user.click(screen.getByRole('button', { name: 'Wyślij uwagę' }));
    expect(calls).toHaveLength(0);
    for (const label of ['Część dokumentu (rozdział, punkt)', 'Uzasadnienie', 'Imię i nazwisko']) {
      expect(screen.getByLabelText(label).getAttribute('aria-invalid')).toBe('true');
    }
    expect(document.activeElement).toBe(screen.getByLabelText('Część dokumentu (rozdział, punkt)'));
  });

  it('sends a public comment with its submitter, keeps the e-mail out of sight, and shows the receipt with the number', async () => {
    const calls = fakeFetch(201, { id: 'c1', number: 'U/2026/0042', roundTitle: 'Strategia SSOM 2030', submittedAt: '2026-11-30T10:00:00Z', editSecret: 'sekret' });
    const user = userEvent.setup();
    renderWithApp(<ConsultationCommentForm roundId="r1" content={content} informationClause="Administratorem jest SSOM." mode="public" />);
    await user.type(screen.getByLabelText('Część dokumentu (rozdział, punkt)'), '2. Cele');
    await user.type(screen.getByLabelText('Obecne brzmienie'), 'Transport publiczny.');
    await user.type(screen.getByLabelText('Proponowane brzmienie'), 'Kolej metropolitalna.');
    await user.type(screen.getByLabelText('Uzasadnienie'), 'Dojazdy do pracy.');
    await user.selectOptions(screen.getByLabelText('Zgłaszam jako'), 'instytucja');
    await user.type(screen.getByLabelText('Nazwa instytucji'), 'Stowarzyszenie Czyste Powietrze');
    await user.selectOptions(screen.getByLabelText('Rodzaj zgłaszającego'), 'inny');
    await user.type(screen.getByLabelText('Adres e-mail (nieobowiązkowy)'), 'biuro@example.org');
    await user.click(screen.getByRole('button', { name: 'Wyślij uwagę' }));
    expect(calls).toEqual([
      {
        url: '/api/public/rounds/r1/comments',
        body: {
          part: '2. Cele',
          currentWording: 'Transport publiczny.',
          proposedWording: 'Kolej metropolitalna.',
          justification: 'Dojazdy do pracy.',
          submitter: { kind: 'institution', name: 'Stowarzyszenie Czyste Powietrze', type: 'other' },
          email: 'biuro@example.org',
        },
      },
    ]);
    const receipt = await screen.findByRole('heading', { name: 'Uwaga przyjęta' });
    expect(receipt.closest('section')?.textContent).toContain('U/2026/0042');
    expect(receipt.closest('section')?.textContent).not.toContain('biuro@example.org');
    // The field only robots see is not offered to keyboard users.
    await user.click(screen.getByRole('button', { name: 'Zgłoś kolejną uwagę' }));
    expect(screen.getByLabelText('Strona internetowa (zostaw to pole puste)').getAttribute('tabindex')).toBe('-1');
  });

  it('sends a signed-in comment without a submitter and puts the API’s field errors on the fields', async () => {
    const calls = fakeFetch(400, { statusCode: 400, message: 'justification: too long', errors: [{ field: 'justification', message: 'justification must be shorter than or equal to 20000 characters' }] });
    const user = userEvent.setup();
    renderWithApp(<ConsultationCommentForm roundId="r1" content={content} informationClause="Administratorem jest SSOM." mode="signedIn" />);
    expect(screen.queryByLabelText('Imię i nazwisko')).toBeNull();
    await user.type(screen.getByLabelText('Część dokumentu (rozdział, punkt)'), '1. Diagnoza');
    await user.type(screen.getByLabelText('Uzasadnienie'), 'Za długie.');
    await user.click(screen.getByRole('button', { name: 'Wyślij uwagę' }));
    expect(calls[0]).toEqual({ url: '/api/rounds/r1/comments', body: { part: '1. Diagnoza', currentWording: '', proposedWording: '', justification: 'Za długie.' } });
    await waitFor(() => expect(screen.getByLabelText('Uzasadnienie').getAttribute('aria-invalid')).toBe('true'));
  });
});

describe('the state of a received comment', () => {
  const comment: SubmittedComment = {
    id: 'c1',
    number: 'U/2026/0001',
    part: 'Rozdział 2. Cele',
    passage: null,
    currentWording: '',
    proposedWording: 'Cel 1. Kolej i tramwaj.',
    justification: 'Tramwaj dojeżdża do Polic.',
    submitter: { kind: 'person', name: 'Jan Kowalski', type: 'resident' },
    channel: 'online_form',
    withdrawn: false,
    createdAt: '2026-12-02T10:00:00.000Z',
    updatedAt: '2026-12-02T10:00:00.000Z',
  };

  it('reads “złożona” (submitted), not “przyjęta”, in the sender’s list until a disposition is decided', () => {
    renderWithApp(<MyComments comments={[comment, { ...comment, id: 'c2', number: 'U/2026/0002', withdrawn: true }]} open onChanged={vi.fn()} />);
    const [first, second] = screen.getAllByRole('row').slice(1);
    expect(within(first!).getByRole('cell', { name: /^złożona/ })).toBeTruthy();
    expect(first!.textContent).not.toContain('przyjęta');
    expect(within(second!).getByRole('cell', { name: 'wycofana' })).toBeTruthy();
  });

  it('reads “Stan: złożona” on the sender’s own comment page, and “submitted” in English', async () => {
    const routes = { 'GET /public/consultation-comments/c1': { ...comment, roundId: 'r1', editable: false } };
    const options = { route: '/consultations/:roundId/comments/:commentId', path: '/consultations/r1/comments/c1#kod=sekret', role: 'coordinator' as const, routes };
    const { unmount } = renderPage(<OwnCommentPage />, options);
    const state = await screen.findByText('Stan');
    expect(state.nextElementSibling?.textContent).toBe('złożona');
    expect(screen.queryByText('przyjęta')).toBeNull();
    unmount();
    renderPage(<OwnCommentPage />, { ...options, language: 'en' });
    expect((await screen.findByText('State')).nextElementSibling?.textContent).toBe('submitted');
  });
});
