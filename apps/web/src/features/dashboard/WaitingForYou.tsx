import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { components } from '../../api/schema';
import { useApiData } from '../../api/useApiData';
import { formatDateTime } from '../../i18n/format';
import { DataView } from '../../ui/DataView';
import { meetingPage, resolutionPage, versionPage } from '../decisions/decisions-api';

/** GET /api/workspaces/:id/my-tasks (apps/api/src/tasks): each kind's items, the most urgent first; times as ISO strings. */
export type MyTasks = components['schemas']['MyTasksDto'];

export const TASK_KINDS = ['ballots', 'meetings', 'approvals', 'comments', 'mentions', 'deadlines'] as const satisfies readonly (keyof MyTasks['counts'])[];
export type TaskKind = (typeof TASK_KINDS)[number];

export const myTasksPath = (workspaceId: string) => `/workspaces/${workspaceId}/my-tasks`;

/** One thing waiting: where to do it, and when (due or since) in Warsaw's time. */
interface Item {
  key: string;
  to: string;
  label: string;
  note?: string;
  when?: { label: string; iso: string; past?: boolean };
}

/**
 * "Czeka na Ciebie", first on the dashboard: what waits for the person, grouped by kind with how many of each
 * (ballots, meetings, versions to sign off, comments to decide, mentions, deadlines), each linking to the exact page,
 * times in Warsaw's time; "Nic nie czeka na Ciebie" when nothing does.
 */
export function WaitingForYou({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const tasks = useApiData<MyTasks>(myTasksPath(workspaceId));
  return (
    <section aria-labelledby="waiting-heading" className="panel waiting">
      <h2 id="waiting-heading">{t('dashboard.waiting.heading')}</h2>
      <DataView source={tasks}>{(data) => <TaskGroups workspaceId={workspaceId} tasks={data} />}</DataView>
    </section>
  );
}

function TaskGroups({ workspaceId, tasks }: { workspaceId: string; tasks: MyTasks }) {
  const { t, i18n } = useTranslation();
  const kinds = TASK_KINDS.filter((kind) => tasks.counts[kind] > 0);
  if (kinds.length === 0) return <p>{t('dashboard.waiting.none')}</p>;
  const items = itemsOf(workspaceId, tasks, t);
  return (
    <>
      {kinds.map((kind) => (
        <div key={kind} className="waiting__group">
          <h3 id={`waiting-${kind}`}>{t(`dashboard.waiting.kinds.${kind}`, { count: tasks.counts[kind] })}</h3>
          <ul aria-labelledby={`waiting-${kind}`}>
            {items[kind].map((item) => (
              <li key={item.key}>
                <Link to={item.to}>{item.label}</Link>
                {item.note && <span className="table-note">{item.note}</span>}
                {item.when && (
                  <span className={item.when.past ? 'table-note table-note--warning' : 'table-note'}>
                    {item.when.label} <time dateTime={item.when.iso}>{formatDateTime(item.when.iso, i18n.language)}</time>
                    {item.when.past && <> ({t('dashboard.waiting.past')})</>}
                  </span>
                )}
              </li>
            ))}
          </ul>
          {tasks.counts[kind] > items[kind].length && <p className="muted">{t('dashboard.waiting.more', { shown: items[kind].length, count: tasks.counts[kind] })}</p>}
        </div>
      ))}
    </>
  );
}

function itemsOf(workspaceId: string, tasks: MyTasks, t: (key: string, options?: Record<string, unknown>) => string): Record<TaskKind, Item[]> {
  const now = Date.now();
  const due = (label: string, iso: string) => ({ label, iso, past: new Date(iso).getTime() < now });
  const w = (key: string, options?: Record<string, unknown>) => t(`dashboard.waiting.${key}`, options);
  return {
    ballots: tasks.ballots.map((b) => ({
      key: `${b.voteId}-${b.member.id}`,
      to: b.meetingId ? meetingPage(workspaceId, b.meetingId) : resolutionPage(workspaceId, b.resolutionId),
      label: b.resolutionTitle,
      note: [b.byProxy ? w('ballot.proxy', { member: b.member.name }) : w('ballot.own', { member: b.member.name }), b.meetingTitle ? w('ballot.atMeeting', { meeting: b.meetingTitle }) : w('ballot.remote'), b.checkInFirst ? w('ballot.checkInFirst') : '']
        .filter(Boolean)
        .join(' · '),
      when: b.dueAt ? due(w('closes'), b.dueAt) : undefined,
    })),
    meetings: tasks.meetings.map((m) => ({
      key: m.meetingId,
      to: meetingPage(workspaceId, m.meetingId),
      label: w('meeting.label', { title: m.title, body: m.body }),
      note: w(`meeting.${m.state === 'open' ? 'open' : 'planned'}_${m.presence}`),
      when: { label: w('starts'), iso: m.dueAt },
    })),
    approvals: tasks.approvals.map((a) => ({
      key: a.versionId,
      to: versionPage(workspaceId, a.documentId, a.versionId),
      label: w('approval.label', { document: a.documentTitle, number: a.versionNumber, name: a.versionName }),
      note: w('approval.adoptedBy', { resolution: a.resolution.fullTitle }),
    })),
    comments: tasks.comments.map((c) => ({
      key: c.commentId,
      to: `/w/${workspaceId}/rounds/${c.roundId}/comments?${new URLSearchParams({ q: c.number }).toString()}`,
      label: w('comment.label', { number: c.number, part: c.part }),
      note: `${w(`comment.${c.action}`)} · ${c.roundTitle}`,
      when: due(w('reportDue'), c.dueAt),
    })),
    mentions: tasks.mentions.map((m) => ({
      key: m.notificationId,
      to: `/w/${workspaceId}/d/${m.documentId}${m.threadId ? `#thread-${m.threadId}` : ''}`,
      label: w('mention.label', { actor: m.actor ?? t('comments.someone'), document: m.documentTitle }),
      note: m.excerpt,
      when: { label: w('since'), iso: m.createdAt },
    })),
    deadlines: tasks.deadlines.map((d) => ({
      key: `${d.roundId}-${d.deadline}`,
      to: `/w/${workspaceId}/rounds/${d.roundId}`,
      label: d.roundTitle,
      note: w(`deadline.${d.deadline}`),
      when: due(w('due'), d.dueAt),
    })),
  };
}

