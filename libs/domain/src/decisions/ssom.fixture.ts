import type { VotingMember } from './weights';

/**
 * The 15 members of the demo association (SSOM) with their approximate populations, copied from
 * shared/domain/ssom-demo.json for the specs (mixed years; the powiat and the województwo overlap the gminas).
 */
export const SSOM_MEMBERS: VotingMember[] = [
  { id: 'wojewodztwo-zachodniopomorskie', population: 1631784 },
  { id: 'szczecin', population: 390300 },
  { id: 'swinoujscie', population: 38904 },
  { id: 'powiat-policki', population: 81584 },
  { id: 'police', population: 38850 },
  { id: 'dobra', population: 25643 },
  { id: 'kolbaskowo', population: 11600 },
  { id: 'nowe-warpno', population: 1670 },
  { id: 'gryfino', population: 29919 },
  { id: 'stare-czarnowo', population: 3828 },
  { id: 'miasto-stargard', population: 66604 },
  { id: 'gmina-stargard', population: 14133 },
  { id: 'kobylanka', population: 5845 },
  { id: 'goleniow', population: 35500 },
  { id: 'stepnica', population: 4860 },
];

export const SSOM_IDS = SSOM_MEMBERS.map((member) => member.id);
