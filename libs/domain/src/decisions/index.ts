// Decisions (issue 6): the rule engine for resolutions voted by members' representatives. Pure code, exact arithmetic.
export { COMPARISONS, type Comparison, type Rational } from './rational';
export * from './rules';
export * from './validation';
export * from './weights';
export * from './proxies';
export { VOTE_CHOICES, VOTE_REFUSALS, checkVote, type Meeting, type Vote, type VoteCheck, type VoteChoice, type VoteRefusal } from './votes';
export * from './outcome';
export * from './numbering';
export * from './elections';
