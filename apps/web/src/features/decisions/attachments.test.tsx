import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Role } from '@commonplan/domain';
import { type FakeRoute, renderPage, reply } from '../../test/fake-api';
import { plain } from '../../test/render';
import type { AttachmentView } from './attachments-api';
import { AttachmentsSection } from './AttachmentsSection';
import type { ResolutionState, ResolutionView } from './decisions-api';
import { DecisionsPage } from './DecisionsPage';
import { assembly, board, resolution } from './fixtures';

const statute: AttachmentView = { id: 'a1', position: 1, name: 'statut.pdf', mediaType: 'application/pdf', size: 12_700, sha256: '0123456789ab'.padEnd(64, 'c') };
const map: AttachmentView = { id: 'a2', position: 2, name: 'mapa obszaru.png', mediaType: 'image/png', size: 3 * 1024 * 1024 + 200_000, sha256: 'fedcba987654'.padEnd(64, 'd') };
const budget: AttachmentView = { id: 'a3', position: 3, name: 'budżet.xlsx', mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', size: 812, sha256: 'aa'.repeat(32) };

function openSection(role: Role, state: ResolutionState = 'draft', routes: Record<string, FakeRoute> = {}, attachments: AttachmentView[] = [statute, map]) {
  const onChanged = vi.fn();
  const subject: ResolutionView = { ...resolution({ state }), attachments };
  const page = renderPage(<AttachmentsSection resolution={subject} onChanged={onChanged} />, { route: '/w/:workspaceId/decisions', path: '/w/w1/decisions', role, routes });
  return { ...page, onChanged };
}

const TITLE = 'w sprawie przyjęcia Strategii Rozwoju SOM 2030';
const section = () => screen.findByRole('region', { name: `Załączniki: ${TITLE}` });
const uploadForm = () => screen.getByRole('form', { name: 'Dodaj załącznik' });
const fileInput = () => within(uploadForm()).getByLabelText('Plik załącznika') as HTMLInputElement;
const pdf = (name = 'budżet.pdf', size?: number) => {
  const file = new File(['%PDF-1.4 budżet'], name, { type: 'application/pdf' });
  if (size !== undefined) Object.defineProperty(file, 'size', { value: size });
  return file;
};

describe('AttachmentsSection', () => {
  it('lists the attachments: number, the file to download, its type and size, and the SHA-256 short with the full one on demand', async () => {
    openSection('observer');
    const region = await section();
    const table = within(region).getByRole('table', { name: `Załączniki uchwały „${TITLE}”` });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual(['Załącznik nr 1', 'Załącznik nr 2']);
    expect(within(rows[0]!).getByRole('link', { name: 'statut.pdf' }).getAttribute('href')).toBe('/api/resolutions/r1/attachments/a1');
    expect(within(rows[1]!).getByRole('link', { name: 'mapa obszaru.png' }).getAttribute('href')).toBe('/api/resolutions/r1/attachments/a2');
    expect(plain(within(rows[0]!).getAllByRole('cell')[1]!.textContent)).toBe('PDF, 12,4 kB');
    expect(plain(within(rows[1]!).getAllByRole('cell')[1]!.textContent)).toBe('PNG, 3,2 MB');
    const hash = within(rows[0]!).getAllByRole('cell')[2]!;
    const summary = hash.querySelector('summary')!;
    expect(plain(summary.textContent)).toBe('0123456789ab… – pokaż pełny skrót SHA-256 załącznika nr 1');
    expect(hash.querySelectorAll('code')[1]!.textContent).toBe(statute.sha256);
    // Observers neither add nor remove.
    expect(within(region).queryByRole('form')).toBeNull();
    expect(within(region).queryByRole('button', { name: /^Usuń/ })).toBeNull();
  });

  it('reads the list when the resolution given has none with it, and says when there are none', async () => {
    const subject = resolution();
    renderPage(<AttachmentsSection resolution={subject} />, { route: '/w/:workspaceId/decisions', path: '/w/w1/decisions', role: 'coordinator', routes: { 'GET /resolutions/r1/attachments': [] } });
    expect(await screen.findByText('Uchwała nie ma załączników.')).toBeTruthy();
  });

  it('uploads the file chosen as multipart form data and lists what the API answers', async () => {
    const user = userEvent.setup();
    const page = openSection('coordinator', 'draft', { 'POST /resolutions/r1/attachments': [statute, map, budget] });
    await section();
    expect(plain(within(uploadForm()).getByText(/^PDF, DOCX/).textContent)).toBe('PDF, DOCX, XLSX, ODT, PNG lub JPEG, najwyżej 10 MB. Załącznik otrzyma kolejny numer.');
    expect(fileInput().getAttribute('accept')).toContain('.pdf,.docx,.xlsx,.odt,.png,.jpg,.jpeg');
    const file = new File(['PK\u0003\u0004'], 'budżet.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    await user.upload(fileInput(), file);
    await user.click(within(uploadForm()).getByRole('button', { name: 'Dodaj załącznik' }));
    await waitFor(() => expect(page.calls.filter((c) => c.method === 'POST')).toHaveLength(1));
    const call = page.calls.find((c) => c.method === 'POST')!;
    expect(call.path).toBe('/resolutions/r1/attachments');
    expect(call.body).toBeInstanceOf(FormData);
    expect((call.body as FormData).get('file')).toBe(file);
    expect(await screen.findByText('Dodano załącznik nr 3 „budżet.xlsx”.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'budżet.xlsx' }).getAttribute('href')).toBe('/api/resolutions/r1/attachments/a3');
    expect(page.onChanged).toHaveBeenCalledWith([statute, map, budget]);
    expect(fileInput().value).toBe('');
  });

  it('refuses a missing file, other types and files over 10 MB before sending, and says the API’s refusals in words', async () => {
    const user = userEvent.setup({ applyAccept: false });
    const answers = [
      reply(413, { message: 'File too large' }),
      reply(415, { message: 'attachments are PDF, DOCX, XLSX, ODT, PNG or JPEG files' }),
      reply(422, { message: 'file: the content is not a PDF file', errors: [{ field: 'file', message: 'the content is not a PDF file', code: 'attachment_content_invalid' }] }),
      reply(409, { code: 'attachments_frozen', message: 'the attachments of a resolution are frozen once it is voted on' }),
    ];
    const page = openSection('coordinator', 'draft', { 'POST /resolutions/r1/attachments': () => answers.shift() });
    await section();
    const submit = () => user.click(within(uploadForm()).getByRole('button', { name: 'Dodaj załącznik' }));
    const fieldError = () => plain(document.getElementById(`${fileInput().id}-error`)?.textContent);

    await submit();
    expect(fieldError()).toBe('Wybierz plik do dodania.');
    expect(fileInput().getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(fileInput());
    await user.upload(fileInput(), new File(['x'], 'notatka.txt', { type: 'text/plain' }));
    await submit();
    expect(fieldError()).toBe('Załącznikiem może być tylko plik PDF, DOCX, XLSX, ODT, PNG albo JPEG.');
    await user.upload(fileInput(), pdf('duży.pdf', 10 * 1024 * 1024 + 1));
    await submit();
    expect(fieldError()).toBe('Plik jest za duży: załącznik może mieć najwyżej 10 MB.');
    expect(page.calls.filter((c) => c.method === 'POST')).toEqual([]);

    // The API's refusals.
    await user.upload(fileInput(), pdf());
    await submit();
    await waitFor(() => expect(fieldError()).toBe('Plik jest za duży: załącznik może mieć najwyżej 10 MB.'));
    await submit();
    await waitFor(() => expect(fieldError()).toBe('Załącznikiem może być tylko plik PDF, DOCX, XLSX, ODT, PNG albo JPEG.'));
    await submit();
    await waitFor(() => expect(fieldError()).toBe('Zawartość pliku nie odpowiada jego rozszerzeniu (np. plik .pdf, który nie jest dokumentem PDF). Wybierz właściwy plik.'));
    await submit();
    await waitFor(() => expect(plain(within(uploadForm()).getByRole('alert').textContent)).toBe('Uchwała jest już w głosowaniu albo rozstrzygnięta, więc jej załączników nie można zmieniać.'));
    expect(page.calls.filter((c) => c.method === 'POST')).toHaveLength(4);
    // Told of the 409, the page reads the resolution again.
    expect(page.onChanged).toHaveBeenCalledWith(null);
  });

  it('removes an attachment after confirmation, and keeps it when cancelled', async () => {
    const user = userEvent.setup();
    const page = openSection('coordinator', 'draft', { 'DELETE /resolutions/r1/attachments/a1': [map] });
    const region = await section();
    const remove = within(region).getByRole('button', { name: 'Usuń załącznik nr 1: statut.pdf' });
    await user.click(remove);
    const confirm = within(region).getByRole('group', { name: 'Usunąć załącznik nr 1 „statut.pdf”?' });
    expect(document.activeElement).toBe(within(confirm).getByRole('button', { name: 'Tak, usuń załącznik' }));
    await user.click(within(confirm).getByRole('button', { name: 'Anuluj' }));
    expect(page.calls.filter((c) => c.method === 'DELETE')).toEqual([]);
    expect(document.activeElement).toBe(within(region).getByRole('button', { name: 'Usuń załącznik nr 1: statut.pdf' }));

    await user.click(within(region).getByRole('button', { name: 'Usuń załącznik nr 1: statut.pdf' }));
    await user.click(within(region).getByRole('button', { name: 'Tak, usuń załącznik' }));
    await waitFor(() => expect(page.calls.filter((c) => c.method === 'DELETE')).toEqual([{ method: 'DELETE', path: '/resolutions/r1/attachments/a1', body: undefined }]));
    expect(await within(region).findByText('Usunięto załącznik nr 1 „statut.pdf”.')).toBeTruthy();
    expect(within(region).queryByRole('link', { name: 'statut.pdf' })).toBeNull();
    expect(within(region).getByRole('link', { name: 'mapa obszaru.png' })).toBeTruthy();
    // The focus moves in an effect after the answer is drawn.
    await waitFor(() => expect(document.activeElement).toBe(within(region).getByRole('heading', { name: `Załączniki: ${TITLE}` })));
    expect(page.onChanged).toHaveBeenCalledWith([map]);
  });

  it('offers no upload and no removal once the resolution is voted on', async () => {
    for (const state of ['voting', 'adopted', 'no_quorum'] as const) {
      const { unmount } = openSection('coordinator', state);
      const region = await section();
      expect(within(region).getAllByRole('link').map((a) => a.textContent)).toEqual(['statut.pdf', 'mapa obszaru.png']);
      expect(within(region).queryByRole('form')).toBeNull();
      expect(within(region).queryByRole('button', { name: /^Usuń/ })).toBeNull();
      expect(within(region).getByText('Załączników nie można już zmieniać: uchwała jest w głosowaniu albo została rozstrzygnięta.')).toBeTruthy();
      unmount();
    }
  });
});

describe('attachments on the decisions page', () => {
  it('shows a resolution’s attachments under the table from its button, and hides them again', async () => {
    const user = userEvent.setup();
    renderPage(<DecisionsPage />, {
      route: '/w/:workspaceId/decisions',
      path: '/w/w1/decisions',
      role: 'observer',
      routes: {
        'GET /workspaces/w1/bodies': [assembly, board],
        'GET /workspaces/w1/resolutions': [{ ...resolution(), attachments: [statute, map] }, { ...resolution({ id: 'r2', title: 'w sprawie budżetu', adopts: null }), attachments: [] }],
        'GET /workspaces/w1/meetings': [],
      },
    });
    const table = await screen.findByRole('table', { name: 'Uchwały i projekty uchwał, od najnowszych' });
    const button = within(table).getByRole('button', { name: `Załączniki: 2 – ${TITLE}` });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(within(table).getByRole('button', { name: 'Załączniki: 0 – w sprawie budżetu' })).toBeTruthy();
    await user.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    const region = screen.getByRole('region', { name: `Załączniki: ${TITLE}` });
    expect(document.activeElement).toBe(within(region).getByRole('heading', { name: `Załączniki: ${TITLE}` }));
    expect(within(region).getAllByRole('link').map((a) => a.textContent)).toEqual(['statut.pdf', 'mapa obszaru.png']);
    await user.click(button);
    expect(screen.queryByRole('region', { name: `Załączniki: ${TITLE}` })).toBeNull();
  });
});
