import { apiClient, call } from '../../api/client';
import type { SessionInfo as GeneratedSessionInfo } from '../../api/types';

/** One of the signed-in person's sessions (GET /api/auth/sessions). */
export type SessionInfo = GeneratedSessionInfo;

export const SESSIONS_PATH = '/auth/sessions';

// Typed by the API's OpenAPI document (apps/web/src/api/schema.d.ts).
export const endSession = (id: string): Promise<void> => call(apiClient.DELETE('/api/auth/sessions/{sessionId}', { params: { path: { sessionId: id } } }));
export const endOtherSessions = (): Promise<{ ended: number }> => call(apiClient.POST('/api/auth/sessions/end-others'));
