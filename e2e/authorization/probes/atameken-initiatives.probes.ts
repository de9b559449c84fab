import { ALMATY, unique, type ProbeSet } from '../role-table.probe';

const PROPOSE = `mutation($input: ProposeInitiativeInput!) { proposeInitiative(input: $input) { id } }`;
const STATUS = `mutation($id: ID!, $to: InitiativeStatus!) { changeInitiativeStatus(id: $id, to: $to) { id } }`;
const PLEDGE = `mutation($input: PledgeToInitiativeInput!) { pledgeToInitiative(input: $input) { id } }`;
const COMPLETE = `mutation($input: CompleteInitiativeInput!) { completeInitiative(input: $input) { id } }`;
const RATE = `mutation($id: ID!, $score: Int!) { rateInitiative(id: $id, score: $score) { id } }`;

const proposal = (estimate: number) => ({
  kind: 'SOCIAL',
  direction: 'EDUCATION',
  category: 'A',
  title: { kk: `Аула абаттандыру ${unique()}` },
  territory: ALMATY,
  estimate,
});

/**
 * Civic initiatives: proposals, budget, pledges, milestones, completion and ratings.
 * Each row acts on its own record so that allowed callers (who may really pledge or rate)
 * never change what another row reads.
 */
export const atamekenInitiativeProbes: ProbeSet = {
  subgraph: 'atameken',
  async fixtures({ must }) {
    const propose = async (viewer: string, estimate = 100_000): Promise<string> => (await must(PROPOSE, { input: proposal(estimate) }, viewer)).proposeInitiative.id;
    const implemented = async (): Promise<string> => {
      // Proposed by the admin, who may not rate it: so the author rule never meets an allowed rater.
      const id = await propose('admin', 0);
      await must(STATUS, { id, to: 'IN_PROGRESS' });
      await must(COMPLETE, { input: { initiative: id, result: { kk: 'Аула абаттандырылды.' }, peopleServed: 120 } });
      return id;
    };
    const pledge = async (initiative: string, amount: number): Promise<string> => (await must(PLEDGE, { input: { initiative, amount } }, 'owner')).pledgeToInitiative.id;

    // The owner's INITIATED initiative: edits, status changes, budget, milestones and completion are tried on it.
    const ownedId = await propose('owner');
    // The owner's withdrawn initiative: withdrawing again is an INVALID_TRANSITION for those allowed.
    const withdrawnId = await propose('owner');
    await must(STATUS, { id: withdrawnId, to: 'WITHDRAWN' }, 'owner');
    // Allowed callers pledge 1 tenge each here.
    const pledgeTargetId = await propose('admin', 1_000_000_000);
    // The owner pledged twice as a private person: one pledge to cancel, one that stays theirs.
    const fundedId = await propose('admin', 1_000_000);
    const cancelPledgeId = await pledge(fundedId, 1000);
    await pledge(fundedId, 2000);
    // Allowed callers rate this one (each their own score).
    const ratedId = await implemented();
    // Only the owner rated this one.
    const scoredId = await implemented();
    await must(RATE, { id: scoredId, score: 5 }, 'owner');
    return { ownedId, withdrawnId, pledgeTargetId, fundedId, cancelPledgeId, ratedId, scoredId };
  },
  probes: {
    proposeInitiative: {
      document: PROPOSE,
      variables: () => ({ input: proposal(100_000) }),
    },
    updateInitiative: {
      // Sets the category it already has: nothing changes.
      document: `mutation($id: ID!, $input: UpdateInitiativeInput!) { updateInitiative(id: $id, input: $input) { id } }`,
      variables: (f) => ({ id: f.ownedId, input: { category: 'A' } }),
    },
    changeInitiativeStatus: {
      // Nothing ever moves back to INITIATED: officers and admins meet INVALID_TRANSITION.
      document: STATUS,
      variables: (f) => ({ id: f.ownedId, to: 'INITIATED' }),
    },
    withdrawInitiative: {
      // Already WITHDRAWN: the author and admins meet INVALID_TRANSITION.
      document: STATUS,
      variables: (f) => ({ id: f.withdrawnId, to: 'WITHDRAWN' }),
    },
    recordInitiativeBudget: {
      // No budget, as before.
      document: `mutation($id: ID!) { recordInitiativeBudget(id: $id, amount: 0) { id } }`,
      variables: (f) => ({ id: f.ownedId }),
    },
    pledgeToInitiative: {
      document: PLEDGE,
      variables: (f) => ({ input: { initiative: f.pledgeTargetId, amount: 1 } }),
    },
    pledgeToInitiativeForOrganisation: {
      document: PLEDGE,
      variables: (f) => ({ input: { initiative: f.pledgeTargetId, amount: 1, organisation: 'ТОО «Алматы Құрылыс»' } }),
    },
    cancelInitiativePledge: {
      // The owner cancels it on the first call; later calls meet CONFLICT (already cancelled).
      document: `mutation($id: ID!) { cancelInitiativePledge(id: $id) { id } }`,
      variables: (f) => ({ id: f.cancelPledgeId }),
    },
    addInitiativeMilestone: {
      // The initiative is INITIATED: allowed callers meet CONFLICT and nothing is recorded.
      document: `mutation($input: AddInitiativeMilestoneInput!) { addInitiativeMilestone(input: $input) { id } }`,
      variables: (f) => ({ input: { initiative: f.ownedId, happenedOn: '2026-01-15', title: { kk: 'Жұмыс басталды' }, progress: 10 } }),
    },
    completeInitiative: {
      // The initiative is INITIATED: allowed callers meet INVALID_TRANSITION.
      document: COMPLETE,
      variables: (f) => ({ input: { initiative: f.ownedId, result: { kk: 'Аула абаттандырылды.' }, peopleServed: 1 } }),
    },
    rateInitiative: {
      document: RATE,
      variables: (f) => ({ id: f.ratedId, score: 4 }),
    },
    myInitiatives: {
      document: `{ initiatives(first: 1, filter: { mine: true }) { totalCount } }`,
      variables: () => ({}),
    },
    initiativeIsMine: {
      document: `query($id: ID!) { initiative(id: $id) { id isMine } }`,
      variables: (f) => ({ id: f.ownedId }),
      shows: (r) => (r.data as any)?.initiative?.isMine === true,
    },
    initiativePledgeIsMine: {
      document: `query($id: ID!) { initiative(id: $id) { id pledges { organisation isMine } } }`,
      variables: (f) => ({ id: f.fundedId }),
      shows: (r) => ((r.data as any)?.initiative?.pledges ?? []).some((p: any) => p.isMine === true),
    },
    initiativeRatingMyScore: {
      document: `query($id: ID!) { initiative(id: $id) { id rating { count myScore } } }`,
      variables: (f) => ({ id: f.scoredId }),
      shows: (r) => (r.data as any)?.initiative?.rating?.myScore != null,
    },
  },
};
