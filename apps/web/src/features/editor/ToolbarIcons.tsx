/**
 * The toolbar's icons, drawn inline as SVG in the button's text colour: they look the same on every system, where
 * symbol and emoji characters depend on the fonts installed (a missing glyph shows as an empty box). Each is hidden
 * from assistive technology; the button's name is its translated label.
 */
const PATHS = {
  paragraph: 'M7 2.5v11 M10.5 2.5v11 M12.5 2.5H6.5a3 3 0 0 0 0 6H7',
  bulletList: 'M6 4h8 M6 8h8 M6 12h8 M2.5 4h1 M2.5 8h1 M2.5 12h1',
  blockquote: 'M2.5 8.5h3.5v4H2.5z M2.5 8.5c0-2.5 1-4 3.5-5 M9.5 8.5H13v4H9.5z M9.5 8.5c0-2.5 1-4 3.5-5',
  pageBreak: 'M3 1.5v4h10v-4 M3 14.5v-4h10v4 M1 8h2.5 M6.75 8h2.5 M12.5 8H15',
  table: 'M2 2.5h12v11H2z M2 6.5h12 M2 10h12 M6 2.5v11 M10 2.5v11',
  addRow: 'M2 2h12v7H2z M2 5.5h12 M6 2v7 M10 2v7 M8 10.5v5 M5.5 13h5',
  addColumn: 'M2 2h7v12H2z M2 6h7 M2 10h7 M5.5 2v12 M10.5 8h5 M13 5.5v5',
  deleteRow: 'M2 2h12v7H2z M2 5.5h12 M6 2v7 M10 2v7 M5.5 13h5',
  deleteColumn: 'M2 2h7v12H2z M2 6h7 M2 10h7 M5.5 2v12 M10.5 8h5',
  deleteTable: 'M2 2.5h12v11H2z M2 6.5h12 M6 2.5v4 M10 2.5v4 M5.5 8.5l5 4 M10.5 8.5l-5 4',
  undo: 'M5 3.5 2 6.5l3 3 M2 6.5h7.5a3.5 3.5 0 0 1 0 7H7',
  redo: 'M11 3.5l3 3-3 3 M14 6.5H6.5a3.5 3.5 0 0 0 0 7H9',
  link: 'M6.7 9.3a2.8 2.8 0 0 0 4 0l2.5-2.5a2.8 2.8 0 0 0-4-4L8 4 M9.3 6.7a2.8 2.8 0 0 0-4 0L2.8 9.2a2.8 2.8 0 0 0 4 4L8 12',
} as const;

export type ToolIconName = keyof typeof PATHS;

export function ToolIcon({ name }: { name: ToolIconName }) {
  return (
    <svg className="toolbar__icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false" data-icon={name}>
      <path d={PATHS[name]} fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
