import { createElement, type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime, formatLongDate, formatNumber } from '../../i18n/format';
import { Addresses } from '../rounds/RoundDetails';
import { commentAnchor, currentReport, REPORT_FORMATS, type ReportContent, reportFileUrl, type ReportSubmitter, type StoredReportContent } from './report-api';
import './report.css';

type Level = 2 | 3;

function Heading({ level, id, children }: { level: Level | 4; id?: string; children: ReactNode }) {
  return createElement(`h${level}`, { id }, children);
}

/** "osoba fizyczna nr 3", or the institution's name. */
export function useSubmitterName(): (submitter: ReportSubmitter) => string {
  const { t } = useTranslation();
  return (submitter) => (submitter.kind === 'person' ? t('report.person', { number: submitter.number }) : submitter.name);
}

function share(count: number, total: number, language: string): string {
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(total === 0 ? 0 : count / total);
}

const BAR = { labelWidth: 230, barMax: 300, row: 26, valueWidth: 90 };

/**
 * A bar chart drawn in SVG, with its data in a visible table right under it: the table is the text alternative, so
 * the drawing itself is hidden from assistive technology.
 */
export function BarChart({ title, rows, total, level }: { title: string; rows: Array<{ label: string; count: number }>; total: number; level: Level }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const max = Math.max(1, ...rows.map((row) => row.count));
  const height = rows.length * BAR.row + 4;
  const width = BAR.labelWidth + BAR.barMax + BAR.valueWidth;
  const short = (text: string) => (text.length > 32 ? `${text.slice(0, 31)}…` : text);
  return (
    <figure className="report-chart" aria-labelledby={id}>
      <figcaption>
        <Heading level={(level + 1) as Level | 4} id={id}>
          {title}
        </Heading>
      </figcaption>
      <svg className="report-chart__drawing" viewBox={`0 0 ${width} ${height}`} width="100%" aria-hidden="true" focusable="false" preserveAspectRatio="xMinYMin meet">
        <line x1={BAR.labelWidth - 4} y1={0} x2={BAR.labelWidth - 4} y2={height} className="report-chart__axis" />
        {rows.map((row, index) => {
          const y = index * BAR.row + 4;
          const barWidth = (row.count / max) * BAR.barMax;
          return (
            <g key={`${row.label}-${index}`}>
              <text x={0} y={y + 14} className="report-chart__label">
                {short(row.label)}
              </text>
              <rect x={BAR.labelWidth} y={y + 2} width={barWidth} height={16} className="report-chart__bar" />
              <text x={BAR.labelWidth + barWidth + 6} y={y + 15} className="report-chart__value">
                {formatNumber(row.count, i18n.language)}
              </text>
            </g>
          );
        })}
      </svg>
      <div className="table-wrap" role="region" aria-labelledby={id} tabIndex={0}>
        <table className="report-chart__table" aria-labelledby={id}>
          <thead>
            <tr>
              <th scope="col">{t('report.statistics.category')}</th>
              <th scope="col" className="numeric">
                {t('report.statistics.count')}
              </th>
              <th scope="col" className="numeric">
                {t('report.statistics.share')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={`${row.label}-${index}`}>
                <th scope="row">{row.label}</th>
                <td className="numeric">{formatNumber(row.count, i18n.language)}</td>
                <td className="numeric">{share(row.count, total, i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

/** Download links of the report: the staff draft, or a published edition. */
export function ReportDownloads({ roundId, edition, level }: { roundId: string; edition: number | null; level: Level }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <section aria-labelledby={id} className="report-downloads">
      <Heading level={level} id={id}>
        {t('report.downloads.heading')}
      </Heading>
      {edition === null && <p className="muted">{t('report.downloads.draftNote')}</p>}
      <ul className="export-links">
        {REPORT_FORMATS.map((format) => (
          <li key={format}>
            <a href={reportFileUrl(roundId, format, i18n.language, edition === null ? null : { edition })} download>
              {edition === null ? t(`report.downloads.${format}`) : t('report.downloads.described', { format: t(`report.downloads.${format}`), edition })}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The consultation report from its data: who consulted what, legal basis and the statutory period, timetable, where it
 * was announced, audiences and channels, meetings with their participants, summaries and oral comments, statistics with
 * charts, the main changes by chapter, where the report is published and the resolution that approved it, personal
 * data, and the annex with every comment considered (withdrawn ones by number only). `level` is the level of its
 * section headings (2 on the report's own page, 3 inside the public round page). An edition of format 1 is shown in
 * today's shape (currentReport).
 */
export function ReportView({ content: stored, sha256, level }: { content: StoredReportContent; sha256: string | null; level: Level }) {
  const content: ReportContent = currentReport(stored);
  const { t, i18n } = useTranslation();
  const submitterName = useSubmitterName();
  const idBase = useId();
  const stats = content.statistics;
  const language = i18n.language;
  const when = (iso: string) => <time dateTime={iso}>{formatDateTime(iso, language)}</time>;
  let number = 0;
  const section = (key: string, children: ReactNode, numbered = true) => {
    const id = `${idBase}-${key}`;
    const title = t(`report.sections.${key}`);
    return (
      <section aria-labelledby={id} className={`report-section report-section--${key}`}>
        <Heading level={level} id={id}>
          {numbered ? `${++number}. ${title}` : title}
        </Heading>
        {children}
      </section>
    );
  };
  const status = (entry: { disposition: string | null }) => t(`report.dispositions.${entry.disposition ?? 'undecided'}`);
  const lang = language === 'en' ? 'en' : 'pl';
  const law = content.law;
  const period = content.statutoryPeriod;
  // An edition of format 1 was announced yet states no period or approval: what it did not record is not made up.
  const earlierFormat = content.round.announcedAt !== null && period === null;
  const charts = [
    { key: 'byDisposition', rows: stats.byDisposition.map((r) => ({ label: t(`report.dispositions.${r.key}`), count: r.count })) },
    { key: 'bySubmitterType', rows: stats.bySubmitterType.map((r) => ({ label: t(`report.submitterTypes.${r.key}`), count: r.count })) },
    { key: 'byChapter', rows: stats.byChapter.map((r) => ({ label: r.key, count: r.count })) },
    { key: 'byChannel', rows: stats.byChannel.map((r) => ({ label: t(`report.channels.${r.key}`), count: r.count })) },
  ];

  return (
    <div className="report">
      <dl className="facts">
        <dt>{t('report.facts.organiser')}</dt>
        <dd>{content.organiser}</dd>
        <dt>{t('report.facts.document')}</dt>
        <dd>{t('report.facts.documentValue', { title: content.document.title, number: content.document.version.number, name: content.document.version.name })}</dd>
        <dt>{t('report.facts.versionHash')}</dt>
        <dd>
          <code className="hash">{content.document.version.contentHash}</code>
        </dd>
        <dt>{t('report.facts.edition')}</dt>
        <dd>{content.publishedAt ? t('report.edition', { edition: content.edition }) : <strong>{t('report.draft')}</strong>}</dd>
        {content.publishedAt && (
          <>
            <dt>{t('report.facts.publishedAt')}</dt>
            <dd>{when(content.publishedAt)}</dd>
          </>
        )}
        {sha256 && (
          <>
            <dt>{t('report.facts.sha256')}</dt>
            <dd>
              <code className="hash">{sha256}</code>
            </dd>
          </>
        )}
      </dl>

      {section(
        'legalBasis',
        <>
          <p>{content.round.legalBasis}</p>
          <dl className="facts">
            <dt>{t('report.period.label')}</dt>
            <dd>
              {t('report.period.rule', { days: law.minimumDays, provision: law.period[lang], act: law.act[lang], journal: law.journal[lang] })}
              {'; '}
              {period ? (
                <>
                  {t('report.period.actual', { days: period.days })}: <strong>{period.kept ? t('report.period.kept') : t('report.period.notKept')}</strong>
                </>
              ) : (
                t(earlierFormat ? 'report.period.notRecorded' : 'report.period.notAnnounced')
              )}
            </dd>
          </dl>
        </>,
      )}

      {section(
        'timetable',
        <dl className="facts">
          {content.round.announcedAt && (
            <>
              <dt>{t('report.timetable.announcedAt')}</dt>
              <dd>{when(content.round.announcedAt)}</dd>
            </>
          )}
          <dt>{t('report.publication.announcement')}</dt>
          <dd>{content.publication.announcement.length ? <Addresses urls={content.publication.announcement} /> : t('report.publication.none')}</dd>
          <dt>{t('report.timetable.opensAt')}</dt>
          <dd>{when(content.round.opensAt)}</dd>
          <dt>{t('report.timetable.closesAt')}</dt>
          <dd>{when(content.round.closesAt)}</dd>
          {content.round.closedAt && (
            <>
              <dt>{t('report.timetable.closedAt')}</dt>
              <dd>{when(content.round.closedAt)}</dd>
            </>
          )}
          <dt>{t('report.timetable.reportDueAt')}</dt>
          <dd>
            <time dateTime={content.round.reportDueAt}>{formatDate(content.round.reportDueAt, language)}</time>
          </dd>
          <dt>{t('report.timetable.audiences')}</dt>
          <dd>{content.round.audiences.map((a) => t(`report.audiences.${a}`)).join('; ')}</dd>
          <dt>{t('report.timetable.channels')}</dt>
          <dd>{content.round.channels.map((c) => t(`report.channels.${c}`)).join('; ')}</dd>
        </dl>,
      )}

      {section(
        'meetings',
        content.meetings.length === 0 ? (
          <p className="muted">{t('report.noMeetings')}</p>
        ) : (
          <ul className="report-meetings">
            {content.meetings.map((meeting, index) => (
              <li key={index}>
                <p>
                  <strong>
                    {when(meeting.startsAt)} · {meeting.place}
                  </strong>
                </p>
                {(meeting.participants !== null || meeting.summary || meeting.comments.length > 0) && (
                  <dl className="facts">
                    {meeting.participants !== null && (
                      <>
                        <dt>{t('report.meetingFacts.participants')}</dt>
                        <dd>{formatNumber(meeting.participants, language)}</dd>
                      </>
                    )}
                    {meeting.summary && (
                      <>
                        <dt>{t('report.meetingFacts.summary')}</dt>
                        <dd className="report-text">{meeting.summary}</dd>
                      </>
                    )}
                    {meeting.comments.length > 0 && (
                      <>
                        <dt>{t('report.meetingFacts.comments')}</dt>
                        <dd>{meeting.comments.join(', ')}</dd>
                      </>
                    )}
                  </dl>
                )}
              </li>
            ))}
          </ul>
        ),
      )}

      {section(
        'statistics',
        <>
          <dl className="facts report-summary">
            <dt>{t('report.statistics.considered')}</dt>
            <dd>{formatNumber(stats.considered, language)}</dd>
            <dt>{t('report.statistics.persons')}</dt>
            <dd>{formatNumber(stats.submitters.persons, language)}</dd>
            <dt>{t('report.statistics.institutions')}</dt>
            <dd>{formatNumber(stats.submitters.institutions, language)}</dd>
            {content.withdrawn.length > 0 && (
              <>
                <dt>{t('report.withdrawnComments.label')}</dt>
                <dd>{content.withdrawn.join(', ')}</dd>
              </>
            )}
          </dl>
          <p className="muted">{t('report.statistics.withdrawnNote')}</p>
          {stats.considered === 0 && <p>{t('report.noComments')}</p>}
          {charts
            .filter((chart) => chart.rows.length > 0)
            .map((chart) => (
              <BarChart key={chart.key} title={t(`report.statistics.${chart.key}`)} rows={chart.rows} total={stats.considered} level={level} />
            ))}
        </>,
      )}

      {section(
        'mainChanges',
        content.mainChanges.length === 0 ? (
          <p className="muted">{t('report.noChanges')}</p>
        ) : (
          <ul className="report-changes">
            {content.mainChanges.map((chapter) => (
              <li key={chapter.chapter}>
                <p>
                  <strong>{chapter.chapter}</strong> · {t('report.changes.counts', { accepted: chapter.accepted, partly: chapter.partlyAccepted })}
                </p>
                {chapter.passages.length > 0 && (
                  <ul className="report-passages">
                    {chapter.passages.map((passage) => (
                      <li key={`${passage.applied}-${passage.comments.join()}`}>
                        <span className="report-text">{t('report.changes.quote', { text: passage.wording })}</span>{' '}
                        <span className="table-note">
                          {passage.applied ? t('report.changes.applied') : t('report.changes.proposed')}; {t('report.changes.comments', { numbers: passage.comments.join(', ') })}
                        </span>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        ),
      )}

      {section(
        'publication',
        <dl className="facts">
          <dt>{t('report.publication.report')}</dt>
          <dd>{content.publication.report.length ? <Addresses urls={content.publication.report} /> : t('report.publication.none')}</dd>
          <dt>{t('report.publication.adoption')}</dt>
          <dd>
            {content.adoption
              ? t('report.publication.adoptionValue', { title: content.adoption.title, date: formatLongDate(content.adoption.adoptedAt, language) })
              : t(earlierFormat ? 'report.period.notRecorded' : 'report.publication.noAdoption')}
          </dd>
        </dl>,
      )}

      {section('personalData', <p>{t('report.personalDataNote')}</p>)}

      {section(
        'annex',
        <>
          {content.annex.length === 0 ? (
            <p className="muted">{t('report.noComments')}</p>
          ) : (
            <div className="table-wrap report-annex" role="region" aria-label={t('report.annexScroll')} tabIndex={0}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('report.columns.number')}</th>
                    <th scope="col">{t('report.columns.part')}</th>
                    <th scope="col">{t('report.columns.currentWording')}</th>
                    <th scope="col">{t('report.columns.proposedWording')}</th>
                    <th scope="col">{t('report.columns.justification')}</th>
                    <th scope="col">{t('report.columns.submitter')}</th>
                    <th scope="col">{t('report.columns.disposition')}</th>
                    <th scope="col">{t('report.columns.dispositionJustification')}</th>
                  </tr>
                </thead>
                <tbody>
                  {content.annex.map((entry) => (
                    <tr key={entry.number} id={commentAnchor(entry.number)}>
                      <th scope="row">{entry.number}</th>
                      <td className="report-text">
                        {entry.chapter}
                        {entry.chapter !== entry.part && <span className="table-note">{entry.part}</span>}
                      </td>
                      <td className="report-text">{entry.currentWording}</td>
                      <td className="report-text">{entry.proposedWording}</td>
                      <td className="report-text">{entry.justification}</td>
                      <td>
                        {submitterName(entry.submitter)}
                        <span className="table-note">
                          {t(`report.submitterTypes.${entry.submitter.type}`)}; {t(`report.channels.${entry.channel}`)}
                        </span>
                      </td>
                      <td>
                        <strong>{status(entry)}</strong>
                      </td>
                      <td className="report-text">{entry.dispositionJustification ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {content.withdrawn.length > 0 && (
            <p>
              <strong>{t('report.withdrawnComments.label')}:</strong> {content.withdrawn.join(', ')}. <span className="muted">{t('report.withdrawnComments.note')}</span>
            </p>
          )}
        </>,
        false,
      )}
    </div>
  );
}
