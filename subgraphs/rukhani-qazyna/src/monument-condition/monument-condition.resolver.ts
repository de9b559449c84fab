import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { EDITOR_ROLES } from '../access/rukhani-qazyna-access';
import type { MonumentEntity } from '../monument/monument.entity';
import { Monument } from '../monument/monument.type';
import type { MonumentConditionAssessmentEntity } from './monument-condition.entity';
import { AssessMonumentConditionInput } from './monument-condition.input';
import { MonumentConditionService } from './monument-condition.service';
import { MonumentConditionAssessment } from './monument-condition.type';
import type { RukhaniQazynaContext } from '../context';

@Resolver(() => Monument)
export class MonumentConditionResolver {
  @FieldResolver(() => [MonumentConditionAssessment], { description: 'Every condition assessment, latest first; the first is the current condition' })
  conditionHistory(@Root() monument: MonumentEntity, @Ctx() ctx: RukhaniQazynaContext): Promise<MonumentConditionAssessmentEntity[]> {
    return new MonumentConditionService(ctx).history(monument.id);
  }

  @Authorized(...EDITOR_ROLES)
  @Mutation(() => Monument, { description: 'Records a condition assessment (Rukhani Qazyna editors, or akimat officers for monuments in their territory)' })
  assessMonumentCondition(
    @Arg('monumentId', () => ID) monumentId: string,
    @Arg('input', () => AssessMonumentConditionInput) input: AssessMonumentConditionInput,
    @Ctx() ctx: RukhaniQazynaContext,
  ): Promise<MonumentEntity> {
    return new MonumentConditionService(ctx).assess(monumentId, input);
  }
}
