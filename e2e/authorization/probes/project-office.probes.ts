import { ALMATY, unique, type ProbeSet } from '../role-table.probe';

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

/** The project register of Almaty city (a Tarbie-Bilim project). */
export const projectOfficeProbes: ProbeSet = {
  subgraph: 'project-office',
  async fixtures({ must }) {
    // A COMPLETED project: an allowed caller changing its status meets INVALID_TRANSITION.
    const completed = (await must(PROJECT, { input: project() })).createProject.id;
    await must(`mutation($id: ID!) { changeProjectStatus(id: $id, status: ACTIVE) { id } }`, { id: completed });
    await must(`mutation($id: ID!) { changeProjectStatus(id: $id, status: COMPLETED) { id } }`, { id: completed });
    const linked = (await must(PROJECT, { input: project() })).createProject.id;
    return { completedProjectId: completed, linkedProjectId: linked };
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
  },
};
