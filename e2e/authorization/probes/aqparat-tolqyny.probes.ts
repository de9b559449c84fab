import { type GraphQLResponse } from '@rz/test-support';
import { ALMATY, unique, type ProbeSet } from '../role-table.probe';

const NOMINATE = `mutation($input: NominateFaceInput!) { nominateFace(input: $input) { id } }`;
const nomination = () => ({
  name: `Жаңа есім ${unique()}`,
  territory: ALMATY,
  sphere: 'CULTURE',
  story: { kk: 'Қала тұрғындарымен кездесуде ұсынылды' },
  nominatedBy: 'Тұрғындармен кездесу',
});
const ITEM = (plannedDate: string) => ({ channel: 'TV', outlet: 'Almaty.tv', level: 'REGIONAL', format: 'Телерепортаж', plannedDate, language: 'KK' });

/**
 * Whether a list shows a record of Almaty city itself: the fixtures' draft plan or declined face. Records of
 * its districts (a demo face declined in Almaly district) would be visible to that district's officer too.
 */
const listsCityRecord = (r: GraphQLResponse, list: string): boolean =>
  ((r.data as any)?.[list]?.nodes ?? []).some((n: { territory: { code: string } }) => n.territory.code === ALMATY);

/** Media plans and "100 new faces" of Almaty city. */
export const aqparatTolqynyProbes: ProbeSet = {
  subgraph: 'aqparat-tolqyny',
  async fixtures({ must }) {
    // A DRAFT plan with no items: submitting it is refused with BAD_USER_INPUT, reviewing it with INVALID_TRANSITION.
    const plan = await must(`mutation { createMediaPlan(input: { territory: "${ALMATY}", year: 2032, submissionDeadline: "2031-12-01" }) { id } }`);

    // An APPROVED plan whose only item is PUBLISHED: no item can be added, published or cancelled any more.
    const approved = (await must(`mutation { createMediaPlan(input: { territory: "${ALMATY}", year: 2025, submissionDeadline: "2025-01-31" }) { id } }`)).createMediaPlan.id;
    const item = await must(`mutation($planId: ID!, $input: AddMediaPlanItemInput!) { addMediaPlanItem(planId: $planId, input: $input) { id } }`, {
      planId: approved,
      input: ITEM('2025-06-01'),
    });
    await must(`mutation($id: ID!) { submitMediaPlan(id: $id) { id } }`, { id: approved });
    await must(`mutation($id: ID!) { reviewMediaPlan(id: $id, approve: true) { id } }`, { id: approved });
    const publishedItemId = item.addMediaPlanItem.id;
    await must(`mutation($id: ID!, $input: PublishMediaItemInput!) { publishMediaItem(id: $id, input: $input) { id } }`, {
      id: publishedItemId,
      input: { link: 'https://almaty.tv/kk/news/zhana-esim', publishedOn: '2025-06-01', reach: 1000 },
    });

    // Nominations: one the probes act on, one the owner supports, one declined.
    const faceId = (await must(NOMINATE, { input: nomination() })).nominateFace.id;
    const supportedFaceId = (await must(NOMINATE, { input: nomination() })).nominateFace.id;
    await must(`mutation($id: ID!) { supportFace(id: $id) { id } }`, { id: supportedFaceId }, 'owner');
    const declinedFaceId = (await must(NOMINATE, { input: nomination() })).nominateFace.id;
    await must(`mutation($id: ID!) { changeFaceStatus(id: $id, to: DECLINED, reason: "Үміткер жобаға қатысудан бас тартты") { id } }`, { id: declinedFaceId });

    return { mediaPlanId: plan.createMediaPlan.id, approvedPlanId: approved, publishedItemId, faceId, supportedFaceId, declinedFaceId };
  },
  probes: {
    createMediaPlan: {
      // The first allowed caller creates the 2031 plan; the others meet CONFLICT.
      document: `mutation($input: CreateMediaPlanInput!) { createMediaPlan(input: $input) { id } }`,
      variables: () => ({ input: { territory: ALMATY, year: 2031, submissionDeadline: '2030-12-01' } }),
    },
    addMediaPlanItem: {
      // The plan is APPROVED: an allowed caller meets INVALID_TRANSITION and nothing is added.
      document: `mutation($planId: ID!, $input: AddMediaPlanItemInput!) { addMediaPlanItem(planId: $planId, input: $input) { id } }`,
      variables: (f) => ({ planId: f.approvedPlanId, input: ITEM('2025-07-01') }),
    },
    updateMediaPlanItem: {
      // The item's plan is APPROVED: an allowed caller meets INVALID_TRANSITION and nothing changes.
      document: `mutation($id: ID!, $input: AddMediaPlanItemInput!) { updateMediaPlanItem(id: $id, input: $input) { id } }`,
      variables: (f) => ({ id: f.publishedItemId, input: ITEM('2025-07-01') }),
    },
    removeMediaPlanItem: {
      // The item's plan is APPROVED: an allowed caller meets INVALID_TRANSITION and the item stays.
      document: `mutation($id: ID!) { removeMediaPlanItem(id: $id) { id } }`,
      variables: (f) => ({ id: f.publishedItemId }),
    },
    submitMediaPlan: {
      // The fixture plan has no items: an allowed caller is refused with BAD_USER_INPUT and the plan stays DRAFT.
      document: `mutation($id: ID!) { submitMediaPlan(id: $id) { id } }`,
      variables: (f) => ({ id: f.mediaPlanId }),
    },
    reviewMediaPlan: {
      // The fixture plan is DRAFT: an allowed caller meets INVALID_TRANSITION.
      document: `mutation($id: ID!) { reviewMediaPlan(id: $id, approve: true) { id } }`,
      variables: (f) => ({ id: f.mediaPlanId }),
    },
    publishMediaItem: {
      // The item is already PUBLISHED: an allowed caller meets INVALID_TRANSITION.
      document: `mutation($id: ID!, $input: PublishMediaItemInput!) { publishMediaItem(id: $id, input: $input) { id } }`,
      variables: (f) => ({ id: f.publishedItemId, input: { link: 'https://almaty.tv/kk/news/tagy-bir', publishedOn: '2025-06-02', reach: 5 } }),
    },
    cancelMediaItem: {
      // The item is PUBLISHED: an allowed caller meets INVALID_TRANSITION.
      document: `mutation($id: ID!) { cancelMediaItem(id: $id, reason: "Эфир ауысты") { id } }`,
      variables: (f) => ({ id: f.publishedItemId }),
    },
    nominateFace: {
      document: NOMINATE,
      variables: () => ({ input: nomination() }),
    },
    changeFaceStatus: {
      // FEATURED is never a manual step: an allowed caller meets INVALID_TRANSITION and the face stays NOMINATED.
      document: `mutation($id: ID!) { changeFaceStatus(id: $id, to: FEATURED) { id } }`,
      variables: (f) => ({ id: f.faceId }),
    },
    supportFace: {
      // Each viewer supports once; the second call (and a repeat) meets CONFLICT.
      document: `mutation($id: ID!) { supportFace(id: $id) { id } }`,
      variables: (f) => ({ id: f.faceId }),
    },
    withdrawFaceSupport: {
      // A viewer who does not support the face meets NOT_FOUND.
      document: `mutation($id: ID!) { withdrawFaceSupport(id: $id) { id } }`,
      variables: (f) => ({ id: f.faceId }),
    },
    mediaPlanDraft: {
      document: `query($id: ID!) { mediaPlan(id: $id) { id status remarks } }`,
      variables: (f) => ({ id: f.mediaPlanId }),
      shows: (r) => !!(r.data as any)?.mediaPlan,
    },
    mediaPlansDraft: {
      document: `query($territory: ID!) { mediaPlans(filter: { territory: $territory, status: DRAFT }, first: 100) { totalCount nodes { id territory { code } } } }`,
      variables: () => ({ territory: ALMATY }),
      shows: (r) => listsCityRecord(r, 'mediaPlans'),
    },
    faceDeclined: {
      document: `query($id: ID!) { face(id: $id) { id name declineReason } }`,
      variables: (f) => ({ id: f.declinedFaceId }),
      shows: (r) => !!(r.data as any)?.face,
    },
    facesDeclined: {
      document: `query($territory: ID!) { faces(filter: { territory: $territory, status: DECLINED }, first: 100) { totalCount nodes { id territory { code } } } }`,
      variables: () => ({ territory: ALMATY }),
      shows: (r) => listsCityRecord(r, 'faces'),
    },
    faceSupportedByMe: {
      document: `query($id: ID!) { face(id: $id) { id supportCount supportedByMe } }`,
      variables: (f) => ({ id: f.supportedFaceId }),
      shows: (r) => (r.data as any)?.face?.supportedByMe === true,
    },
    faceShortlist: {
      document: `query($territory: ID!) { faceShortlist(territory: $territory, first: 10) { rank supportCount face { id name } } }`,
      variables: () => ({ territory: ALMATY }),
    },
  },
};
