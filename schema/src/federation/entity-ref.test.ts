import { printSubgraphSchema } from '@apollo/subgraph';
import { graphql } from 'graphql';
import { FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { buildFederatedSchema } from './build-federated-schema';
import { entityRef, keyReferenceResolvers, type EntityKey } from './entity-ref';

const MonumentRef = entityRef('Monument');

@Resolver(() => MonumentRef)
class MonumentVisitsResolver {
  @Query(() => MonumentRef, { description: 'A field returning the stub, as Event.monumentsVisited does' })
  firstMonument(): EntityKey {
    return { id: 'first' };
  }

  @FieldResolver(() => Int)
  visits(@Root() monument: EntityKey): number {
    return monument.id.length;
  }
}

describe('entityRef', () => {
  it('declares another subgraph\'s entity by key and resolves any reference to its key', async () => {
    const schema = await buildFederatedSchema({ resolvers: [MonumentVisitsResolver] }, [keyReferenceResolvers('Monument')]);
    expect(printSubgraphSchema(schema)).toContain('type Monument\n  @key(fields: "id")\n{\n  id: ID!\n  visits: Int!\n}');
    const result = await graphql({
      schema,
      source: 'query($r: [_Any!]!) { firstMonument { id } _entities(representations: $r) { ... on Monument { id visits } } }',
      variableValues: { r: [{ __typename: 'Monument', id: 'abc' }] },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ firstMonument: { id: 'first' }, _entities: [{ id: 'abc', visits: 3 }] });
  });
});
