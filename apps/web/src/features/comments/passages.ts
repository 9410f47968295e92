import type { Editor } from '@tiptap/core';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import type { EditorState } from '@tiptap/pm/state';
import { anchorPassage, type PassageAnchor, type ProsemirrorMapping, resolvePassage } from '@commonplan/editor';
import { QUOTE_MAX_LENGTH } from './comments-api';

interface Binding {
  doc: import('yjs').Doc;
  type: import('yjs').XmlFragment;
  mapping: ProsemirrorMapping;
}

/** The y-prosemirror binding of an editor's state: its Y.Doc, the fragment and the map to ProseMirror nodes. */
function bindingOf(state: EditorState): Binding | null {
  const binding = ySyncPluginKey.getState(state)?.binding as Binding | undefined;
  return binding && binding.type && binding.mapping ? binding : null;
}

/** Where each thread's passage is now (null: deleted entirely), in the editor's positions. */
export function resolvePassages(state: EditorState, anchors: Array<{ id: string; anchor: PassageAnchor }>): Map<string, { from: number; to: number } | null> {
  const binding = bindingOf(state);
  const result = new Map<string, { from: number; to: number } | null>();
  for (const { id, anchor } of anchors) {
    if (!binding) {
      result.set(id, null);
      continue;
    }
    const range = resolvePassage(binding.doc, binding.type, anchor, binding.mapping);
    result.set(id, range && range.to <= state.doc.content.size ? range : null);
  }
  return result;
}

export interface SelectedPassage {
  anchor: PassageAnchor;
  quote: string;
}

/** The selected passage of the editor as an anchor and its text, or null when nothing (or only space) is selected. */
export function selectedPassage(editor: Editor): SelectedPassage | null {
  const { from, to, empty } = editor.state.selection;
  if (empty) return null;
  const quote = editor.state.doc.textBetween(from, to, '\n', ' ').trim();
  const binding = bindingOf(editor.state);
  if (!quote || !binding || binding.type.doc === null) return null;
  return { anchor: anchorPassage(binding.type, from, to, binding.mapping), quote: quote.length > QUOTE_MAX_LENGTH ? `${quote.slice(0, QUOTE_MAX_LENGTH - 1)}…` : quote };
}
