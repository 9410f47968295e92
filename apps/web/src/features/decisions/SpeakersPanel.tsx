import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useFocusWhenShown } from '../../ui/focus-when-shown';
import { ErrorMessage, StatusMessage } from '../../ui/Messages';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { decisionErrorText } from './decision-errors';
import {
  endSpeech,
  giveFloor,
  type MeetingView,
  requestFloor,
  setCurrentItem,
  setSpeakingTime,
  type SpeakerKind,
  type SpeakersView,
  type SpeakerView,
  speakersPath,
  withdrawRequest,
} from './decisions-api';
import { useAction } from './useAction';
import { useSecondsLeft } from './useSecondsLeft';
import './speakers.css';

/** The times per speaker the chair picks from (seconds), besides the one set now. */
const LIMITS = [30, 60, 120, 180, 300, 600, 900, 1200, 1800, 3600];

/** "5:00", "0:30", "60:00": minutes and seconds of a time limit. */
export function minutesAndSeconds(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** "04:59": the time left of a speech, as a countdown shows it. */
export function countdownText(seconds: number): string {
  return `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
}

export interface Speakers {
  data: SpeakersView | null;
  error: unknown;
  reload: () => Promise<void>;
  replace: (view: SpeakersView) => void;
}

/** The meeting's speakers' list while `enabled` (an open meeting); late answers of older reads are dropped. */
export function useSpeakers(meetingId: string, enabled: boolean): Speakers {
  const [state, setState] = useState<{ id: string; data: SpeakersView | null; error: unknown }>({ id: meetingId, data: null, error: null });
  const generation = useRef(0);
  const reload = useCallback(async () => {
    if (!enabled) return;
    const mine = ++generation.current;
    try {
      const data = await api.get<SpeakersView>(speakersPath(meetingId));
      if (mine === generation.current) setState({ id: meetingId, data, error: null });
    } catch (error) {
      if (mine === generation.current) setState((s) => ({ ...s, id: meetingId, error }));
    }
  }, [meetingId, enabled]);
  const replace = useCallback(
    (data: SpeakersView) => {
      generation.current += 1;
      setState({ id: meetingId, data, error: null });
    },
    [meetingId],
  );
  useEffect(() => {
    void reload();
  }, [reload]);
  const fresh = state.id === meetingId;
  return { data: fresh ? state.data : null, error: fresh ? state.error : null, reload, replace };
}

type Member = MeetingView['members'][number];

/**
 * The speakers' list of an open meeting: the item under discussion, who has the floor with the time left, and the
 * requests on the item. A member's representative asks to speak (a speech or a point of order) for their member and
 * withdraws their own request; the chair (a coordinator, or the representative of the body's chair) moves to another
 * item, sets the time per speaker, gives the floor, ends a speech and adds someone by name.
 */
export function SpeakersPanel({ meeting, speakers, chair, own }: { meeting: MeetingView; speakers: Speakers; chair: boolean; own: Member | null }) {
  const { t } = useTranslation();
  const { busy, failure, run } = useAction();
  const [notice, setNotice] = useState<string | null>(null);
  const focusWhenShown = useFocusWhenShown();
  const view = speakers.data;
  const current = view ? (meeting.agenda.find((item) => item.id === view.currentItemId) ?? null) : null;
  const list = view && current ? (view.items.find((item) => item.itemId === current.id)?.speakers ?? []) : [];
  const kindText = (kind: SpeakerKind) => t(`decisions.speakers.kinds.${kind}`);

  /** Runs a change; its answer is the list as it stands; then the focus goes where `focus` says. */
  async function act(change: () => Promise<SpeakersView>, after: (next: SpeakersView) => { message: string; focus: string | null }): Promise<boolean> {
    setNotice(null);
    const ok = await run(async () => {
      const next = await change();
      speakers.replace(next);
      const { message, focus } = after(next);
      setNotice(message);
      if (focus) focusWhenShown(focus);
    });
    // A request that changed meanwhile (given the floor, withdrawn by the chair): show the list as it is now.
    if (!ok) void speakers.reload();
    return ok;
  }

  if (!view) {
    return (
      <section aria-labelledby="speakers-heading" className="panel speakers">
        <h2 id="speakers-heading">{t('decisions.speakers.heading')}</h2>
        {speakers.error != null && <p>{t('decisions.speakers.unavailable')}</p>}
      </section>
    );
  }

  const speaking = view.speaking;
  const firstWaiting = (next: SpeakersView) => next.items.find((item) => item.itemId === next.currentItemId)?.speakers.find((s) => s.state === 'waiting') ?? null;
  const ownWaiting = (kind: SpeakerKind) => list.some((s) => s.organisationId === own?.id && s.kind === kind && s.state === 'waiting');
  const ask = (kind: SpeakerKind) =>
    act(
      () => requestFloor(meeting.id, kind),
      (next) => {
        const mine = next.items.flatMap((item) => item.speakers).find((s) => s.organisationId === own?.id && s.kind === kind && s.state === 'waiting');
        return { message: t('decisions.speakers.requested', { kind: kindText(kind), member: own?.name ?? '' }), focus: mine ? speakerId(mine) : null };
      },
    );

  return (
    <section aria-labelledby="speakers-heading" className="panel speakers">
      <h2 id="speakers-heading" tabIndex={-1}>
        {t('decisions.speakers.heading')}
      </h2>
      <StatusMessage message={notice} />
      <ErrorMessage message={failure ? decisionErrorText(failure, t) : null} />
      <p id="speakers-current" className="speakers__current" tabIndex={-1}>
        {current ? t('decisions.speakers.current', { position: current.position, title: current.title }) : t('decisions.speakers.noCurrent')}
      </p>
      {chair && meeting.agenda.length > 0 && (
        <MoveToItem
          meeting={meeting}
          currentItemId={view.currentItemId}
          busy={busy}
          onMove={(itemId) => {
            const item = meeting.agenda.find((i) => i.id === itemId);
            void act(
              () => setCurrentItem(meeting.id, itemId),
              () => ({ message: t('decisions.speakers.moved', { position: item?.position ?? '', title: item?.title ?? '' }), focus: 'speakers-current' }),
            );
          }}
        />
      )}

      <div className="speakers__floor">
        <h3>{t('decisions.speakers.speakingHeading')}</h3>
        {speaking ? (
          <>
            <p id="speakers-speaking" className="speakers__speaker" tabIndex={-1}>
              {t('decisions.speakers.entry', { name: speaking.name, kind: kindText(speaking.kind) })}
            </p>
            {speaking.endsAt && <Countdown key={speaking.id} endsAt={speaking.endsAt} serverTime={view.serverTime} name={speaking.name} />}
            {chair && (
              <p>
                <button
                  id="speakers-end"
                  type="button"
                  className="button"
                  aria-disabled={busy}
                  onClick={() =>
                    void act(
                      () => endSpeech(meeting.id, speaking.id),
                      (next) => {
                        const following = firstWaiting(next);
                        return { message: t('decisions.speakers.ended', { name: speaking.name }), focus: following ? floorButtonId(following) : 'speakers-nobody' };
                      },
                    )
                  }
                >
                  {t('decisions.speakers.end')}
                </button>
              </p>
            )}
          </>
        ) : (
          <p id="speakers-nobody" tabIndex={-1}>
            {t('decisions.speakers.nobody')}
          </p>
        )}
      </div>

      {chair ? (
        <SpeakingLimit
          seconds={view.speakingSeconds}
          busy={busy}
          onSet={(seconds) => void act(() => setSpeakingTime(meeting.id, seconds), () => ({ message: t('decisions.speakers.limitSet', { time: t('decisions.speakers.limitOption', { time: minutesAndSeconds(seconds) }) }), focus: null }))}
        />
      ) : (
        <p>{t('decisions.speakers.limit', { time: t('decisions.speakers.limitOption', { time: minutesAndSeconds(view.speakingSeconds) }) })}</p>
      )}

      {own && current && (
        <div className="speakers__request">
          <p>{t('decisions.speakers.requestHint', { member: own.name })}</p>
          <p className="speakers__buttons">
            {!ownWaiting('speech') && (
              <button type="button" className="button button--primary" aria-disabled={busy} onClick={() => void ask('speech')}>
                {t('decisions.speakers.request')}
              </button>
            )}
            {!ownWaiting('point_of_order') && (
              <button type="button" className="button" aria-disabled={busy} onClick={() => void ask('point_of_order')}>
                {t('decisions.speakers.pointOfOrder')}
              </button>
            )}
          </p>
        </div>
      )}

      {current && (
        <>
          <h3 id="speakers-list-heading">{t('decisions.speakers.listCaption', { position: current.position })}</h3>
          {list.length === 0 ? (
            <p>{t('decisions.speakers.empty')}</p>
          ) : (
            <ol className="speakers__list" aria-labelledby="speakers-list-heading">
              {list.map((entry) => {
                const mayWithdraw = entry.state === 'waiting' && (chair || (own !== null && entry.organisationId === own.id));
                const named = { name: entry.name, kind: kindText(entry.kind) };
                return (
                  <li key={entry.id} id={speakerId(entry)} tabIndex={-1} className={`speakers__entry speakers__entry--${entry.state}`}>
                    <span className="speakers__who">{t('decisions.speakers.entry', named)}</span>{' '}
                    <span className={`badge speakers__state speakers__state--${entry.state}`}>{t(`decisions.speakers.states.${entry.state}`)}</span>
                    {(mayWithdraw || (chair && entry.state === 'waiting')) && (
                      <span className="speakers__actions">
                        {chair && entry.state === 'waiting' && (
                          <button
                            id={floorButtonId(entry)}
                            type="button"
                            className="button button--primary"
                            aria-label={t('decisions.speakers.giveFloorNamed', named)}
                            aria-disabled={busy}
                            onClick={() => void act(() => giveFloor(meeting.id, entry.id), () => ({ message: t('decisions.speakers.given', named), focus: 'speakers-speaking' }))}
                          >
                            {t('decisions.speakers.giveFloor')}
                          </button>
                        )}
                        {mayWithdraw && (
                          <button
                            type="button"
                            className="button"
                            aria-label={t('decisions.speakers.withdrawNamed', named)}
                            aria-disabled={busy}
                            onClick={() => void act(() => withdrawRequest(meeting.id, entry.id), () => ({ message: t('decisions.speakers.withdrawn', named), focus: speakerId(entry) }))}
                          >
                            {t('decisions.speakers.withdraw')}
                          </button>
                        )}
                      </span>
                    )}
                  </li>
                );
              })}
            </ol>
          )}
          {chair && <AddSpeaker busy={busy} onAdd={(name) => act(() => requestFloor(meeting.id, 'speech', name), () => ({ message: t('decisions.speakers.added', { name }), focus: null }))} />}
        </>
      )}
    </section>
  );
}

const speakerId = (entry: SpeakerView) => `speaker-${entry.id}`;
const floorButtonId = (entry: SpeakerView) => `floor-${entry.id}`;

/**
 * The time left of the speech under way, mm:ss, ticking visibly but silently (role="timer" is not announced); when it
 * runs out, "time is up" is said once, politely.
 */
function Countdown({ endsAt, serverTime, name }: { endsAt: string; serverTime: string; name: string }) {
  const { t } = useTranslation();
  const { left, over } = useSecondsLeft(endsAt, serverTime);
  return (
    <>
      <p className="speakers__timer">
        <span id="speakers-remaining">{t('decisions.speakers.remaining')}</span>{' '}
        <span role="timer" aria-live="off" aria-labelledby="speakers-remaining" className={over ? 'speakers__clock speakers__clock--over' : 'speakers__clock'}>
          {countdownText(left)}
        </span>
        {over && <strong className="speakers__overtime"> ({t('decisions.speakers.overtime')})</strong>}
      </p>
      <StatusMessage message={over ? t('decisions.speakers.timeUp', { name }) : null} />
    </>
  );
}

/** The chair's choice of the item under discussion. */
function MoveToItem({ meeting, currentItemId, busy, onMove }: { meeting: MeetingView; currentItemId: string | null; busy: boolean; onMove: (itemId: string) => void }) {
  const { t } = useTranslation();
  // The item after the one under discussion is offered first (the first item before any).
  const currentPosition = meeting.agenda.find((item) => item.id === currentItemId)?.position ?? 0;
  const nextId = (meeting.agenda.find((item) => item.position > currentPosition) ?? meeting.agenda[0]!).id;
  const [itemId, setItemId] = useState(nextId);
  useEffect(() => setItemId(nextId), [nextId]);
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!busy) onMove(itemId);
  }
  return (
    <form className="speakers__form" onSubmit={submit}>
      <SelectField
        id="speakers-item"
        label={t('decisions.speakers.moveLabel')}
        value={itemId}
        options={meeting.agenda.map((item) => ({ value: item.id, label: t('decisions.speakers.itemOption', { position: item.position, title: item.title }) }))}
        onChange={setItemId}
      />
      <button type="submit" className="button" aria-disabled={busy}>
        {t('decisions.speakers.moveTo')}
      </button>
    </form>
  );
}

/** The chair's time per speaker. */
function SpeakingLimit({ seconds, busy, onSet }: { seconds: number; busy: boolean; onSet: (seconds: number) => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(String(seconds));
  useEffect(() => setValue(String(seconds)), [seconds]);
  const options = [...new Set([...LIMITS, seconds])].sort((a, b) => a - b).map((s) => ({ value: String(s), label: t('decisions.speakers.limitOption', { time: minutesAndSeconds(s) }) }));
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!busy) onSet(Number(value));
  }
  return (
    <form className="speakers__form" onSubmit={submit}>
      <SelectField id="speakers-limit" label={t('decisions.speakers.limitLabel')} value={value} options={options} onChange={setValue} />
      <button type="submit" className="button" aria-disabled={busy}>
        {t('decisions.speakers.setLimit')}
      </button>
    </form>
  );
}

/** The chair adds someone who is no member's representative (a guest, an expert) by name. */
function AddSpeaker({ busy, onAdd }: { busy: boolean; onAdd: (name: string) => Promise<boolean> }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();
  const input = useRef<HTMLInputElement>(null);
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (!name.trim()) {
      setError(t('decisions.speakers.nameRequired'));
      input.current?.focus();
      return;
    }
    setError(undefined);
    if (await onAdd(name.trim())) setName('');
    input.current?.focus();
  }
  return (
    <form className="speakers__form speakers__form--add" onSubmit={(event) => void submit(event)} noValidate>
      <TextField id="speakers-add-name" label={t('decisions.speakers.addLabel')} value={name} onChange={setName} error={error} inputRef={input} autoComplete="off" />
      <button type="submit" className="button" aria-disabled={busy}>
        {t('decisions.speakers.add')}
      </button>
    </form>
  );
}
