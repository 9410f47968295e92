import type { TFunction } from 'i18next';
import { formatDate } from '../../i18n/format';
import type { AgendaItemView, MeetingView, MotionView } from './decisions-api';

/** What a motion puts to the vote, in words: the agenda, its change, minutes, or an amendment to a resolution. */
export function motionTitle(motion: MotionView, meeting: MeetingView, t: TFunction, language: string): string {
  const item = (id: string | null | undefined) => meeting.agenda.find((i) => i.id === id);
  switch (motion.kind) {
    case 'agenda':
      return t('decisions.assembly.motions.titles.agenda');
    case 'minutes': {
      const of = item(motion.agendaItemId);
      return t('decisions.assembly.motions.titles.minutes', { title: of ? agendaItemTitle(of, t, language) : '' });
    }
    case 'amendment': {
      const owner = meeting.agenda.find((i) => i.amendments.some((a) => a.id === motion.amendmentId));
      const amendment = owner?.amendments.find((a) => a.id === motion.amendmentId);
      return t('decisions.assembly.motions.titles.amendment', { number: amendment?.number ?? '', title: owner?.title ?? '' });
    }
    default: {
      const change = motion.change;
      if (change?.action === 'move') return t('decisions.assembly.motions.titles.agenda_change_move', { title: item(change.itemId) ? agendaItemTitle(item(change.itemId)!, t, language) : '', position: change.position });
      const added = change?.item;
      const title = added?.kind === 'other' ? (added.title ?? '') : added?.kind === 'resolution' ? (item(meeting.agenda.find((i) => i.resolution?.id === added.resolutionId)?.id)?.title ?? '') : t('decisions.agenda.itemKinds.minutes');
      return change?.position
        ? t('decisions.assembly.motions.titles.agenda_change_add', { title, position: change.position })
        : t('decisions.assembly.motions.titles.agenda_change_add_end', { title });
    }
  }
}

/** The title an agenda item is shown with: an earlier meeting's minutes are named by that meeting and its date. */
export function agendaItemTitle(item: AgendaItemView, t: TFunction, language: string): string {
  if (item.kind === 'minutes' && item.minutesOf) return t('decisions.agenda.minutesTitle', { title: item.minutesOf.title, date: formatDate(item.minutesOf.startsAt, language) });
  return item.title;
}
