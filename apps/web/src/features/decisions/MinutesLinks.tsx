import { useTranslation } from 'react-i18next';
import { MINUTES_FORMATS, type MeetingView, minutesFileUrl } from './decisions-api';

/**
 * The meeting's minutes (protokół) to download as PDF or DOCX, in the reader's language; until the meeting is closed
 * they are a draft (the files say so too).
 */
export function MinutesLinks({ meeting }: { meeting: Pick<MeetingView, 'id' | 'state'> }) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="minutes-heading" className="minutes">
      <h2 id="minutes-heading">{t('decisions.minutes.heading')}</h2>
      {meeting.state !== 'closed' && <p className="muted">{t('decisions.minutes.draftNote')}</p>}
      <ul className="export-links">
        {MINUTES_FORMATS.map((format) => (
          <li key={format}>
            <a href={minutesFileUrl(meeting.id, format, i18n.language)} download>
              {t(`decisions.minutes.${format}`)}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
