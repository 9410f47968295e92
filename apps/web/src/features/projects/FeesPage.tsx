import { useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { parsePln } from '@commonplan/domain';
import { ApiError, type FieldError } from '../../api/client';
import { errorText, fieldErrorText } from '../../api/error-text';
import { apiQueryKey } from '../../api/query-client';
import type { Organisation } from '../../api/types';
import { useApiData } from '../../api/useApiData';
import { DataView } from '../../ui/DataView';
import { ErrorMessage, StatusMessage } from '../../ui/Messages';
import { KEEP_FOCUS } from '../../ui/navigation-focus';
import { PageHeading } from '../../ui/PageHeading';
import { SelectField } from '../../ui/SelectField';
import { SubmitButton } from '../../ui/SubmitButton';
import { useFocusFirstError } from '../../ui/useFocusFirstError';
import { useWorkspace } from '../workspace/workspace-context';
import './projects.css';
import { organisationsPath, projectsPage } from './projects-api';
import { type Fee, feesPath, FIRST_YEAR, LAST_YEAR, putFees, warsawYear } from './statements-api';
import { TableRegion } from '../../ui/TableRegion';

/** The year asked for in the address (`?year=2026`), if it is one a fee can be set for. */
function yearOf(text: string | null): number | null {
  if (!text || !/^\d{4}$/.test(text)) return null;
  const year = Number(text);
  return year >= FIRST_YEAR && year <= LAST_YEAR ? year : null;
}

/** The years offered: ten back and two ahead of this one, and the one shown. */
function yearChoices(now: number, shown: number): number[] {
  const years: number[] = [];
  for (let year = Math.max(FIRST_YEAR, now - 10); year <= Math.min(LAST_YEAR, now + 2); year++) years.push(year);
  if (!years.includes(shown)) years.push(shown);
  return years.sort((a, b) => b - a);
}

/**
 * /w/:workspaceId/projects/fees (coordinators): the members' fees for a year, chosen in a select kept in the address
 * (`?year=`, this year in Warsaw unless given), an amount in złoty for each member typed exactly as text. Saving sends
 * the year's list (it replaces the year's fees); a member left blank pays no fee that year.
 */
export function FeesPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const [search, setSearch] = useSearchParams();
  const now = warsawYear();
  const year = yearOf(search.get('year')) ?? now;
  const organisations = useApiData<Organisation[]>(organisationsPath(workspace.id));
  const fees = useApiData<Fee[]>(feesPath(workspace.id, year));

  function choose(value: string) {
    const next = new URLSearchParams(search);
    next.set('year', value);
    setSearch(next, { state: KEEP_FOCUS });
  }

  return (
    <>
      <p className="back-link">
        <Link to={projectsPage(workspace.id)}>
          <span aria-hidden="true">← </span>
          {t('projects.page.back')}
        </Link>
      </p>
      <PageHeading title={t('projects.fees.documentTitle', { workspace: workspace.shortName })}>{t('projects.fees.heading')}</PageHeading>
      <p className="lead">{t('projects.fees.lead')}</p>
      <div className="projects-filter">
        <SelectField id="fees-year" label={t('projects.fees.year')} value={String(year)} options={yearChoices(now, year).map((y) => ({ value: String(y), label: String(y) }))} onChange={choose} />
      </div>
      <DataView source={organisations}>
        {(list) => {
          const members = list.filter((o) => o.kind === 'member');
          if (members.length === 0) return <p>{t('projects.fees.noMembers')}</p>;
          return <DataView source={fees}>{(current) => <FeesForm key={year} workspaceId={workspace.id} year={year} members={members} fees={current} />}</DataView>;
        }}
      </DataView>
    </>
  );
}

const amountsOf = (fees: Fee[]): Record<string, string> => Object.fromEntries(fees.map((fee) => [fee.organisationId, fee.amount]));

/** An amount's problem (libs/domain parsePln), in words. */
function amountProblem(text: string, t: TFunction): string | null {
  const parsed = parsePln(text);
  if (parsed.ok) return null;
  return t(
    {
      not_a_number: 'projects.form.errors.amount',
      too_many_decimals: 'projects.form.errors.amountDecimals',
      negative: 'projects.form.errors.amountNegative',
      too_large: 'projects.form.errors.amountTooLarge',
    }[parsed.reason],
  );
}

