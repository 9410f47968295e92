import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { Node as PMNode } from '@tiptap/pm/model';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { editorSchema, parseMarkdown, RICH_TEXT_FIELD } from '@commonplan/editor';
import { zipContentProblem } from '../platform/parsing/zip-check';
import { parseDocx } from './import-docx';
import type { ParseReply, ParseRequest, WorkerMessage } from './parse-protocol';

/**
 * The import's reading of a file, in a worker thread of its own (started by import-parser.ts, bundled by
 * tools/build-api.mjs as dist/api/parse-worker.js): a Word file's zip is first unpacked once, streamed and counted,
 * to make sure it holds no more than its central directory declares, then mammoth and html-to-doc read it; a
 * Markdown file is decoded as UTF-8 and read by the editor's Markdown parser. Both build the document through the
 * schema (documentFromJson). The Yjs state is made here too: for a large file it costs more than the parsing (a
 * 2 MB Markdown file of 40,000 blocks: 1.4 s to check its JSON against the schema again and 5.6 s to make the
 * Yjs state), time the event loop must not spend. The worker's heap and time are limited by the server.
 */
export async function parseImport(request: ParseRequest): Promise<ParseReply> {
  const unreadable = request.format === 'docx' ? 'not a readable Word (.docx) document' : 'not a readable Markdown file';
  const bytes = Buffer.from(request.bytes.buffer, request.bytes.byteOffset, request.bytes.byteLength);
  try {
    if (request.format === 'docx') {
      const problem = await zipContentProblem(bytes, request.zip);
      if (problem) return { ok: false, ...problem };
      return sharedState(await parseDocx(bytes));
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return { ok: false, status: 422, message: 'a Markdown file must be UTF-8 text' };
    }
    return sharedState(parseMarkdown(text));
  } catch (error) {
    return { ok: false, status: 422, message: unreadable, detail: String(error) };
  }
}

function sharedState({ title, doc }: { title: string | null; doc: PMNode }): ParseReply {
  const state = Y.encodeStateAsUpdate(prosemirrorJSONToYDoc(editorSchema(), doc.toJSON(), RICH_TEXT_FIELD));
  return { ok: true, title, state, blocks: doc.childCount };
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  const send = (message: WorkerMessage) => port.postMessage(message, message.type === 'done' && message.reply.ok ? [message.reply.state.buffer as ArrayBuffer] : []);
  send({ type: 'started' });
  void parseImport(workerData as ParseRequest).then((reply) => send({ type: 'done', reply }));
}
