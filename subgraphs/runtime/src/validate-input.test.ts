import { DomainError, IsKatoCode } from '@rz/schema';
import { IsEmail, IsOptional, MaxLength } from 'class-validator';
import { graphql } from 'graphql';
import { Arg, buildSchema, Field, InputType, Mutation, Query, Resolver } from 'type-graphql';
import { validateInput } from './validate-input';

@InputType()
class ContactInput {
  @Field(() => String)
  @MaxLength(10)
  name!: string;

  @Field(() => String, { nullable: true })
  @IsEmail()
  email?: string;

  @Field(() => [String], { nullable: true })
  notes?: string[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsKatoCode()
  homeTerritory?: string;
}

@Resolver()
class ContactResolver {

  @Query(() => Number)
  count(): number {
    return 0;
  }

  @Mutation(() => String)
  saveContact(@Arg('input', () => ContactInput) input: ContactInput): string {
    return input.name;
  }
}


async function run(input: Record<string, unknown>) {
  const schema = await buildSchema({ resolvers: [ContactResolver], validateFn: validateInput });
  return graphql({ schema, source: 'mutation($input: ContactInput!) { saveContact(input: $input) }', variableValues: { input } });
}

const domainError = (result: Awaited<ReturnType<typeof run>>) => result.errors?.[0]?.originalError as DomainError | undefined;

describe('validateInput', () => {
  it('accepts a valid input, emoji and Kazakh letters included', async () => {
    const result = await run({ name: 'Әсел 😀', email: 'asel@example.kz' });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ saveContact: 'Әсел 😀' });
  });

  it('names the first bad field by its input path', async () => {
    const error = domainError(await run({ name: 'a name that is far too long', email: 'not an email' }));
    expect(error).toBeInstanceOf(DomainError);
    expect(error?.code).toBe('BAD_USER_INPUT');
    expect(error?.details.field).toBe('input.name');
    expect((error?.details.problems as { field: string }[]).map((p) => p.field)).toEqual(['input.name', 'input.email']);
  });

  it('refuses a lone surrogate as BAD_USER_INPUT naming the field, where a validator would throw', async () => {
    for (const [input, field] of [
      [{ name: 'ok', email: 'a\ud800@example.kz' }, 'input.email'],
      [{ name: 'ok', notes: ['fine', '\udfff\ud800'] }, 'input.notes.1'],
      [{ name: '\ud800' }, 'input.name'],
    ] as const) {
      const error = domainError(await run(input));
      expect({ code: error?.code, field: error?.details.field }).toEqual({ code: 'BAD_USER_INPUT', field });
    }
  });

  it('accepts a code of the KATO classifier and refuses others with one message naming the field and the code', async () => {
    expect((await run({ name: 'ok', email: 'asel@example.kz', homeTerritory: '750000000' })).errors).toBeUndefined();
    for (const code of ['999999999', '75', ' 750000000', '7500000000']) {
      const error = domainError(await run({ name: 'ok', email: 'asel@example.kz', homeTerritory: code }));
      expect(error?.details).toMatchObject({ field: 'input.homeTerritory', territoryCode: code });
      expect(error?.message).toBe('Invalid value for input.homeTerritory: homeTerritory must be the 9-digit code of a unit in the KATO classifier');
    }
    // Other constraints report no value.
    const other = domainError(await run({ name: 'a name that is far too long', email: 'asel@example.kz' }));
    expect(Object.keys(other?.details ?? {}).sort()).toEqual(['field', 'problems']);
  });
});
