import { kato, PageArgs, Territory, type TerritoryNode } from '@rz/schema';
import { Role } from '@rz/subgraph-runtime';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { AkimatOfficerEntity } from './akimat-officer.entity';
import { AkimatOfficerFilter, AssignAkimatOfficerInput } from './akimat-officer.input';
import { AkimatOfficerService } from './akimat-officer.service';
import { AkimatOfficer, AkimatOfficerConnection } from './akimat-officer.type';
import type { AtamekenContext } from '../../context';

/** Admins only: the role gate refuses others before their input is validated; the service checks it again. */
@Resolver(() => AkimatOfficer)
export class AkimatOfficerResolver {
  @Authorized(Role.ADMIN)
  @Query(() => AkimatOfficerConnection, { description: 'Registered akimat officers (admins only)' })
  akimatOfficers(
    @Arg('filter', () => AkimatOfficerFilter, { nullable: true }) filter: AkimatOfficerFilter | null | undefined,
    @Args() page: PageArgs,
    @Ctx() ctx: AtamekenContext,
  ) {
    return new AkimatOfficerService(ctx).list(filter, page);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => AkimatOfficer, { description: 'Registers an official for the akimat of a territory (admins only); new complaints below it are routed there' })
  assignAkimatOfficer(@Arg('input', () => AssignAkimatOfficerInput) input: AssignAkimatOfficerInput, @Ctx() ctx: AtamekenContext) {
    return new AkimatOfficerService(ctx).assign(input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => AkimatOfficer, { description: 'Removes a registration (admins only); complaints already routed keep their akimat' })
  removeAkimatOfficer(@Arg('id', () => ID) id: string, @Ctx() ctx: AtamekenContext) {
    return new AkimatOfficerService(ctx).remove(id);
  }

  @FieldResolver(() => Territory)
  territory(@Root() o: AkimatOfficerEntity): TerritoryNode {
    return kato().require(o.territoryCode);
  }
}
