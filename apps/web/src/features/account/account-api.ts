import { api } from '../../api/client';

/** One of the signed-in person's sessions (GET /api/auth/sessions). */
export interface SessionInfo {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  ip: string | null;
  userAgent: string | null;
  current: boolean;
}

export const SESSIONS_PATH = '/auth/sessions';

export const endSession = (id: string) => api.delete(`/auth/sessions/${id}`);
export const endOtherSessions = () => api.post<{ ended: number }>('/auth/sessions/end-others');
