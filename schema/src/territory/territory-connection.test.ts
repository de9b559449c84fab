import { graphql, type GraphQLObjectType } from 'graphql';
import { Field, InputType, Int, ObjectType, Query, Resolver, buildSchema, registerEnumType } from 'type-graphql';
import { Connection, PageArgs } from '../pagination/connection';
import { TerritoryResolver } from './territory.resolver';
import { territoryConnectionResolver } from './territory-connection';

@ObjectType()
class Thing {
  @Field() id: string;
}

@ObjectType()
class ThingConnection extends Connection(Thing) {}

@InputType()
class ThingFilter {
  @Field(() => Int, { nullable: true }) size?: number;
}

enum ThingKind {
  BIG = 'BIG',
}
registerEnumType(ThingKind, { name: 'ThingKind' });

@Resolver()
class RootResolver {
  @Query(() => Int)
  zero(): number {
    return 0;
  }
}

const calls: unknown[][] = [];
const list = (ctx: { who: string }, territoryCode: string, argument: unknown, page: PageArgs) => {
  calls.push([ctx.who, territoryCode, argument, { ...page }]);
  return { nodes: [{ id: territoryCode }], totalCount: 1, pageInfo: { hasNextPage: false, endCursor: null } };
};

const TerritoryThingsResolver = territoryConnectionResolver({
  field: 'things',
  returns: () => ThingConnection,
  description: 'Things in this territory and below it',
  argument: ThingFilter,
  list,
});
const TerritoryKindsResolver = territoryConnectionResolver({
  field: 'thingsOfKind',
  returns: () => ThingConnection,
  description: 'Things of a kind',
  argument: { name: 'kind', type: () => ThingKind },
  list,
});

describe('territoryConnectionResolver', () => {
  it('adds each connection field to Territory with its argument and the page arguments, each reaching its own list with the territory code', async () => {
    const schema = await buildSchema({ resolvers: [RootResolver, TerritoryResolver, TerritoryThingsResolver, TerritoryKindsResolver] });
    // Arguments as type-graphql orders them: the page's, then the named one.
    const fields = (schema.getType('Territory') as GraphQLObjectType).getFields();
    expect(fields.things.description).toBe('Things in this territory and below it');
    expect(fields.things.args.map((a) => `${a.name}: ${a.type}`)).toEqual(['first: Int!', 'after: String', 'filter: ThingFilter']);
    expect(fields.thingsOfKind.args.map((a) => `${a.name}: ${a.type}`)).toEqual(['first: Int!', 'after: String', 'kind: ThingKind']);
    expect(String(fields.things.type)).toBe('ThingConnection'); // nullable: an outage of the subgraph must not blank the territory

    const result = await graphql({
      schema,
      source: '{ territory(code: "750000000") { things(filter: { size: 3 }, first: 5) { nodes { id } } thingsOfKind(kind: BIG) { totalCount } } }',
      contextValue: { who: 'ctx' },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ territory: { things: { nodes: [{ id: '750000000' }] }, thingsOfKind: { totalCount: 1 } } });
    expect(calls).toEqual([
      ['ctx', '750000000', { size: 3 }, { first: 5 }],
      ['ctx', '750000000', 'BIG', { first: 20 }],
    ]);
  });
});
