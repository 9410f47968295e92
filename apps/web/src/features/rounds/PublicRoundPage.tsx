import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useApiData } from '../../api/useApiData';
import { PageHeading } from '../../ui/PageHeading';
import { ConsultationCommentForm } from '../round-comments/ConsultationCommentForm';
import { StaticDocument } from '../versions/StaticDocument';
import { PublishedReport } from '../report/PublishedReport';
import { InformationClause, RoundFacts, RoundMeetings, RoundUnavailable } from './RoundDetails';
import type { PublicRound } from './rounds-api';

/** The form is shown while the round is open to the public through the online form. */
function takesPublicComments(round: PublicRound): boolean {
  return round.state === 'open' && new Date(round.closesAt).getTime() > Date.now() && round.audiences.includes('public') && round.channels.includes('online_form');
}

/**
 * /consultations/:roundId, open to anyone: the announcement of a consultation (who consults what, until when, how to
 * comment, meetings, the information clause) and the text of the version consulted.
 */
export function PublicRoundPage() {
  const { t } = useTranslation();
  const { roundId = '' } = useParams();
  const source = useApiData<PublicRound>(`/public/rounds/${roundId}`);
  const round = source.data;
  if (!round) return <RoundUnavailable error={source.error} />;
  return (
    <>
      <PageHeading title={round.title}>{round.title}</PageHeading>
      <p className="lead">{t('rounds.public.lead', { workspace: round.workspaceName, document: round.document.title })}</p>
      <RoundFacts
        round={round}
        consulted={t('dashboard.rounds.consulted', { document: round.document.title, number: round.version.number, name: round.version.name })}
        extra={
          <>
            <dt>{t('versions.facts.hash')}</dt>
            <dd>
              <code className="hash">{round.version.contentHash}</code>
            </dd>
          </>
        }
      />
      <RoundMeetings round={round} />
      {round.state === 'report_published' && <PublishedReport roundId={round.id} />}
      {takesPublicComments(round) ? (
        <ConsultationCommentForm roundId={round.id} content={round.content} informationClause={round.informationClause} mode="public" />
      ) : (
        <section aria-labelledby="consulted-heading">
          <h2 id="consulted-heading">{t('rounds.public.text')}</h2>
          <StaticDocument content={round.content} label={t('rounds.public.text')} />
        </section>
      )}
      <InformationClause round={round} />
    </>
  );
}
