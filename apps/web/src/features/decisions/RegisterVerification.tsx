import type { TFunction } from 'i18next';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { errorText } from '../../api/error-text';
import type { RegisterReport } from './decisions-api';

const REASONS: [RegExp, string][] = [
  [/audit trail does not verify/i, 'decisions.register.reasons.auditTrail'],
  [/no audit entry seals this vote/i, 'decisions.register.reasons.voteUnsealed'],
  [/ballots were changed/i, 'decisions.register.reasons.ballotsChanged'],
  [/recorded digest was changed/i, 'decisions.register.reasons.digestChanged'],
  [/differs from the audit entry/i, 'decisions.register.reasons.entryDiffers'],
  [/no audit entry seals this register entry/i, 'decisions.register.reasons.entryUnsealed'],
];

/** The first thing the verification found not to match, in words. */
export function brokenText(broken: NonNullable<RegisterReport['firstBroken']>, t: TFunction): string {
  const known = REASONS.find(([pattern]) => pattern.test(broken.reason));
  const reason = known ? t(known[1]) : broken.reason;
  return t(`decisions.register.broken.${broken.kind}`, { id: broken.id, reason });
}

/**
 * "Sprawdź rejestr": recomputes the audit chain, every closed vote's ballots and every register entry's seal
 * (GET …/register/verify), on load and on demand; the result is announced politely and said in words.
 */
export function RegisterVerification({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<{ checking: boolean; report: RegisterReport | null; error: unknown }>({ checking: true, report: null, error: null });
  const generation = useRef(0);
  const verify = useCallback(async () => {
    const mine = ++generation.current;
    setState((s) => ({ ...s, checking: true, error: null }));
    try {
      const report = await api.get<RegisterReport>(`/workspaces/${workspaceId}/register/verify`);
      if (mine === generation.current) setState({ checking: false, report, error: null });
    } catch (error) {
      if (mine === generation.current) setState({ checking: false, report: null, error });
    }
  }, [workspaceId]);
  useEffect(() => {
    void verify();
  }, [verify]);

  const { report } = state;
  return (
    <section aria-labelledby="verify-heading" className="panel register-verification">
      <h2 id="verify-heading">{t('decisions.register.verifyHeading')}</h2>
      <p className="field__hint">{t('decisions.register.verifyHint')}</p>
      <div role="status" className="live" id="register-verification">
        {state.checking && <p>{t('decisions.register.checking')}</p>}
        {!state.checking && state.error != null && <p className="notice notice--error">{errorText(state.error, t)}</p>}
        {!state.checking && report?.valid && (
          <p className="notice notice--success">
            <span aria-hidden="true">✔ </span>
            <strong>{t('decisions.register.valid')}</strong> {t('decisions.register.validFigures', { entries: report.checkedEntries, votes: report.checkedVotes, audit: report.auditChain.checkedEntries })}
          </p>
        )}
        {!state.checking && report && !report.valid && (
          <div className="notice notice--error">
            <p>
              <span aria-hidden="true">✖ </span>
              <strong>{t('decisions.register.invalid')}</strong>
            </p>
            {report.firstBroken && <p>{brokenText(report.firstBroken, t)}</p>}
          </div>
        )}
      </div>
      <p>
        <button type="button" className="button" aria-disabled={state.checking} onClick={() => !state.checking && void verify()}>
          {t('decisions.register.verify')}
        </button>
      </p>
    </section>
  );
}