/** The words for the API's problem with one fee (`fees.N.amount`, `fees.N.organisationId`). */
function feeProblemText(part: string, problem: FieldError, t: TFunction): string {
  const { message, code } = problem;
  if (part === 'amount') {
    if (/negative/i.test(message)) return t('projects.form.errors.amountNegative');
    if (/decimal places/i.test(message)) return t('projects.form.errors.amountDecimals');
    if (/too large/i.test(message)) return t('projects.form.errors.amountTooLarge');
    return t('projects.form.errors.amount');
  }
  if (code === 'organisation_wrong_kind' || code === 'organisation_not_found') return t('projects.fees.errors.notMember');
  if (/twice/i.test(message)) return t('projects.fees.errors.twice');
  return fieldErrorText(problem, t);
}

/**
 * The API's field problems as the members they name: `fees.1.amount` is the amount of the second fee sent (`sent` holds
 * the organisations in the order sent). `unplaced` says whether some problem names no fee of the form.
 */
function feeFieldErrors(error: unknown, sent: string[] | null, t: TFunction): { errors: Record<string, string>; unplaced: boolean } {
  const errors: Record<string, string> = {};
  let unplaced = false;
  if (!(error instanceof ApiError)) return { errors, unplaced };
  for (const problem of error.fieldErrors) {
    const match = /^fees\.(\d+)\.(amount|organisationId)$/.exec(problem.field);
    const organisationId = match ? sent?.[Number(match[1])] : undefined;
    if (!match || organisationId === undefined) unplaced = true;
    else errors[organisationId] ??= feeProblemText(match[2], problem, t);
  }
  return { errors, unplaced };
}

const inputId = (organisationId: string) => `fee-${organisationId}`;

function FeesForm({ workspaceId, year, members, fees }: { workspaceId: string; year: number; members: Organisation[]; fees: Fee[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [amounts, setAmounts] = useState<Record<string, string>>(() => amountsOf(fees));
  const [ownErrors, setOwnErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [sent, setSent] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  const fromApi = feeFieldErrors(failure, sent, t);
  const errors = { ...fromApi.errors, ...ownErrors };
  useFocusFirstError(form, errors, attempt);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const found: Record<string, string> = {};
    for (const member of members) {
      const text = (amounts[member.id] ?? '').trim();
      const problem = text ? amountProblem(text, t) : null;
      if (problem) found[member.id] = problem;
    }
    setOwnErrors(found);
    setFailure(null);
    setSaved(false);
    setAttempt((a) => a + 1);
    if (Object.keys(found).length > 0) return;
    // A member left blank pays no fee that year; the amounts go as typed.
    const list = members.filter((m) => (amounts[m.id] ?? '').trim()).map((m) => ({ organisationId: m.id, amount: (amounts[m.id] ?? '').trim() }));
    setSent(list.map((fee) => fee.organisationId));
    setBusy(true);
    try {
      const answer = await putFees(workspaceId, year, list);
      queryClient.setQueryData(apiQueryKey(feesPath(workspaceId, year)), answer);
      setAmounts(amountsOf(answer));
      setSaved(true);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  const formError = failure ? (failure instanceof ApiError && failure.fieldErrors.length > 0 && !fromApi.unplaced ? t('errors.checkFields') : errorText(failure, t)) : null;
  const captionId = 'fees-caption';

  return (
    <form ref={form} onSubmit={(event) => void submit(event)} noValidate className="form fees-form" aria-labelledby={captionId}>
      <ErrorMessage message={formError} />
      <StatusMessage message={saved ? t('projects.fees.saved', { year }) : null} />
      <p id="fees-hint" className="field__hint">
        {t('projects.fees.hint')}
      </p>
      <TableRegion captionId={captionId} caption={t('projects.fees.caption', { year })}>
        <thead>
          <tr>
            <th scope="col">{t('projects.fees.member')}</th>
            <th scope="col">{t('projects.fees.amount')}</th>
          </tr>
        </thead>
        <tbody>
          {members.map((member) => {
            const id = inputId(member.id);
            const error = errors[member.id];
            return (
              <tr key={member.id}>
                <th scope="row">{member.name}</th>
                <td className={error ? 'field--invalid' : undefined}>
                  <label htmlFor={id} className="visually-hidden">
                    {t('projects.fees.amountOf', { name: member.name })}
                  </label>
                  <input
                    id={id}
                    type="text"
                    inputMode="decimal"
                    autoComplete="off"
                    value={amounts[member.id] ?? ''}
                    onChange={(event) => {
                      const value = event.target.value;
                      setAmounts((all) => ({ ...all, [member.id]: value }));
                    }}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? `fees-hint ${id}-error` : 'fees-hint'}
                  />
                  {error && (
                    <p id={`${id}-error`} className="field__error">
                      {error}
                    </p>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </TableRegion>
      <SubmitButton busy={busy} label={t('projects.fees.save', { year })} busyLabel={t('projects.fees.saving')} />
    </form>
  );
}
