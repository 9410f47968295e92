/** The heading of a representative's ballots at the top of the meeting page (OwnBallots), which items link to. */
export const OWN_BALLOTS_ID = 'own-ballots-heading';
