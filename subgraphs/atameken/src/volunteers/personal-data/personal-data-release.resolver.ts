import { PageArgs } from '@rz/schema';
import { Role } from '@rz/subgraph-runtime';
import { Arg, Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { PersonalDataReleaseFilter } from './personal-data-release.input';
import { PersonalDataReleaseService } from './personal-data-release.service';
import { PersonalDataRelease, PersonalDataReleaseConnection } from './personal-data-release.type';
import type { AtamekenContext } from '../../context';

@Resolver(() => PersonalDataRelease)
export class PersonalDataReleaseResolver {
  @Authorized(Role.ADMIN)
  @Query(() => PersonalDataReleaseConnection, { description: 'The audit trail of released contact details, newest first (admins only)' })
  personalDataReleases(
    @Arg('filter', () => PersonalDataReleaseFilter, { nullable: true }) filter: PersonalDataReleaseFilter | null | undefined,
    @Args() page: PageArgs,
    @Ctx() ctx: AtamekenContext,
  ) {
    return new PersonalDataReleaseService(ctx).list(filter, page);
  }
}
