import { api } from '../../api/client';
import type { Me, SignedIn } from '../../api/types';

export const fetchMe = () => api.get<Me>('/auth/me');
export const login = (email: string, password: string) => api.post<SignedIn>('/auth/login', { email, password });
export const logout = () => api.post<void>('/auth/logout');
export const requestPasswordReset = (email: string) => api.post<{ message: string }>('/auth/password-reset', { email });
export const confirmPasswordReset = (token: string, password: string) =>
  api.post<void>('/auth/password-reset/confirm', { token, password });
