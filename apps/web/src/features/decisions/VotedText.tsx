import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type ResolutionView, versionPage, type VoteView } from './decisions-api';

/** The text a vote is on: the version of the resolution's text frozen as it opened, linked, and its SHA-256. */
export function VotedText({ workspaceId, resolution, vote }: { workspaceId: string; resolution: Pick<ResolutionView, 'documentId' | 'title'>; vote: Pick<VoteView, 'textVersionId' | 'textHash'> }) {
  const { t } = useTranslation();
  if (!vote.textVersionId || !vote.textHash) return null;
  return (
    <p className="muted">
      {t('decisions.vote.votedText')}{' '}
      <Link to={versionPage(workspaceId, resolution.documentId, vote.textVersionId)}>
        {t('decisions.vote.votedTextLink')}
        <span className="visually-hidden">: {resolution.title}</span>
      </Link>
      , SHA-256 <code className="hash">{vote.textHash}</code>
    </p>
  );
}
