import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fieldErrorsOf, formErrorText } from '../../api/error-text';
import type { Organisation, PendingInvitation, Person } from '../../api/types';
import { useApiData } from '../../api/useApiData';
import { useMe, useSession } from '../../session/session';
import { ConfirmAction } from '../../ui/ConfirmAction';
import { DataView } from '../../ui/DataView';
import { ErrorMessage, StatusMessage } from '../../ui/Messages';
import { PageHeading } from '../../ui/PageHeading';
import { PersonalDataSection } from '../personal-data/PersonalDataSection';
import { useWorkspace } from '../workspace/workspace-context';
import { InviteForm } from './InviteForm';
import { activeButtonId, PeopleManagementTable, type PersonPanel, roleButtonId } from './PeopleManagementTable';
import { changeRole, invite, type InviteValues, type RoleValues, setActive, withdrawInvitation } from './people-api';
import { PendingInvitations } from './PendingInvitations';
import { RoleChangeForm } from './RoleChangeForm';

/** Puts the focus back on a button after the form or question that it opened has closed. */
function focusSoon(id: string) {
  setTimeout(() => document.getElementById(id)?.focus(), 0);
}

/** /w/:workspaceId/people (coordinators): invite, withdraw invitations, change roles, deactivate and reactivate. */
export function PeoplePage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const me = useMe();
  const { refresh } = useSession();
  const base = `/workspaces/${workspace.id}`;
  const people = useApiData<Person[]>(`${base}/people`);
  const invitations = useApiData<PendingInvitation[]>(`${base}/invitations`);
  const organisations = useApiData<Organisation[]>(`${base}/organisations`);
  const orgs = organisations.data ?? [];

  const [status, setStatus] = useState<string | null>(null);
  const [inviteBusy, setInviteBusy] = useState(false);
  const [inviteFailure, setInviteFailure] = useState<unknown>(null);
  const [withdrawing, setWithdrawing] = useState<string | null>(null);
  const [withdrawFailure, setWithdrawFailure] = useState<unknown>(null);
  const [panel, setPanel] = useState<PersonPanel>(null);
  const [panelBusy, setPanelBusy] = useState(false);
  const [panelFailure, setPanelFailure] = useState<unknown>(null);

  async function sendInvitation(values: InviteValues): Promise<boolean> {
    setInviteBusy(true);
    setInviteFailure(null);
    setStatus(null);
    try {
      await invite(workspace.id, values);
      setStatus(t('people.invite.sent', { email: values.email }));
      invitations.reload();
      return true;
    } catch (error) {
      setInviteFailure(error);
      return false;
    } finally {
      setInviteBusy(false);
    }
  }

  async function withdraw(invitation: PendingInvitation) {
    setWithdrawing(invitation.id);
    setWithdrawFailure(null);
    setStatus(null);
    try {
      await withdrawInvitation(workspace.id, invitation.id);
      setStatus(t('people.pending.withdrawn', { email: invitation.email }));
      invitations.reload();
    } catch (error) {
      setWithdrawFailure(error);
    } finally {
      setWithdrawing(null);
    }
  }

  function openPanel(next: NonNullable<PersonPanel>) {
    setPanelFailure(null);
    setPanel(panel?.kind === next.kind && panel.membershipId === next.membershipId ? null : next);
  }

  function closePanel(person: Person, kind: 'role' | 'active') {
    setPanel(null);
    setPanelFailure(null);
    focusSoon(kind === 'role' ? roleButtonId(person.membershipId) : activeButtonId(person.membershipId));
  }

  async function runPanelAction(person: Person, kind: 'role' | 'active', action: () => Promise<unknown>, done: string) {
    setPanelBusy(true);
    setPanelFailure(null);
    setStatus(null);
    try {
      await action();
      setStatus(done);
      people.reload();
      // A coordinator who changed their own role sees the app as that role from now on.
      if (person.userId === me.id) await refresh();
      closePanel(person, kind);
    } catch (error) {
      setPanelFailure(error);
    } finally {
      setPanelBusy(false);
    }
  }

  function saveRole(person: Person, values: RoleValues) {
    const done = t('people.manage.roleChanged', { name: person.displayName, role: t(`roles.${values.role}`) });
    void runPanelAction(person, 'role', () => changeRole(workspace.id, person.membershipId, values), done);
  }

  function toggleActive(person: Person) {
    const done = t(person.active ? 'people.manage.deactivated' : 'people.manage.reactivated', { name: person.displayName });
    void runPanelAction(person, 'active', () => setActive(workspace.id, person.membershipId, !person.active), done);
  }

  function renderPanel(person: Person) {
    if (panel?.kind === 'role') {
      return (
        <RoleChangeForm
          person={person}
          organisations={orgs}
          onSubmit={(values) => saveRole(person, values)}
          onCancel={() => closePanel(person, 'role')}
          busy={panelBusy}
          error={formErrorText(panelFailure, t)}
          fieldErrors={fieldErrorsOf(panelFailure, t)}
        />
      );
    }
    return (
      <ConfirmAction
        question={t(person.active ? 'people.manage.confirmDeactivate' : 'people.manage.confirmReactivate', {
          name: person.displayName,
        })}
        confirmLabel={person.active ? t('people.manage.deactivate') : t('people.manage.reactivate')}
        onConfirm={() => toggleActive(person)}
        onCancel={() => closePanel(person, 'active')}
        busy={panelBusy}
        error={formErrorText(panelFailure, t)}
      />
    );
  }

  return (
    <>
      <PageHeading title={t('people.documentTitle', { workspace: workspace.shortName })}>{t('people.title')}</PageHeading>
      <p>
        <Link to={`/w/${workspace.id}/mail`}>{t('notifications.deliveries.link')}</Link>
        {' · '}
        <a href="#personal-data">{t('personalData.heading')}</a>
      </p>
      <StatusMessage message={status} />

      <section aria-labelledby="invite-heading" className="panel">
        <h2 id="invite-heading">{t('people.invite.heading')}</h2>
        <InviteForm
          organisations={orgs}
          onSubmit={sendInvitation}
          busy={inviteBusy}
          error={formErrorText(inviteFailure, t)}
          fieldErrors={fieldErrorsOf(inviteFailure, t)}
        />
      </section>

      <section aria-labelledby="pending-heading">
        <h2 id="pending-heading">{t('people.pending.heading')}</h2>
        <ErrorMessage message={formErrorText(withdrawFailure, t)} />
        <DataView source={invitations}>
          {(list) => <PendingInvitations invitations={list} organisations={orgs} onWithdraw={(i) => void withdraw(i)} busyId={withdrawing} />}
        </DataView>
      </section>

      <section aria-labelledby="manage-heading">
        <h2 id="manage-heading">{t('people.manage.heading')}</h2>
        <DataView source={people}>
          {(list) => (
            <PeopleManagementTable people={list} myUserId={me.id} panel={panel} onOpen={openPanel} renderPanel={renderPanel} />
          )}
        </DataView>
      </section>

      <PersonalDataSection workspaceId={workspace.id} />
    </>
  );
}
