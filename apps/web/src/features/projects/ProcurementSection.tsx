import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import { fieldErrorsOf, formErrorText } from '../../api/error-text';
import { apiQueryKey, invalidateApi } from '../../api/query-client';
import { ErrorMessage, StatusMessage } from '../../ui/Messages';
import { SubmitButton } from '../../ui/SubmitButton';
import { TableRegion } from '../../ui/TableRegion';
import { TextField } from '../../ui/TextField';
import { useFocusFirstError } from '../../ui/useFocusFirstError';
import { formatMoney, type Project, projectPath } from './projects-api';

/** PUT /api/projects/:id/procurement: every member participant's cost alone; an empty list clears the comparison. */
const putProcurement = (projectId: string, aloneCosts: Array<{ organisationId: string; amount: string }>) =>
  api.put<Project>(`${projectPath(projectId)}/procurement`, { aloneCosts });

/**
 * Joint procurement on a project's page: each member's cost buying alone against its share of the joint price, the
 * saving and the total; coordinators record the costs alone (every member taking part, or none to clear).
 */
export function ProcurementSection({ project, manages }: { project: Project; manages: boolean }) {
  const { t, i18n } = useTranslation();
  const money = (text: string) => formatMoney(text, i18n.language);
  const members = project.participants.filter((p) => p.kind === 'member');
  const { procurement } = project;
  if (!procurement && !manages) return null;
  return (
    <section aria-labelledby="project-procurement-heading">
      <h2 id="project-procurement-heading">{t('projects.procurement.heading')}</h2>
      <p>{t('projects.procurement.lead')}</p>
      {!procurement ? (
        <p>{t('projects.procurement.none')}</p>
      ) : procurement.problem ? (
        <p>{t('projects.procurement.problem', { problem: procurement.problem })}</p>
      ) : (
        <>
          <p>{t('projects.procurement.jointTotal', { amount: money(procurement.jointTotal) })}</p>
          <TableRegion caption={t('projects.procurement.caption')}>
            <thead>
              <tr>
                <th scope="col">{t('projects.procurement.member')}</th>
                <th scope="col" className="numeric">
                  {t('projects.procurement.alone')}
                </th>
                <th scope="col" className="numeric">
                  {t('projects.procurement.joint')}
                </th>
                <th scope="col" className="numeric">
                  {t('projects.procurement.saving')}
                </th>
              </tr>
            </thead>
            <tbody>
              {procurement.members.map((m) => (
                <tr key={m.organisationId}>
                  <th scope="row">{m.name}</th>
                  <td className="numeric">{money(m.alone)}</td>
                  <td className="numeric">{money(m.joint)}</td>
                  <td className="numeric">{money(m.saving)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={3}>
                  {t('projects.procurement.total')}
                </th>
                <td className="numeric">{money(procurement.totalSaving)}</td>
              </tr>
            </tfoot>
          </TableRegion>
        </>
      )}
      {manages && (members.length === 0 ? <p>{t('projects.procurement.noMembers')}</p> : <AloneCostsForm project={project} />)}
    </section>
  );
}

function AloneCostsForm({ project }: { project: Project }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const members = project.participants.filter((p) => p.kind === 'member');
  const recorded = new Map((project.procurement?.members ?? []).map((m) => [m.organisationId, m.alone]));
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(members.map((m) => [m.organisationId, recorded.get(m.organisationId) ?? ''])));
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  // The API names fields by the position in the list sent, which holds every member in order when any is filled.
  const errors: Record<string, string> = {};
  const byField = fieldErrorsOf(failure, t);
  if (failure instanceof ApiError) {
    for (const { field } of failure.fieldErrors) {
      const match = /^aloneCosts\.(\d+)\.(amount|organisationId)$/.exec(field);
      const member = match ? members[Number(match[1])] : undefined;
      if (member) errors[member.organisationId] = byField[field] ?? '';
    }
  }
  useFocusFirstError(form, errors, attempt);
  const whole = failure instanceof ApiError && failure.fieldErrors.some((e) => e.field === 'aloneCosts') ? byField['aloneCosts'] : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setFailure(null);
    setNotice(null);
    const anyFilled = members.some((m) => values[m.organisationId]?.trim());
    try {
      const saved = await putProcurement(project.id, anyFilled ? members.map((m) => ({ organisationId: m.organisationId, amount: values[m.organisationId]?.trim() ?? '' })) : []);
      queryClient.setQueryData(apiQueryKey(projectPath(project.id)), saved);
      void invalidateApi(queryClient, projectPath(project.id)).catch(() => undefined);
      setNotice(t('projects.procurement.saved'));
    } catch (error) {
      setFailure(error);
      setAttempt((a) => a + 1);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form ref={form} onSubmit={(event) => void submit(event)} noValidate className="form" aria-labelledby="project-procurement-form-heading">
      <h3 id="project-procurement-form-heading">{t('projects.procurement.edit')}</h3>
      <StatusMessage message={notice} />
      <ErrorMessage message={whole ?? (Object.keys(errors).length === 0 ? formErrorText(failure, t) : null)} />
      <p className="hint">{t('projects.procurement.hint')}</p>
      {members.map((m) => (
        <TextField
          key={m.organisationId}
          id={`procurement-${m.organisationId}`}
          label={t('projects.procurement.aloneOf', { name: m.name })}
          value={values[m.organisationId] ?? ''}
          onChange={(value) => setValues((v) => ({ ...v, [m.organisationId]: value }))}
          error={errors[m.organisationId]}
        />
      ))}
      <SubmitButton busy={busy} label={t('projects.procurement.save')} busyLabel={t('projects.procurement.busy')} />
    </form>
  );
}
