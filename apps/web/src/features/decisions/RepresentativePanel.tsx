import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmAction } from '../../ui/ConfirmAction';
import { ErrorMessage, StatusMessage } from '../../ui/Messages';
import { SelectField } from '../../ui/SelectField';
import { TextAreaField } from '../../ui/TextAreaField';
import { useFocusFirstError } from '../../ui/useFocusFirstError';
import { When } from '../rounds/RoundDetails';
import { decisionErrorText } from './decision-errors';
import { checkIn, grantProxy, type MeetingView } from './decisions-api';
import { useAction } from './useAction';

export const OWN_PRESENCE_ID = 'own-presence';

type Member = MeetingView['members'][number];

/**
 * What a member's representative does at a meeting: confirm their member's presence ("Potwierdzam obecność"), or,
 * when they cannot attend, hand the member's vote to another member's representative for this meeting.
 */
export function RepresentativePanel({
  meeting,
  own,
  proxiesAllowed,
  onChanged,
}: {
  meeting: MeetingView;
  own: Member;
  /** The body's general rule (null while unknown). */
  proxiesAllowed: boolean | null;
  onChanged: (meeting: MeetingView, focusId: string) => void;
}) {
  const { t } = useTranslation();
  const { busy, failure, run } = useAction();
  const names = new Map(meeting.members.map((m) => [m.id, m.name]));
  const open = meeting.state !== 'closed';

  return (
    <section aria-labelledby="own-heading" className="panel representative-panel">
      <h2 id="own-heading" tabIndex={-1}>
        {t('decisions.own.heading', { member: own.name })}
      </h2>
      {own.presence === 'present' && (
        <p id={OWN_PRESENCE_ID} tabIndex={-1}>
          {t('decisions.own.present', { member: own.name })} {own.checkedInAt && <When iso={own.checkedInAt} />}
        </p>
      )}
      {own.presence === 'represented' && <p>{t('decisions.own.represented', { member: own.name, holder: names.get(own.representedBy ?? '') ?? '' })}</p>}
      {own.presence !== 'present' && open && (
        <>
          <p>{t('decisions.own.checkInHint', { member: own.name })}</p>
          <ErrorMessage message={failure ? decisionErrorText(failure, t) : null} />
          <p>
            <button
              type="button"
              className="button button--primary"
              aria-disabled={busy}
              onClick={() => void run(async () => onChanged(await checkIn(meeting.id), OWN_PRESENCE_ID))}
            >
              {t('decisions.own.checkIn')}
            </button>
          </p>
        </>
      )}
      {!open && own.presence === 'absent' && <p>{t('decisions.own.closed')}</p>}
      {open && own.presence === 'absent' && proxiesAllowed === false && <p>{t('decisions.proxy.notAllowed', { body: meeting.body.name })}</p>}
      {open && own.presence === 'absent' && proxiesAllowed !== false && <ProxyForm meeting={meeting} own={own} onChanged={onChanged} />}
    </section>
  );
}

/** Hands the member's vote to another member's representative, with the authorisation presented; confirmed first. */
export function ProxyForm({ meeting, own, onChanged }: { meeting: MeetingView; own: Member; onChanged: (meeting: MeetingView, focusId: string) => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState({ to: '', authorisation: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const { busy, failure, run } = useAction();
  const heading = useRef<HTMLHeadingElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const submitButton = useRef<HTMLButtonElement>(null);
  const [attempt, setAttempt] = useState(0);
  useFocusFirstError(form, errors, attempt);
  const others = meeting.members.filter((m) => m.id !== own.id);
  const holder = others.find((m) => m.id === values.to);

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!values.to) found.to = t('decisions.proxy.errors.to');
    if (!values.authorisation.trim()) found.authorisation = t('decisions.proxy.errors.authorisation');
    setErrors(found);
    setDone(null);
    setAttempt((a) => a + 1);
    if (Object.keys(found).length === 0) setConfirming(true);
  }

  async function confirm() {
    const ok = await run(async () => {
      const next = await grantProxy(meeting.id, values.to, values.authorisation.trim());
      setDone(t('decisions.proxy.done', { from: own.name, to: holder?.name ?? '' }));
      setValues({ to: '', authorisation: '' });
      onChanged(next, 'own-heading');
    });
    setConfirming(false);
    if (!ok) heading.current?.focus();
  }

  return (
    <form ref={form} onSubmit={submit} noValidate className="form" aria-labelledby="proxy-heading">
      <h3 id="proxy-heading" ref={heading} tabIndex={-1}>
        {t('decisions.proxy.heading')}
      </h3>
      <p className="field__hint">{t('decisions.proxy.hint', { member: own.name })}</p>
      <StatusMessage message={done} />
      <ErrorMessage message={failure ? decisionErrorText(failure, t) : null} />
      <SelectField
        id="proxy-to"
        label={t('decisions.proxy.to')}
        value={values.to}
        placeholder={t('decisions.proxy.chooseMember')}
        options={others.map((m) => ({ value: m.id, label: t(m.presence === 'present' ? 'decisions.proxy.optionPresent' : 'decisions.proxy.optionAbsent', { member: m.name }) }))}
        onChange={(to) => setValues((v) => ({ ...v, to }))}
        error={errors.to}
        required
      />
      <TextAreaField
        id="proxy-authorisation"
        label={t('decisions.proxy.authorisation')}
        hint={t('decisions.proxy.authorisationHint')}
        value={values.authorisation}
        onChange={(authorisation) => setValues((v) => ({ ...v, authorisation }))}
        error={errors.authorisation}
        rows={2}
        required
      />
      {confirming ? (
        <ConfirmAction
          question={t('decisions.proxy.confirm', { from: own.name, to: holder?.name ?? '' })}
          confirmLabel={t('decisions.proxy.confirmButton')}
          onConfirm={() => void confirm()}
          onCancel={() => {
            setConfirming(false);
            requestAnimationFrame(() => submitButton.current?.focus());
          }}
          busy={busy}
        />
      ) : (
        <div className="form__actions">
          <button ref={submitButton} type="submit" className="button">
            {t('decisions.proxy.submit')}
          </button>
        </div>
      )}
    </form>
  );
}
