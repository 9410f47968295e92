import type { Editor } from '@tiptap/react';
import { useEditorState } from '@tiptap/react';
import { type KeyboardEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HEADING_LEVELS } from '@commonplan/editor';
import { LinkForm } from './LinkForm';
import { ToolIcon, type ToolIconName } from './ToolbarIcons';

interface Tool {
  key: string;
  /** i18n key of the button's name. */
  label: string;
  /**
   * Shown on the button, hidden from assistive technology (the name is the accessible label): an inline SVG icon, or
   * plain ASCII letters (B, I, U, H1…). Never a symbol or emoji character, which the fonts may not have.
   */
  sign: ToolIconName | { text: string };
  shortcut?: string;
  run: (editor: Editor) => void;
  active?: (editor: Editor) => boolean;
  enabled?: (editor: Editor) => boolean;
}

const chain = (editor: Editor) => editor.chain().focus();

const FORMAT: Tool[] = [
  { key: 'bold', label: 'editor.tools.bold', sign: { text: 'B' }, shortcut: 'Ctrl+B', run: (e) => chain(e).toggleBold().run(), active: (e) => e.isActive('bold') },
  { key: 'italic', label: 'editor.tools.italic', sign: { text: 'I' }, shortcut: 'Ctrl+I', run: (e) => chain(e).toggleItalic().run(), active: (e) => e.isActive('italic') },
  { key: 'underline', label: 'editor.tools.underline', sign: { text: 'U' }, shortcut: 'Ctrl+U', run: (e) => chain(e).toggleUnderline().run(), active: (e) => e.isActive('underline') },
];

const BLOCKS: Tool[] = [
  { key: 'paragraph', label: 'editor.tools.paragraph', sign: 'paragraph', run: (e) => chain(e).setParagraph().run(), active: (e) => e.isActive('paragraph') },
  ...HEADING_LEVELS.map<Tool>((level) => ({
    key: `h${level}`,
    label: `editor.tools.heading${level}`,
    sign: { text: `H${level}` },
    shortcut: `Ctrl+Alt+${level}`,
    run: (e) => chain(e).toggleHeading({ level }).run(),
    active: (e) => e.isActive('heading', { level }),
  })),
  { key: 'bulletList', label: 'editor.tools.bulletList', sign: 'bulletList', run: (e) => chain(e).toggleBulletList().run(), active: (e) => e.isActive('bulletList') },
  { key: 'orderedList', label: 'editor.tools.orderedList', sign: { text: '1.' }, run: (e) => chain(e).toggleOrderedList().run(), active: (e) => e.isActive('orderedList') },
  { key: 'blockquote', label: 'editor.tools.blockquote', sign: 'blockquote', run: (e) => chain(e).toggleBlockquote().run(), active: (e) => e.isActive('blockquote') },
  { key: 'pageBreak', label: 'editor.tools.pageBreak', sign: 'pageBreak', shortcut: 'Ctrl+Enter', run: (e) => chain(e).setPageBreak().run() },
  { key: 'table', label: 'editor.tools.table', sign: 'table', run: (e) => chain(e).insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(), enabled: (e) => !e.isActive('table') },
];

const TABLE: Tool[] = [
  { key: 'addRow', label: 'editor.tools.addRow', sign: 'addRow', run: (e) => chain(e).addRowAfter().run() },
  { key: 'addColumn', label: 'editor.tools.addColumn', sign: 'addColumn', run: (e) => chain(e).addColumnAfter().run() },
  { key: 'deleteRow', label: 'editor.tools.deleteRow', sign: 'deleteRow', run: (e) => chain(e).deleteRow().run() },
  { key: 'deleteColumn', label: 'editor.tools.deleteColumn', sign: 'deleteColumn', run: (e) => chain(e).deleteColumn().run() },
  { key: 'deleteTable', label: 'editor.tools.deleteTable', sign: 'deleteTable', run: (e) => chain(e).deleteTable().run() },
];

const HISTORY: Tool[] = [
  { key: 'undo', label: 'editor.tools.undo', sign: 'undo', shortcut: 'Ctrl+Z', run: (e) => chain(e).undo().run(), enabled: (e) => e.can().undo() },
  { key: 'redo', label: 'editor.tools.redo', sign: 'redo', shortcut: 'Ctrl+Shift+Z', run: (e) => chain(e).redo().run(), enabled: (e) => e.can().redo() },
];

/**
 * The formatting toolbar (WAI-ARIA toolbar pattern): one tab stop, arrow keys move between buttons, Home and End
 * jump to the ends. Toggle buttons say whether they are on (aria-pressed); table tools appear inside a table.
 */
export function EditorToolbar({ editor }: { editor: Editor }) {
  const { t } = useTranslation();
  const [linkOpen, setLinkOpen] = useState(false);
  const [focusIndex, setFocusIndex] = useState(0);
  const ref = useRef<HTMLDivElement>(null);
  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => {
      const tools = [...FORMAT, ...BLOCKS, ...(current.isActive('table') ? TABLE : []), ...HISTORY];
      return {
        inTable: current.isActive('table'),
        link: current.isActive('link'),
        tools: tools.map((tool) => ({ key: tool.key, active: tool.active?.(current) ?? null, enabled: tool.enabled?.(current) ?? true })),
      };
    },
    equalityFn: (a, b) => JSON.stringify(a) === JSON.stringify(b),
  });
  const tools = [...FORMAT, ...BLOCKS, ...(state.inTable ? TABLE : []), ...HISTORY];
  const count = tools.length + 1; // and the link button

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, number> = { ArrowRight: focusIndex + 1, ArrowLeft: focusIndex - 1, Home: 0, End: count - 1 };
    if (!(event.key in moves)) return;
    event.preventDefault();
    const next = ((moves[event.key] as number) + count) % count;
    setFocusIndex(next);
    ref.current?.querySelectorAll<HTMLButtonElement>('button[data-tool]')[next]?.focus();
  };

  const button = (key: string, index: number, label: string, sign: Tool['sign'], onClick: () => void, pressed: boolean | null, enabled: boolean, shortcut?: string) => (
    <button
      key={key}
      type="button"
      data-tool={key}
      className="toolbar__button"
      tabIndex={index === Math.min(focusIndex, count - 1) ? 0 : -1}
      aria-pressed={pressed ?? undefined}
      aria-disabled={!enabled || undefined}
      aria-keyshortcuts={shortcut?.replace('Ctrl', 'Control')}
      title={shortcut ? `${label} (${shortcut})` : label}
      onFocus={() => setFocusIndex(index)}
      onMouseDown={(event) => event.preventDefault()} // keep the editor's selection
      onClick={() => enabled && onClick()}
    >
      {typeof sign === 'string' ? <ToolIcon name={sign} /> : <span aria-hidden="true">{sign.text}</span>}
      <span className="visually-hidden">{label}</span>
    </button>
  );

  return (
    <>
      <div role="toolbar" aria-label={t('editor.toolbar')} aria-controls={undefined} className="toolbar" ref={ref} onKeyDown={onKeyDown}>
        {tools.map((tool, index) => {
          const toolState = state.tools.find((candidate) => candidate.key === tool.key);
          return button(tool.key, index, t(tool.label), tool.sign, () => tool.run(editor), toolState?.active ?? null, toolState?.enabled ?? true, tool.shortcut);
        })}
        {button('link', tools.length, t('editor.tools.link'), 'link', () => setLinkOpen((open) => !open), state.link, true, 'Ctrl+K')}
      </div>
      {linkOpen && <LinkForm editor={editor} onClose={() => setLinkOpen(false)} />}
    </>
  );
}
