/**
 * What a `DocSession` needs from its connection. `CollabClient` implements it over socket.io; acks arrive as
 * untrusted data and are parsed by the session.
 */
export interface SessionTransport {
  /** True while messages can be sent (the socket is connected). */
  isConnected(): boolean;
  join(docId: string, ack: (ack: unknown) => void): void;
  send(docId: string, message: Uint8Array, ack?: (ack: unknown) => void): void;
  leave(docId: string): void;
  /** The session closed: forget it. */
  release(session: { readonly docId: string }): void;
}
