/**
 * Attendance and proxies for one meeting. A member votes through its representative. A representative present votes
 * for its own member and, when the body's rules allow proxies, for members whose representatives authorised it for
 * this meeting (pełnomocnictwo). A member represented by proxy COUNTS AS PRESENT for the quorum and for a majority of
 * those present (common practice: the member takes part through its proxy).
 */

/** An authorisation recorded for one meeting: member `from`'s vote is cast by member `to`'s representative. */
export type ProxyAuthorisation = { from: string; to: string };

/**
 * Why an authorisation is refused:
 * - proxies_not_allowed: the body's rules do not allow proxies;
 * - not_a_member / holder_not_a_member: the delegating member or the holder is not a member of the body;
 * - self_delegation: a member delegating to itself;
 * - already_delegated: the member already authorised someone (the first authorisation listed stands; withdraw it to
 *   change holder), so nobody ever votes twice for one member;
 * - chain: the holder itself delegates, or the delegating member holds another's vote (A→B→C is refused, both links);
 * - delegator_present: the member's own representative is present and votes itself;
 * - holder_not_present: the holder's representative is not present.
 */
export const PROXY_REFUSALS = [
  'proxies_not_allowed',
  'not_a_member',
  'holder_not_a_member',
  'self_delegation',
  'already_delegated',
  'chain',
  'delegator_present',
  'holder_not_present',
] as const;
export type ProxyRefusal = (typeof PROXY_REFUSALS)[number];

/** Whose vote may be cast, and by which member's representative (itself, or the proxy holder). */
export type EffectiveVoter = { memberId: string; castBy: string; byProxy: boolean };

export type Attendance = {
  /** Every member whose vote can be cast at this meeting, in the order of the body's members. */
  voters: EffectiveVoter[];
  /** Members whose own representative is present. */
  present: string[];
  /** Members represented by proxy (they count as present). */
  represented: string[];
  /** Authorisations accepted and refused, with the reason. */
  accepted: ProxyAuthorisation[];
  refused: Array<{ proxy: ProxyAuthorisation; reason: ProxyRefusal }>;
  /** Ids listed as present that are not members of the body (ignored). */
  notMembers: string[];
};

/**
 * Who may cast which member's vote at a meeting, from the body's members, the members whose representative is present
 * and the authorisations recorded. Refused authorisations are listed with their reason (checked in the order of
 * {@link PROXY_REFUSALS}).
 */
export function effectiveVoters(input: {
  members: readonly { id: string }[];
  present: readonly string[];
  proxies?: readonly ProxyAuthorisation[];
  proxiesAllowed: boolean;
}): Attendance {
  const memberIds = new Set(input.members.map((member) => member.id));
  const presentIds = new Set(input.present.filter((id) => memberIds.has(id)));
  const notMembers = [...new Set(input.present.filter((id) => !memberIds.has(id)))];
  const proxies = input.proxies ?? [];

  const basic = (proxy: ProxyAuthorisation): ProxyRefusal | null => {
    if (!input.proxiesAllowed) return 'proxies_not_allowed';
    if (!memberIds.has(proxy.from)) return 'not_a_member';
    if (!memberIds.has(proxy.to)) return 'holder_not_a_member';
    if (proxy.from === proxy.to) return 'self_delegation';
    return null;
  };
  const candidates = proxies.filter((proxy) => basic(proxy) === null);
  const delegators = new Set(candidates.map((proxy) => proxy.from));
  const holders = new Set(candidates.map((proxy) => proxy.to));

  const seen = new Set<string>();
  const refusal = (proxy: ProxyAuthorisation): ProxyRefusal | null => {
    const reason = basic(proxy);
    if (reason) return reason;
    if (seen.has(proxy.from)) return 'already_delegated';
    seen.add(proxy.from);
    if (delegators.has(proxy.to) || holders.has(proxy.from)) return 'chain';
    if (presentIds.has(proxy.from)) return 'delegator_present';
    if (!presentIds.has(proxy.to)) return 'holder_not_present';
    return null;
  };
  const accepted: ProxyAuthorisation[] = [];
  const refused: Attendance['refused'] = [];
  for (const proxy of proxies) {
    const reason = refusal(proxy);
    if (reason) refused.push({ proxy: { from: proxy.from, to: proxy.to }, reason });
    else accepted.push({ from: proxy.from, to: proxy.to });
  }

  const holderOf = new Map(accepted.map((proxy) => [proxy.from, proxy.to]));
  const voters: EffectiveVoter[] = [];
  for (const id of memberIds) {
    if (presentIds.has(id)) voters.push({ memberId: id, castBy: id, byProxy: false });
    else if (holderOf.has(id)) voters.push({ memberId: id, castBy: holderOf.get(id) as string, byProxy: true });
  }
  return {
    voters,
    present: voters.filter((voter) => !voter.byProxy).map((voter) => voter.memberId),
    represented: voters.filter((voter) => voter.byProxy).map((voter) => voter.memberId),
    accepted,
    refused,
    notMembers,
  };
}
