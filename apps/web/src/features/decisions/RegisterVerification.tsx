import type { TFunction } from 'i18next';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { errorText } from '../../api/error-text';
import type { RegisterProblem, RegisterReport } from './decisions-api';

/** What the verification found not to match, in words (the API's reason, in English, when its code is new to us). */
export function brokenText(broken: RegisterProblem, t: TFunction): string {
  const reason = t(`decisions.register.reasons.${broken.code}`, { defaultValue: broken.reason });
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
            {report.problems.length > 1 && (
              <>
                <p>{t('decisions.register.problemsHeading')}</p>
                <ul>
                  {report.problems.map((problem) => (
                    <li key={`${problem.kind}-${problem.id}-${problem.code}`}>{brokenText(problem, t)}</li>
                  ))}
                </ul>
              </>
            )}
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
