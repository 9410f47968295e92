/**
 * Paragraph styles the Word export writes and the importer recognises: the cover's lines are left out when the file
 * is imported again. In a module of their own, so the import's worker (parse-worker.ts) does not load the `docx`
 * package for two names.
 */
export const COVER_STYLE = 'CommonplanCover';
export const QUOTE_STYLE = 'Quote';
