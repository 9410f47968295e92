import type { Role } from '@commonplan/domain';
import { useApiData } from '../../api/useApiData';
import type { Round } from '../rounds/rounds-api';
import { ConsultationCommentForm } from './ConsultationCommentForm';
import { MyComments } from './MyComments';
import { ownCommentsPath, type SubmittedComment } from './round-comments-api';

/** Which audience a signed-in role answers for (the others take part through staff or the public form). */
const AUDIENCE_OF: Partial<Record<Role, Round['audiences'][number]>> = { representative: 'members', partner: 'partners' };

export function commentsAsOrganisation(role: Role, round: Round): boolean {
  const audience = AUDIENCE_OF[role];
  return audience !== undefined && round.audiences.includes(audience) && round.channels.includes('online_form');
}

/**
 * On a round's page, for a member's representative or a partner the round asks: the form in their organisation's
 * name while the round is open, and the comments they sent.
 */
export function RoundCommenting({ round }: { round: Round }) {
  const open = round.state === 'open' && new Date(round.closesAt).getTime() > Date.now();
  const announcement = useApiData<{ content: Record<string, unknown> }>(open ? `/public/rounds/${round.id}` : null);
  const mine = useApiData<SubmittedComment[]>(ownCommentsPath(round.id));
  return (
    <>
      {open && announcement.data && (
        <ConsultationCommentForm roundId={round.id} content={announcement.data.content} informationClause={round.informationClause} mode="signedIn" onSubmitted={() => mine.reload()} />
      )}
      {mine.data && <MyComments comments={mine.data} open={open} onChanged={() => mine.reload()} />}
    </>
  );
}
