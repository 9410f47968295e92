import type { Editor } from '@tiptap/react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../ui/TextField';

const focusOnMount = (input: HTMLInputElement | null) => input?.focus();

/** Addresses a link may have: web pages and e-mail. Anything else (javascript:, data:) is refused. */
export function linkAddress(input: string): string | null {
  const value = input.trim();
  if (!value) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `https://${value}`;
  try {
    const url = new URL(withScheme);
    return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

/** Sets, changes or removes the link on the selected text. */
export function LinkForm({ editor, onClose }: { editor: Editor; onClose: () => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState<string>(() => (editor.getAttributes('link')['href'] as string | undefined) ?? '');
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const href = linkAddress(value);
    if (!href) {
      setError(t('editor.link.invalid'));
      return;
    }
    editor.chain().focus().extendMarkRange('link').setLink({ href }).run();
    onClose();
  };

  return (
    <form className="link-form" onSubmit={submit} noValidate>
      <div
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            editor.commands.focus();
            onClose();
          }
        }}
      >
        <TextField id="link-address" label={t('editor.link.label')} hint={t('editor.link.hint')} value={value} onChange={setValue} error={error ?? undefined} inputRef={focusOnMount} />
      </div>
      <button type="submit" className="button button--small">
        {t('editor.link.apply')}
      </button>
      <button
        type="button"
        className="button button--small"
        onClick={() => {
          editor.chain().focus().extendMarkRange('link').unsetLink().run();
          onClose();
        }}
      >
        {t('editor.link.remove')}
      </button>
    </form>
  );
}
