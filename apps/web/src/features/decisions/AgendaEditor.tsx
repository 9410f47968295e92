import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiData } from '../../api/useApiData';
import { formatDate } from '../../i18n/format';
import { ErrorMessage, StatusMessage } from '../../ui/Messages';
import { addAgendaItem, moveAgendaItem, openMotion, removeAgendaItem } from './assembly-api';
import { decisionErrorText } from './decision-errors';
import type { MeetingSummary, MeetingView } from './decisions-api';
import { type Refresh, voteHeadingId } from './AgendaItem';
import { agendaItemTitle } from './motion-text';
import { voteOpenAt } from './ProceduralVotes';
import { useAction } from './useAction';

/**
 * The chair's agenda. Until the meeting adopts it: items added (any item by its title, or the approval of an earlier
 * meeting's minutes), moved up and down, and removed. Once adopted: a change (an item added, or one moved) is put to
 * the vote of the meeting, or made by the chair where the body's rule book gives the chair that change.
 */
export function AgendaEditor({ meeting, onChanged, refresh }: { meeting: MeetingView; onChanged: (next: MeetingView, message: string, focus: string) => void; refresh: Refresh }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const action = useAction();
  const [title, setTitle] = useState('');
  const [minutesOf, setMinutesOf] = useState('');
  const [moveItem, setMoveItem] = useState('');
  const [position, setPosition] = useState('1');
  const [notice, setNotice] = useState<string | null>(null);
  const meetings = useApiData<MeetingSummary[]>(`/workspaces/${meeting.workspaceId}/meetings`);
  const adopted = meeting.agendaAdoptedAt !== null;
  // After the adoption, whether the chair makes the change or puts it to the vote (the body's rule book).
  const byChair = { add: !adopted || meeting.agendaChanges.add === 'chair', move: adopted && meeting.agendaChanges.move === 'chair' };
  const earlier = (meetings.data ?? []).filter((m) => m.body.id === meeting.body.id && m.state === 'closed' && m.id !== meeting.id && !meeting.agenda.some((i) => i.minutesOf?.id === m.id));
  const titled = (itemId: string) => {
    const item = meeting.agenda.find((i) => i.id === itemId);
    return item ? agendaItemTitle(item, t, i18n.language) : '';
  };
  const change = (run: () => Promise<MeetingView>, message: string, focus: string) =>
    void action.run(async () => {
      onChanged(await run(), message, focus);
    });
  const propose = (motion: Parameters<typeof openMotion>[1]) =>
    void action.run(async () => {
      const vote = await openMotion(meeting.id, motion);
      await refresh(voteHeadingId(vote.id));
    });

  if (adopted && meeting.state !== 'open') return null;
  return (
    <section aria-labelledby={`${id}-heading`} className="agenda-editor panel">
      <h3 id={`${id}-heading`} tabIndex={-1}>
        {t(adopted ? 'decisions.assembly.agenda.changeHeading' : 'decisions.assembly.agenda.heading')}
      </h3>
      <p className="field__hint">
        {t(!adopted ? 'decisions.assembly.agenda.hint' : byChair.add || byChair.move ? 'decisions.assembly.agenda.changeHintChair' : 'decisions.assembly.agenda.changeHint')}
      </p>
      <StatusMessage message={notice} />
      {action.failure ? <ErrorMessage message={decisionErrorText(action.failure, t)} /> : null}
      {!adopted && (
        <ol className="agenda-editor__items">
          {meeting.agenda.map((item, index) => {
            const name = agendaItemTitle(item, t, i18n.language);
            return (
              <li key={item.id}>
                {name}{' '}
                <button
                  id={`${id}-up-${item.id}`}
                  type="button"
                  className="button button--small"
                  aria-disabled={index === 0 || action.busy}
                  onClick={() => index > 0 && change(() => moveAgendaItem(meeting.id, item.id, index), t('decisions.assembly.agenda.moved'), `${id}-up-${item.id}`)}
                >
                  <span aria-hidden="true">↑</span>
                  <span className="visually-hidden">{t('decisions.assembly.agenda.moveUp', { title: name })}</span>
                </button>{' '}
                <button
                  id={`${id}-down-${item.id}`}
                  type="button"
                  className="button button--small"
                  aria-disabled={index === meeting.agenda.length - 1 || action.busy}
                  onClick={() => index < meeting.agenda.length - 1 && change(() => moveAgendaItem(meeting.id, item.id, index + 2), t('decisions.assembly.agenda.moved'), `${id}-down-${item.id}`)}
                >
                  <span aria-hidden="true">↓</span>
                  <span className="visually-hidden">{t('decisions.assembly.agenda.moveDown', { title: name })}</span>
                </button>{' '}
                <button type="button" className="button button--small" aria-disabled={action.busy} onClick={() => change(() => removeAgendaItem(meeting.id, item.id), t('decisions.assembly.agenda.removed'), `${id}-heading`)}>
                  {t('decisions.assembly.agenda.remove', { title: name })}
                </button>
              </li>
            );
          })}
        </ol>
      )}
      <form
        className="agenda-editor__form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!title.trim()) return;
          if (!byChair.add) propose({ kind: 'agenda_change', change: { action: 'add', item: { kind: 'other', title: title.trim() } } });
          else change(() => addAgendaItem(meeting.id, { kind: 'other', title: title.trim() }), t('decisions.assembly.agenda.added'), `${id}-heading`);
          setTitle('');
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-title`}>{t('decisions.assembly.agenda.otherTitle')}</label>
          <input id={`${id}-title`} type="text" maxLength={300} value={title} onChange={(event) => setTitle(event.target.value)} />
        </div>
        <button type="submit" className="button" aria-disabled={action.busy || !title.trim()}>
          {t(byChair.add ? 'decisions.assembly.agenda.addOther' : 'decisions.assembly.agenda.changeAdd')}
        </button>
      </form>
      {!adopted &&
        (earlier.length === 0 ? (
          <p className="muted">{t('decisions.assembly.agenda.noEarlier')}</p>
        ) : (
          <form
            className="agenda-editor__form"
            onSubmit={(event) => {
              event.preventDefault();
              const of = minutesOf || earlier[0].id;
              change(() => addAgendaItem(meeting.id, { kind: 'minutes', minutesOf: of, position: 1 }), t('decisions.assembly.agenda.added'), `${id}-heading`);
            }}
          >
            <div className="field">
              <label htmlFor={`${id}-minutes`}>{t('decisions.assembly.agenda.minutesOf')}</label>
              <select id={`${id}-minutes`} value={minutesOf || earlier[0].id} onChange={(event) => setMinutesOf(event.target.value)}>
                {earlier.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.title} ({formatDate(m.startsAt, i18n.language)})
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="button" aria-disabled={action.busy}>
              {t('decisions.assembly.agenda.addMinutes')}
            </button>
          </form>
        ))}
      {adopted && meeting.agenda.length > 1 && (byChair.move || !voteOpenAt(meeting)) && (
        <form
          className="agenda-editor__form"
          onSubmit={(event) => {
            event.preventDefault();
            const itemId = moveItem || meeting.agenda[0].id;
            if (byChair.move) change(() => moveAgendaItem(meeting.id, itemId, Number(position)), t('decisions.assembly.agenda.moved'), `${id}-heading`);
            else propose({ kind: 'agenda_change', change: { action: 'move', itemId, position: Number(position) } });
            setNotice(null);
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-move`}>{t('decisions.assembly.agenda.item')}</label>
            <select id={`${id}-move`} value={moveItem || meeting.agenda[0].id} onChange={(event) => setMoveItem(event.target.value)}>
              {meeting.agenda.map((item) => (
                <option key={item.id} value={item.id}>
                  {item.position}. {titled(item.id)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-position`}>{t('decisions.assembly.agenda.position')}</label>
            <select id={`${id}-position`} value={position} onChange={(event) => setPosition(event.target.value)}>
              {meeting.agenda.map((item) => (
                <option key={item.position} value={String(item.position)}>
                  {item.position}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button" aria-disabled={action.busy}>
            {t(byChair.move ? 'decisions.assembly.agenda.move' : 'decisions.assembly.agenda.changeMove')}
          </button>
        </form>
      )}
    </section>
  );
}
