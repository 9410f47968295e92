import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { RULE_KINDS, rulesFor, warsawTime } from '@commonplan/domain';
import { formatLongDate } from '../../i18n/format';
import type { BodyView } from './decisions-api';
import { rulesInWords } from './rules-text';

/**
 * One body: its kind, members (in a disclosure), its chair, the compositions elected that apply from a later day, and
 * its voting rules for each kind of resolution, in words.
 */
export function BodyRules({ body, children }: { body: BodyView; children?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const headingId = `body-${body.id}`;
  const chair = body.members.find((m) => m.id === body.chairId)?.name ?? null;
  return (
    <section aria-labelledby={headingId} className="decision-body">
      <h3 id={headingId}>{body.name}</h3>
      <p>
        {t(`decisions.bodyKinds.${body.kind}`)} · {t('decisions.bodies.memberCount', { members: body.members.length })}
      </p>
      <p>{chair ? t('decisions.bodies.chair', { chair }) : t('decisions.bodies.noChair')}</p>
      <details className="decision-body__members">
        <summary>{t('decisions.bodies.members', { body: body.name })}</summary>
        <ul>
          {body.members.map((member) => (
            <li key={member.id}>{member.name}</li>
          ))}
        </ul>
      </details>
      {body.upcoming.map((change) => (
        <p key={change.electionId} className="notice decision-body__upcoming">
          {t(change.role === 'chair' ? 'decisions.bodies.upcomingChair' : 'decisions.bodies.upcomingMembers', {
            date: formatLongDate(warsawTime(change.from, 12, 0), i18n.language),
            resolution: change.resolutionNumber ?? '',
            names: change.elected.map((m) => m.name).join(', '),
          })}
        </p>
      ))}
      {body.approvesProjects && <p>{t('decisions.bodies.approvesProjects')}</p>}
      {/* Focusable, so that the table scrolls by keyboard where it is wider than the screen. */}
      <div className="table-wrap" role="region" aria-labelledby={`${headingId}-rules`} tabIndex={0}>
        <table className="rules-table">
          <caption id={`${headingId}-rules`}>{t('decisions.bodies.rulesCaption', { body: body.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('decisions.rules.kind')}</th>
              <th scope="col">{t('decisions.rules.quorumLabel')}</th>
              <th scope="col">{t('decisions.rules.majorityLabel')}</th>
              <th scope="col">{t('decisions.rules.weightingLabel')}</th>
              <th scope="col">{t('decisions.rules.abstentionsLabel')}</th>
              <th scope="col">{t('decisions.rules.proxiesLabel')}</th>
              <th scope="col">{t('decisions.rules.ballotLabel')}</th>
              <th scope="col">{t('decisions.rules.secondTermLabel')}</th>
              <th scope="col">{t('decisions.rules.castingVoteLabel')}</th>
              <th scope="col">{t('decisions.rules.remoteLabel')}</th>
            </tr>
          </thead>
          <tbody>
            {RULE_KINDS.map((kind) => {
              const words = rulesInWords(rulesFor(body.rules, kind), t);
              return (
                <tr key={kind}>
                  <th scope="row">{t(`decisions.kinds.${kind}`)}</th>
                  <td>{words.quorum}</td>
                  <td>{words.majority}</td>
                  <td>{words.weighting}</td>
                  <td>{words.abstentions}</td>
                  <td>{words.proxies}</td>
                  <td>{words.ballot}</td>
                  <td>{words.secondTerm}</td>
                  <td>{words.castingVote}</td>
                  <td>{words.remote}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {children}
    </section>
  );
}

/** `editor`: what coordinators get under each body to change it (BodyEditor). */
export function BodiesSection({ bodies, editor }: { bodies: BodyView[]; editor?: (body: BodyView) => ReactNode }) {
  const { t } = useTranslation();
  if (bodies.length === 0) return <p>{t('decisions.bodies.none')}</p>;
  return (
    <>
      {bodies.map((body) => (
        <BodyRules key={body.id} body={body}>
          {editor?.(body)}
        </BodyRules>
      ))}
    </>
  );
}
