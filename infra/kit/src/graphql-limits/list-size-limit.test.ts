import { buildSchema, getOperationAST, parse } from 'graphql';
import { checkListSizes } from './list-size-limit';

const schema = buildSchema(`
  type Query { map(first: Int = 1000): Map  regions: [Region!]!  things(first: Int = 20): ThingConnection! }
  """A page of points, not named a connection"""
  type Map { totalCount: Int!  points: [Point!]! }
  type Point { id: ID!  children: [Point!]! }
  type Region { code: ID!  children: [Region!]! }
  type ThingConnection { nodes: [Point!]! }
`);

function rowsRefused(query: string): string | undefined {
  const document = parse(query);
  try {
    checkListSizes({ document, operation: getOperationAST(document), request: { variables: {} }, schema }, { maxPageSize: 5000, maxPagedRows: 10_000 });
    return undefined;
  } catch (error) {
    return (error as { extensions: { limit: string } }).extensions.limit;
  }
}

describe('list rows an operation asks for', () => {
  it('counts the list of a paged field’s object as its page, connection or not', () => {
    expect(rowsRefused('{ map(first: 5000) { points { id } } }')).toBeUndefined();
    expect(rowsRefused('{ things(first: 5000) { nodes { id } } }')).toBeUndefined();
    expect(rowsRefused('{ map { ...page } } fragment page on Map { points { id } }')).toBeUndefined();
  });

  it('multiplies lists below the page, and unpaged lists by their assumed size', () => {
    expect(rowsRefused('{ map(first: 5000) { points { children { id } } } }')).toBe('maxPagedRows');
    expect(rowsRefused('{ regions { children { children { children { children { code } } } } } }')).toBe('maxPagedRows');
    expect(rowsRefused('{ regions { children { children { code } } } }')).toBeUndefined();
  });
});
