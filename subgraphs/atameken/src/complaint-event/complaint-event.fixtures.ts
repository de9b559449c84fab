import { gql } from '../../../../infra/src/testing/graphql-client';

/** Files a complaint through the public API (test helper); returns its id. */
export async function fileTestComplaint(url: string, token: string, territory: string, topic = 'PUBLIC_AMENITIES'): Promise<string> {
  const res = await gql(
    url,
    `mutation($input: FileComplaintInput!) { fileComplaint(input: $input) { id } }`,
    { input: { topic, text: 'Не работает уличное освещение во дворе', territory } },
    token,
  );
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!.fileComplaint.id;
}
