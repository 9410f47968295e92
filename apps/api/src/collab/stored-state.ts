import { ServiceUnavailableException } from '@nestjs/common';
import type { CollabEngine } from './collab-engine';

/**
 * The document's state once everything in it is stored (CollabEngine.storedState), for an HTTP request: 503 when the
 * document cannot be loaded or storing failed, so that a version or an export never holds unstored text.
 */
export async function requireStoredState(engine: CollabEngine, documentId: string): Promise<Uint8Array> {
  const state = await engine.storedState(documentId).catch(() => null);
  if (!state) throw new ServiceUnavailableException('the document could not be loaded; try again');
  return state;
}
