import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { When } from '../rounds/RoundDetails';
import { type MeetingSummary, meetingPage } from './decisions-api';
import { TableRegion } from '../../ui/TableRegion';

export function MeetingStateBadge({ state }: { state: MeetingSummary['state'] }) {
  const { t } = useTranslation();
  return <span className={`badge badge--meeting-${state}`}>{t(`decisions.meetingStates.${state}`)}</span>;
}

/** The meetings of the workspace's bodies: title (a link to the meeting), body, date, place, state. */
export function MeetingsTable({ workspaceId, meetings }: { workspaceId: string; meetings: MeetingSummary[] }) {
  const { t } = useTranslation();
  if (meetings.length === 0) return <p>{t('decisions.meetings.none')}</p>;
  return (
    <TableRegion caption={t('decisions.meetings.caption')}>
      <thead>
        <tr>
          <th scope="col">{t('decisions.meetings.title')}</th>
          <th scope="col">{t('decisions.meetings.body')}</th>
          <th scope="col">{t('decisions.meetings.startsAt')}</th>
          <th scope="col">{t('decisions.meetings.place')}</th>
          <th scope="col">{t('decisions.meetings.state')}</th>
        </tr>
      </thead>
      <tbody>
        {meetings.map((meeting) => (
          <tr key={meeting.id}>
            <th scope="row">
              <Link to={meetingPage(workspaceId, meeting.id)}>{meeting.title}</Link>
            </th>
            <td>{meeting.body.name}</td>
            <td>
              <When iso={meeting.startsAt} />
            </td>
            <td>{meeting.place || t('common.notGiven')}</td>
            <td>
              <MeetingStateBadge state={meeting.state} />
            </td>
          </tr>
        ))}
      </tbody>
    </TableRegion>
  );
}
