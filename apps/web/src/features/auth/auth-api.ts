import { apiClient, call } from '../../api/client';
import type { Me, SignedIn } from '../../api/types';

// Typed by the API's OpenAPI document (apps/web/src/api/schema.d.ts).
export const fetchMe = (): Promise<Me> => call(apiClient.GET('/api/auth/me'));
export const login = (email: string, password: string): Promise<SignedIn> => call(apiClient.POST('/api/auth/login', { body: { email, password } }));
export const logout = (): Promise<void> => call(apiClient.POST('/api/auth/logout'));
export const requestPasswordReset = (email: string): Promise<{ message: string }> =>
  call(apiClient.POST('/api/auth/password-reset', { body: { email } }));
export const confirmPasswordReset = (token: string, password: string): Promise<void> =>
  call(apiClient.POST('/api/auth/password-reset/confirm', { body: { token, password } }));
