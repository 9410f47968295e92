import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/error-text';
import { formatDateTime } from '../../i18n/format';
import { useFocusWhenShown } from '../../ui/focus-when-shown';
import { Loading } from '../../ui/Loading';
import { ErrorMessage } from '../../ui/Messages';
import { PageHeading } from '../../ui/PageHeading';
import { MeetingForm } from './MeetingForm';
import type { Round, RoundAnnouncement, RoundMeeting } from './rounds-api';

export function When({ iso }: { iso: string | null }) {
  const { t, i18n } = useTranslation();
  return iso ? <time dateTime={iso}>{formatDateTime(iso, i18n.language)}</time> : <>{t('common.none')}</>;
}

/** What a round is about and when: shown to staff on the round's page and to everyone on its public page. */
export function RoundFacts({ round, consulted, extra }: { round: RoundAnnouncement; consulted: ReactNode; extra?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <dl className="facts round-facts">
      <dt>{t('rounds.facts.state')}</dt>
      <dd>
        <span className={`badge badge--round-${round.state}`}>{t(`roundStates.${round.state}`)}</span>
      </dd>
      <dt>{t('rounds.facts.consulted')}</dt>
      <dd>{consulted}</dd>
      <dt>{t('rounds.facts.opens')}</dt>
      <dd>
        <When iso={round.opensAt} />
      </dd>
      <dt>{t('rounds.facts.closes')}</dt>
      <dd>
        <When iso={round.closesAt} />
      </dd>
      {extra}
      <dt>{t('rounds.facts.audiences')}</dt>
      <dd>{round.audiences.map((audience) => t(`rounds.audiences.${audience}`)).join(', ')}</dd>
      <dt>{t('rounds.facts.channels')}</dt>
      <dd>{round.channels.map((channel) => t(`rounds.channels.${channel}`)).join(', ')}</dd>
      <dt>{t('rounds.facts.legalBasis')}</dt>
      <dd>{round.legalBasis}</dd>
      {round.announcementUrls.length > 0 && (
        <>
          <dt>{t('publication.announcement')}</dt>
          <dd>
            <Addresses urls={round.announcementUrls} />
          </dd>
        </>
      )}
      {round.reportUrls.length > 0 && (
        <>
          <dt>{t('publication.report')}</dt>
          <dd>
            <Addresses urls={round.reportUrls} />
          </dd>
        </>
      )}
    </dl>
  );
}

/** Where something was published: each address a link, one under another. */
export function Addresses({ urls }: { urls: string[] }) {
  return (
    <ul className="plain-list">
      {urls.map((url) => (
        <li key={url}>
          <a href={url} rel="noopener noreferrer" className="url">
            {url}
          </a>
        </li>
      ))}
    </ul>
  );
}

/**
 * The round's meetings; for staff also the notes, participants and summary, and for coordinators (`onSaved`) a form to
 * record each one's participants and summary once it was held.
 */
export function RoundMeetings({ round, withNotes = false, onSaved }: { round: RoundAnnouncement | Round; withNotes?: boolean; onSaved?: (round: Round, message: string) => void }) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState<string | null>(null);
  const focusWhenShown = useFocusWhenShown();
  const editButtonId = (meetingId: string) => `meeting-edit-${meetingId}`;
  const close = (meetingId: string) => {
    setEditing(null);
    focusWhenShown(editButtonId(meetingId));
  };
  return (
    <section aria-labelledby="meetings-heading">
      <h2 id="meetings-heading">{t('rounds.meetings.heading')}</h2>
      {round.meetings.length === 0 ? (
        <p className="muted">{t('rounds.meetings.none')}</p>
      ) : (
        <ul>
          {round.meetings.map((meeting) => (
            <li key={meeting.id}>
              <When iso={meeting.startsAt} /> · {meeting.place}
              {withNotes && meeting.participants != null && <span className="table-note">{t('rounds.meetings.participants', { count: meeting.participants })}</span>}
              {withNotes && meeting.summary && (
                <span className="table-note">
                  {t('rounds.meetings.summary')}: {meeting.summary}
                </span>
              )}
              {withNotes && meeting.notes && <span className="table-note">{meeting.notes}</span>}
              {onSaved &&
                (editing === meeting.id ? (
                  <MeetingForm
                    roundId={round.id}
                    meeting={meeting as RoundMeeting}
                    onAdded={(updated, message) => {
                      onSaved(updated, message);
                      close(meeting.id);
                    }}
                    onCancel={() => close(meeting.id)}
                  />
                ) : (
                  <p>
                    <button id={editButtonId(meeting.id)} type="button" className="button" onClick={() => setEditing(meeting.id)}>
                      {t('meetingForm.edit', { when: formatDateTime(meeting.startsAt, i18n.language) })}
                    </button>
                  </p>
                ))}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The information clause on personal data (art. 13 GDPR), as the comment form shows it. */
export function InformationClause({ round }: { round: RoundAnnouncement }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="clause-heading">
      <h2 id="clause-heading">{t('rounds.clause')}</h2>
      <p className="clause">{round.informationClause}</p>
    </section>
  );
}



/** While a round loads, or why it cannot be shown. */
export function RoundUnavailable({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (error == null) return <Loading label={t('rounds.loading')} />;
  return (
    <>
      <PageHeading title={t('rounds.unavailable')}>{t('rounds.unavailable')}</PageHeading>
      <ErrorMessage message={errorText(error, t)} />
    </>
  );
}
