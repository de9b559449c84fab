import { type GraphQLResponse } from '@rz/test-support';
import { ALMATY, unique, type ProbeSet } from '../role-table.probe';

/**
 * District reports of Medeu district, Almaty: the city's officers and project office cover it, the
 * Almaly district officer (and Astana) do not, as for a record of the city itself.
 */
const MEDEU = '751710000';
const REPORT = `mutation($input: CreateDistrictReportInput!) { createDistrictReport(input: $input) { id } }`;

const PROJECT = `mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }`;
const project = () => ({
  subprogramme: 'TARBIE_BILIM',
  baseProject: 'Olketanu',
  title: `Алматы өлкетану жобасы ${unique()}`,
  territory: ALMATY,
  startsOn: '2026-09-01',
  endsOn: '2027-05-31',
  goal: 'Мектептер қала тарихын зерттейді',
  measurableResult: '20 үйірме, 500 оқушы',
});

/** The project register of Almaty city (a Tarbie-Bilim project) and the reports of one of its districts. */
export const projectOfficeProbes: ProbeSet = {
  subgraph: 'project-office',
  async fixtures({ must }) {
    // A COMPLETED project: an allowed caller changing its status meets INVALID_TRANSITION.
    const completed = (await must(PROJECT, { input: project() })).createProject.id;
    await must(`mutation($id: ID!) { changeProjectStatus(id: $id, status: ACTIVE) { id } }`, { id: completed });
    await must(`mutation($id: ID!) { changeProjectStatus(id: $id, status: COMPLETED) { id } }`, { id: completed });
    const linked = (await must(PROJECT, { input: project() })).createProject.id;

    // An ACCEPTED report (submitting it again is INVALID_TRANSITION) and a DRAFT one (reviewing it is), in periods the demo data leaves free.
    const accepted = (await must(REPORT, { input: { territory: MEDEU, periodEnd: '2026-10-09', results: 'Медеу ауданында 2 жаңа үйірме ашылды' } })).createDistrictReport.id;
    await must(`mutation($id: ID!) { submitDistrictReport(id: $id) { id } }`, { id: accepted });
    await must(`mutation($id: ID!) { reviewDistrictReport(id: $id, accept: true) { id } }`, { id: accepted });
    const draft = (await must(REPORT, { input: { territory: MEDEU, periodEnd: '2026-09-25' } })).createDistrictReport.id;
    return { completedProjectId: completed, linkedProjectId: linked, acceptedReportId: accepted, draftReportId: draft };
  },
  probes: {
    createProject: {
      document: PROJECT,
      variables: () => ({ input: project() }),
    },
    changeProjectStatus: {
      document: `mutation($id: ID!) { changeProjectStatus(id: $id, status: CANCELLED) { id } }`,
      variables: (f) => ({ id: f.completedProjectId }),
    },
    linkProject: {
      // Adding the same link again changes nothing.
      document: `mutation($id: ID!, $add: [ProjectLinkInput!]!) { linkProject(id: $id, add: $add) { id } }`,
      variables: (f) => ({ id: f.linkedProjectId, add: [{ kind: 'MONUMENT', id: f.completedProjectId }] }),
    },
    createDistrictReport: {
      // The first allowed caller creates the report; the others meet CONFLICT.
      document: REPORT,
      variables: () => ({ input: { territory: MEDEU, periodEnd: '2026-10-23' } }),
    },
    updateDistrictReport: {
      document: `mutation($id: ID!, $input: DistrictReportNarrativeInput!) { updateDistrictReport(id: $id, input: $input) { id } }`,
      variables: (f) => ({ id: f.draftReportId, input: { problems: 'Екі мектепте үйірме жетекшісі жоқ' } }),
    },
    submitDistrictReport: {
      // ACCEPTED: an allowed caller meets INVALID_TRANSITION.
      document: `mutation($id: ID!) { submitDistrictReport(id: $id) { id } }`,
      variables: (f) => ({ id: f.acceptedReportId }),
    },
    reviewDistrictReport: {
      // DRAFT: an allowed caller meets INVALID_TRANSITION.
      document: `mutation($id: ID!) { reviewDistrictReport(id: $id, accept: true) { id } }`,
      variables: (f) => ({ id: f.draftReportId }),
    },
    lateDistricts: {
      document: `query { lateDistricts(region: "${ALMATY}", from: "2026-11-01") { periodEnd } }`,
      variables: () => ({}),
    },
    districtReport: {
      document: `query($id: ID!) { districtReport(id: $id) { id } }`,
      variables: (f) => ({ id: f.acceptedReportId }),
      shows: (r: GraphQLResponse) => (r.data as any)?.districtReport !== null,
    },
    districtReports: {
      document: `query { districtReports(filter: { territory: "${MEDEU}" }) { nodes { id } } }`,
      variables: () => ({}),
      shows: (r: GraphQLResponse) => ((r.data as any)?.districtReports?.nodes ?? []).length > 0,
    },
  },
};
