import { DomainError, IsKatoCode, IsPlainText } from '@rz/schema';
import { IsEmail, IsOptional, MaxLength } from 'class-validator';
import { graphql } from 'graphql';
import { Arg, buildSchema, Field, InputType, Mutation, Query, Resolver } from 'type-graphql';
import { validateInput } from './validate-input';

@InputType()
class ContactInput {
  @Field(() => String)
  @MaxLength(10)
  @IsPlainText({ multiline: false })
  name!: string;

  @Field(() => String, { nullable: true })
  comment?: string;

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

  @Query(() => String)
  search(@Arg('text', () => String) text: string, @Arg('first', () => Number, { nullable: true }) _first?: number): string {
    return text;
  }
}


async function run(input: Record<string, unknown>) {
  const schema = await buildSchema({ resolvers: [ContactResolver], validateFn: validateInput });
  return graphql({ schema, source: 'mutation($input: ContactInput!) { saveContact(input: $input) }', variableValues: { input } });
}

async function search(text: string) {
  const schema = await buildSchema({ resolvers: [ContactResolver], validateFn: validateInput });
  return graphql({ schema, source: 'query($text: String!) { search(text: $text, first: 5) }', variableValues: { text } });
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

  it('refuses NUL and other control characters in any string argument, scalar or in an input, naming the field', async () => {
    for (const [result, field] of [
      [await search('a\u0000b'), 'text'],
      [await search('a\u001bb'), 'text'],
      [await search('a\u0085b'), 'text'],
      [await run({ name: 'ok', comment: 'a\u0000b' }), 'input.comment'],
      [await run({ name: 'ok', notes: ['fine', 'a\u0000b'] }), 'input.notes.1'],
      [await run({ name: 'ok', comment: 'a\rb' }), 'input.comment'],
    ] as const) {
      const error = domainError(result);
      expect({ code: error?.code, field: error?.details.field }).toEqual({ code: 'BAD_USER_INPUT', field });
      expect(error?.message).toMatch(/control characters \(U\+00/);
    }
  });

  it('keeps line breaks and tabs in multi-line text, refuses them in a single-line name', async () => {
    expect((await run({ name: 'ok', email: 'asel@example.kz', comment: 'first line\r\nsecond\n\tindented' })).errors).toBeUndefined();
    const error = domainError(await run({ name: 'two\nlines' }));
    expect({ code: error?.code, field: error?.details.field }).toEqual({ code: 'BAD_USER_INPUT', field: 'input.name' });
  });

  it('refuses text made only of invisible or direction characters, keeps emoji sequences and blank optional text', async () => {
    for (const text of ['\u200b', '\u202e\u202d', ' \u200f\ufeff ', '\u3164', '\u2066\u2069']) {
      const error = domainError(await search(text));
      expect({ code: error?.code, field: error?.details.field }).toEqual({ code: 'BAD_USER_INPUT', field: 'text' });
      expect(error?.message).toMatch(/visible characters/);
    }
    for (const text of ['👩\u200d💻', '\u202bمرحبا\u202c', 'Қазақстан', '']) expect((await search(text)).errors).toBeUndefined();
    expect((await run({ name: 'ok', email: 'asel@example.kz', comment: '   ' })).errors).toBeUndefined();
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
