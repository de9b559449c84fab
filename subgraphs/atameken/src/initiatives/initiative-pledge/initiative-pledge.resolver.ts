import { IDEMPOTENCY_KEY_DESCRIPTION } from '@rz/subgraph-runtime';
import { Arg, Authorized, Ctx, FieldResolver, Float, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { InitiativeEntity } from '../initiative/initiative.entity';
import { remainingOf } from '../initiative/initiative.funding';
import { Initiative } from '../initiative/initiative.type';
import type { InitiativePledgeEntity } from './initiative-pledge.entity';
import { PledgeToInitiativeInput } from './initiative-pledge.input';
import { InitiativePledgeService } from './initiative-pledge.service';
import { InitiativePledge } from './initiative-pledge.type';
import type { AtamekenContext } from '../../context';

@Resolver(() => Initiative)
export class InitiativePledgesResolver {
  @FieldResolver(() => Float, { description: 'Tenge pledged by patrons (active pledges)' })
  async pledged(@Root() i: InitiativeEntity, @Ctx() ctx: AtamekenContext): Promise<number> {
    return (await new InitiativePledgeService(ctx).totals(i)).pledged;
  }

  @FieldResolver(() => Float, { description: 'Tenge of the estimate not yet covered by pledges or the budget decision' })
  async remaining(@Root() i: InitiativeEntity, @Ctx() ctx: AtamekenContext): Promise<number> {
    return remainingOf(i, (await new InitiativePledgeService(ctx).totals(i)).pledged);
  }

  @FieldResolver(() => Int, { description: 'Number of active pledges' })
  async pledgeCount(@Root() i: InitiativeEntity, @Ctx() ctx: AtamekenContext): Promise<number> {
    return (await new InitiativePledgeService(ctx).totals(i)).count;
  }

  @FieldResolver(() => [InitiativePledge], { description: 'Active pledges, oldest first; private patrons are not named' })
  pledges(@Root() i: InitiativeEntity, @Ctx() ctx: AtamekenContext): Promise<InitiativePledgeEntity[]> {
    return new InitiativePledgeService(ctx).active(i);
  }

  @Authorized()
  @Mutation(() => InitiativePledge, { description: 'A citizen, volunteer, patron or NGO pledges an amount towards an INITIATED initiative, up to what remains of its estimate (in an organisation\'s name: patrons and NGOs only)' })
  pledgeToInitiative(
    @Arg('input', () => PledgeToInitiativeInput) input: PledgeToInitiativeInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string | null | undefined,
    @Ctx() ctx: AtamekenContext,
  ) {
    return new InitiativePledgeService(ctx).pledge(input, idempotencyKey);
  }

  @Authorized()
  @Mutation(() => InitiativePledge, { description: 'The patron (or an admin) cancels a pledge while the initiative has not started' })
  cancelInitiativePledge(@Arg('id', () => ID) id: string, @Ctx() ctx: AtamekenContext) {
    return new InitiativePledgeService(ctx).cancel(id);
  }
}

@Resolver(() => InitiativePledge)
export class InitiativePledgeResolver {
  @FieldResolver(() => Boolean, { description: 'Whether the viewer made this pledge' })
  isMine(@Root() p: InitiativePledgeEntity, @Ctx() ctx: AtamekenContext): boolean {
    return new InitiativePledgeService(ctx).isMine(p);
  }
}
