import { IsOptional, MaxLength, MinLength } from 'class-validator';
import { Directive, Field, InputType, ObjectType } from 'type-graphql';
import { IsPlainText } from '../text/plain-text';
import { FALLBACK_ORDER, Lang } from './lang.enum';

export interface Localized {
  kk?: string | null;
  ru?: string | null;
  en?: string | null;
}

@ObjectType({ description: 'A text in Kazakh, Russian and English; any may be missing' })
export class LocalizedText implements Localized {
  // Value types appear in every subgraph, so their fields are shareable.
  @Directive('@shareable')
  @Field(() => String, { nullable: true, description: 'Kazakh' })
  kk?: string | null;

  @Directive('@shareable')
  @Field(() => String, { nullable: true, description: 'Russian' })
  ru?: string | null;

  @Directive('@shareable')
  @Field(() => String, { nullable: true, description: 'English' })
  en?: string | null;
}

/** Input for a short multilingual text (names, titles): at least one language is required; each a single line. */
@InputType()
export class LocalizedNameInput implements Localized {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MinLength(1)
  @MaxLength(300)
  @IsPlainText({ multiline: false })
  kk?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MinLength(1)
  @MaxLength(300)
  @IsPlainText({ multiline: false })
  ru?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MinLength(1)
  @MaxLength(300)
  @IsPlainText({ multiline: false })
  en?: string | null;
}

/** Input for a long multilingual text (descriptions, stories). */
@InputType()
export class LocalizedTextInput implements Localized {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(20000)
  kk?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(20000)
  ru?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(20000)
  en?: string | null;
}

/** The text in the reader's language, else the first present in kk -> ru -> en. */
export function pickLocalized(text: Localized, lang: Lang = Lang.KK): string | null {
  const wanted = text[lang]?.trim();
  if (wanted) return wanted;
  for (const fallback of FALLBACK_ORDER) {
    const value = text[fallback]?.trim();
    if (value) return value;
  }
  return null;
}

export function hasAnyLanguage(text: Localized | null | undefined): boolean {
  return !!text && FALLBACK_ORDER.some((lang) => !!text[lang]?.trim());
}
