import { apolloTypePolicies, nodesPagination } from './apollo-type-policies';
import { mergeNodesPage } from './nodes-page';

const page = (ids: string[], endCursor: string | null, totalCount = 10) => ({
  nodes: ids.map((id) => ({ __ref: `Complaint:${id}` })),
  pageInfo: { endCursor, hasNextPage: endCursor !== null },
  totalCount,
});

describe('merging pages of a connection', () => {
  it('appends a page fetched with after, without repeating a node, and keeps the latest pageInfo and count', () => {
    const merged = mergeNodesPage(page(['a', 'b'], 'c1'), page(['b', 'c'], null, 11), 'c1', (n) => n.__ref);
    expect(merged.nodes.map((n) => n.__ref)).toEqual(['Complaint:a', 'Complaint:b', 'Complaint:c']);
    expect(merged.pageInfo).toEqual({ endCursor: null, hasNextPage: false });
    expect(merged.totalCount).toBe(11);
  });

  it('starts over on a page fetched without after (a refetch)', () => {
    expect(mergeNodesPage(page(['a', 'b'], 'c1'), page(['z'], 'c9'), null).nodes).toEqual([{ __ref: 'Complaint:z' }]);
  });

  it('gives Apollo a policy per connection field: list-selecting keyArgs, merge by reference', () => {
    const policies = apolloTypePolicies();
    expect(policies.Territory.keyFields).toEqual(['code']);
    expect(policies.Query.fields!.complaints.keyArgs).toEqual(['orderBy', 'filter']);
    expect(policies.Complaint.fields!.comments.keyArgs).toBe(false);
    const { merge } = nodesPagination(['filter']);
    const first = merge(undefined, page(['a'], 'c1'), { args: { first: 1 } });
    const second = merge(first, page(['a', 'b'], null), { args: { first: 1, after: 'c1' } });
    expect(second.nodes).toEqual([{ __ref: 'Complaint:a' }, { __ref: 'Complaint:b' }]);
  });
});
