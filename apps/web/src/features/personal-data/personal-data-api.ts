import { ApiError, apiClient, call, toApiError } from '../../api/client';
import type { components } from '../../api/schema';

export type PersonalDataSettings = components['schemas']['PersonalDataSettingsDto'];

export const settingsPath = (workspaceId: string) => `/workspaces/${workspaceId}/personal-data/settings`;

export const saveSettings = (workspaceId: string, settings: PersonalDataSettings): Promise<PersonalDataSettings> =>
  call(apiClient.PUT('/api/workspaces/{workspaceId}/personal-data/settings', { params: { path: { workspaceId } }, body: settings }));

/**
 * Downloads a JSON attachment of the API (with the session cookie) and hands it to the browser as a file named as the
 * API names it; a refusal is thrown as ApiError, so the form says what was wrong.
 */
export async function downloadJson(path: string, fallbackName: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(`/api${path}`, { credentials: 'same-origin', headers: { accept: 'application/json' } });
  } catch {
    throw new ApiError(0, 'network error');
  }
  if (!response.ok) throw toApiError(response.status, await response.json().catch(() => null));
  const blob = await response.blob();
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export const exportPerson = (workspaceId: string, email: string) =>
  downloadJson(`/workspaces/${workspaceId}/personal-data/export?email=${encodeURIComponent(email)}`, 'dane-osobowe.json');

export const exportOwn = () => downloadJson('/account/personal-data', 'moje-dane-osobowe.json');
