import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkspaceOfUser } from '../api/types';

export interface WorkspaceSwitcherProps {
  workspaces: WorkspaceOfUser[];
  currentId: string | null;
  onSwitch: (workspaceId: string) => void;
}

/**
 * The current workspace's name, or, for a person in several, a select with a "Go" button (choosing alone does not
 * navigate, so that moving through the options with the keyboard does not leave the page).
 */
export function WorkspaceSwitcher({ workspaces, currentId, onSwitch }: WorkspaceSwitcherProps) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState(currentId ?? workspaces[0]?.id ?? '');
  const current = workspaces.find((w) => w.id === currentId);
  if (workspaces.length <= 1) {
    return current ? <p className="workspace-name">{current.name}</p> : null;
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    if (chosen) onSwitch(chosen);
  }
  return (
    <form className="workspace-switcher" onSubmit={submit}>
      <label htmlFor="workspace-switcher">{t('header.workspace')}</label>
      <select id="workspace-switcher" value={chosen} onChange={(event) => setChosen(event.target.value)}>
        {workspaces.map((w) => (
          <option key={w.id} value={w.id}>
            {w.name}
          </option>
        ))}
      </select>
      <button type="submit" className="button button--small">
        {t('header.switchWorkspace')}
      </button>
    </form>
  );
}
