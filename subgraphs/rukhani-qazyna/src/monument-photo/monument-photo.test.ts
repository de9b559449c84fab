import { gql, startTestSubgraph, type TestSubgraph, testToken } from '@rz/test-support';
import { rukhaniQazyna } from '../subgraph';

let subgraph: TestSubgraph;
let monumentId: string;
const editor = () => testToken({ roles: ['ministry_editor'], subprogramme: 'rukhani-qazyna' });
const officer = (territory: string) => testToken({ roles: ['akimat_officer'], territory });

const ADD = `mutation($m: ID!, $input: AddMonumentPhotoInput!) { addMonumentPhoto(monumentId: $m, input: $input) { id url credit licence takenOn caption(lang: EN) } }`;
const photo = { url: 'https://example.kz/photos/yasawi-portal.jpg', caption: { kk: 'Кесененің порталы', en: 'The portal' }, credit: 'Azret Sultan Museum-Reserve', licence: 'CC BY 4.0', takenOn: '2025-09-01' };

beforeAll(async () => {
  subgraph = await startTestSubgraph(rukhaniQazyna);
  const res = await gql(subgraph.url, `mutation { createMonument(input: { name: { en: "Yasawi" }, type: ARCHITECTURAL, significance: REPUBLICAN, territory: "610000000" }) { id } }`, {}, await editor());
  monumentId = res.data!.createMonument.id;
});
afterAll(() => subgraph?.close());

describe('monument photos', () => {
  it('adds a photo with caption and attribution, listed on the monument', async () => {
    const added = await gql(subgraph.url, ADD, { m: monumentId, input: photo }, await officer('610000000'));
    expect(added.errors).toBeUndefined();
    expect(added.data!.addMonumentPhoto).toMatchObject({ url: photo.url, credit: photo.credit, licence: 'CC BY 4.0', takenOn: '2025-09-01', caption: 'The portal' });
    const read = await gql(subgraph.url, `query($id: ID!) { monument(id: $id) { photos { url caption(lang: RU) } } }`, { id: monumentId });
    expect(read.data!.monument.photos).toEqual([{ url: photo.url, caption: 'Кесененің порталы' }]);
    const again = await gql(subgraph.url, ADD, { m: monumentId, input: photo }, await editor());
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.url' });
  });

  it('rejects non-https addresses and officers outside the territory; removes for those in scope', async () => {
    const insecure = await gql(subgraph.url, ADD, { m: monumentId, input: { ...photo, url: 'http://example.kz/a.jpg' } }, await editor());
    expect(insecure.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.url' });
    const outsider = await gql(subgraph.url, ADD, { m: monumentId, input: { ...photo, url: 'https://example.kz/b.jpg' } }, await officer('750000000'));
    expect(outsider.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const [{ id }] = (await gql(subgraph.url, `query($id: ID!) { monument(id: $id) { photos { id } } }`, { id: monumentId })).data!.monument.photos;
    const foreignRemove = await gql(subgraph.url, `mutation($id: ID!) { removeMonumentPhoto(id: $id) }`, { id }, await officer('750000000'));
    expect(foreignRemove.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const removed = await gql(subgraph.url, `mutation($id: ID!) { removeMonumentPhoto(id: $id) }`, { id }, await editor());
    expect(removed.data!.removeMonumentPhoto).toBe(true);
    const read = await gql(subgraph.url, `query($id: ID!) { monument(id: $id) { photos { id } } }`, { id: monumentId });
    expect(read.data!.monument.photos).toEqual([]);
  });
});
