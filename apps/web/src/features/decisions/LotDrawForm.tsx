import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxGroup } from '../../ui/CheckboxGroup';
import { ConfirmAction } from '../../ui/ConfirmAction';
import { decisionFieldErrors } from './decision-errors';
import type { ElectionRound } from './elections-api';

/**
 * The chair records the draw by lot a closed round asked for (the rules' tie rule 'lot'), held in the room: as many of
 * the tied candidates as the seats drawn for, confirmed first, since a recorded draw is final and concludes the
 * election.
 */
export function LotDrawForm({
  names,
  round,
  among,
  seats,
  busy,
  failure,
  onRecord,
}: {
  /** The candidates' names, joined for a sentence. */
  names: (ids: readonly string[]) => string;
  round: ElectionRound;
  among: readonly string[];
  seats: number;
  busy: boolean;
  failure: unknown;
  onRecord: (drawn: string[]) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [drawn, setDrawn] = useState<string[]>([]);
  const [error, setError] = useState<string | undefined>();
  const [confirming, setConfirming] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const id = `lot-${round.id}`;
  const shown = error ?? decisionFieldErrors(failure, t).drawn;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (drawn.length !== seats) {
      setError(t('decisions.elections.lot.exactly', { seats }));
      requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setError(undefined);
    setConfirming(true);
  }

  return (
    <form ref={form} className="election__form" onSubmit={submit} noValidate aria-labelledby={`${id}-heading`}>
      <h5 id={`${id}-heading`}>{t('decisions.elections.lot.heading')}</h5>
      <CheckboxGroup
        id={id}
        legend={t('decisions.elections.lot.legend', { seats })}
        hint={t('decisions.elections.lot.hint')}
        options={among.map((candidate) => ({ value: candidate, label: names([candidate]) }))}
        values={drawn}
        onChange={(values) => {
          setDrawn(values);
          setConfirming(false);
        }}
        error={shown}
      />
      {confirming ? (
        <ConfirmAction
          question={t('decisions.elections.lot.question', { names: names(drawn) })}
          confirmLabel={t('decisions.elections.lot.confirm')}
          busy={busy}
          onConfirm={() => void onRecord(drawn).then(() => setConfirming(false))}
          onCancel={() => {
            setConfirming(false);
            requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('button[type="submit"]')?.focus());
          }}
        />
      ) : (
        <p>
          <button type="submit" className="button button--primary" aria-disabled={busy}>
            {t('decisions.elections.lot.submit')}
          </button>
        </p>
      )}
    </form>
  );
}
