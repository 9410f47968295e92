// What global-setup.ts and the config hand to the browser tests through vitest's provide/inject.
declare module 'vitest' {
  export interface ProvidedContext {
    /** http://127.0.0.1:<port> of the API serving the built web app. */
    baseUrl: string;
    /** The server's DATA_DIR (its outbox of e-mails is DATA_DIR/outbox). */
    dataDir: string;
    chromiumPath: string;
  }
}

export {};
