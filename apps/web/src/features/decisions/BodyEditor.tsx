import { type FormEvent, type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organisation } from '../../api/types';
import { CheckboxGroup } from '../../ui/CheckboxGroup';
import { ErrorMessage, StatusMessage } from '../../ui/Messages';
import { SubmitButton } from '../../ui/SubmitButton';
import { useFocusFirstError } from '../../ui/useFocusFirstError';
import { updateBodyMembers } from './bodies-api';
import { bodyFieldErrors, ChairField } from './BodyForm';
import { decisionFormErrorText } from './decision-errors';
import type { BodyView } from './decisions-api';
import { RulesForm } from './RulesForm';
import { CheckboxField } from '../../ui/CheckboxField';

/**
 * A body's members, ticked from the association's member organisations, and its chair, one of them
 * (PATCH /api/bodies/:id {memberIds, chairId, approvesProjects}), and whether its resolutions approve joint projects.
 */
export function BodyMembersForm({ body, organisations, onSaved, labelledBy }: { body: BodyView; organisations: Organisation[]; onSaved: (body: BodyView) => void; labelledBy?: string }) {
  const { t } = useTranslation();
  const [memberIds, setMemberIds] = useState(() => body.members.map((m) => m.id));
  const [chosenChair, setChosenChair] = useState(body.chairId ?? '');
  const [approvesProjects, setApprovesProjects] = useState(body.approvesProjects);
  const [ownError, setOwnError] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  const errors: Record<string, string | undefined> = { ...bodyFieldErrors(failure, t), ...(ownError ? { memberIds: ownError } : {}) };
  useFocusFirstError(form, errors, attempt);
  // Members of the body that are no longer member organisations still show, to be unticked.
  const options = [...organisations.map((o) => ({ value: o.id, label: o.name })), ...body.members.filter((m) => !organisations.some((o) => o.id === m.id)).map((m) => ({ value: m.id, label: m.name }))];
  // The chair is one of the members ticked; unticking the chair leaves the body without one.
  const chairCandidates = options.filter((o) => memberIds.includes(o.value)).map((o) => ({ id: o.value, name: o.label }));
  const chairId = chairCandidates.some((m) => m.id === chosenChair) ? chosenChair : '';

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const problem = memberIds.length === 0 ? t('decisions.bodyForm.errors.members') : null;
    setOwnError(problem);
    setFailure(null);
    setSaved(false);
    setAttempt((a) => a + 1);
    if (problem) return;
    setBusy(true);
    try {
      const updated = await updateBodyMembers(body.id, memberIds, chairId || null, approvesProjects);
      setSaved(true);
      onSaved(updated);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form ref={form} className="form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby={labelledBy}>
      <StatusMessage message={saved ? t('decisions.bodyForm.membersSaved', { body: body.name, members: memberIds.length }) : null} />
      <ErrorMessage message={decisionFormErrorText(failure, t)} />
      <CheckboxGroup
        id={`members-${body.id}`}
        legend={t('decisions.bodyForm.membersOf', { body: body.name })}
        hint={t(body.kind === 'general_assembly' ? 'decisions.bodyForm.membersEditAssemblyHint' : 'decisions.bodyForm.membersEditHint')}
        options={options}
        values={memberIds}
        onChange={(values) => {
          setSaved(false);
          setMemberIds(values);
        }}
        error={errors.memberIds}
      />
      <ChairField
        id={`chair-${body.id}`}
        members={chairCandidates}
        value={chairId}
        onChange={(value) => {
          setSaved(false);
          setChosenChair(value);
        }}
        error={errors.chairId}
      />
      <CheckboxField
        id={`approves-projects-${body.id}`}
        label={t('decisions.bodyForm.approvesProjects')}
        hint={t('decisions.bodyForm.approvesProjectsHint')}
        checked={approvesProjects}
        onChange={(checked: boolean) => {
          setSaved(false);
          setApprovesProjects(checked);
        }}
      />
      <SubmitButton busy={busy} label={t('decisions.bodyForm.saveMembers')} busyLabel={t('decisions.bodyForm.saving')} />
    </form>
  );
}

/** A disclosure whose content is made the first time it is opened (and kept, with what was typed, when closed). */
function Disclosure({ summaryId, summary, children }: { summaryId: string; summary: string; children: () => ReactNode }) {
  const [opened, setOpened] = useState(false);
  return (
    <details className="disclosure" onToggle={(event) => event.currentTarget.open && setOpened(true)}>
      <summary id={summaryId}>{summary}</summary>
      {opened && children()}
    </details>
  );
}

/** Under a body's rules table, for coordinators: change its members, change its rules (each in a disclosure). */
export function BodyEditor({ body, organisations, onSaved }: { body: BodyView; organisations: Organisation[]; onSaved: (body: BodyView) => void }) {
  const { t } = useTranslation();
  const membersSummary = `body-${body.id}-edit-members`;
  const rulesSummary = `body-${body.id}-edit-rules`;
  return (
    <div className="decision-body__edit">
      <Disclosure summaryId={membersSummary} summary={t('decisions.bodyForm.editMembers', { body: body.name })}>
        {() => <BodyMembersForm body={body} organisations={organisations} onSaved={onSaved} labelledBy={membersSummary} />}
      </Disclosure>
      <Disclosure summaryId={rulesSummary} summary={t('decisions.rulesForm.edit', { body: body.name })}>
        {() => <RulesForm body={body} onSaved={onSaved} labelledBy={rulesSummary} />}
      </Disclosure>
    </div>
  );
}
