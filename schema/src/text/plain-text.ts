import { ValidateBy, type ValidationOptions } from 'class-validator';

export interface PlainTextOptions {
  /** Multi-line text (comments, descriptions) may hold line breaks and tabs. Default true. */
  multiline?: boolean;
}

const LONE_SURROGATE = /\p{Cs}/u;
/** C0 and C1 controls, NUL included (PostgreSQL cannot store NUL in text). */
const CONTROL = /\p{Cc}/gu;
/**
 * What renders as nothing: format characters (zero-width space and joiners, direction marks and
 * overrides, BOM, soft hyphen, tags), fillers, variation selectors, the combining grapheme joiner.
 */
const INVISIBLE = /[\s\p{Cf}\u034f\u115f\u1160\u2800\u3164\uffa0\ufe00-\ufe0f]|\udb40[\udd00-\uddef]/gu;

/** Line breaks and tabs multi-line text keeps; `\r` only as part of `\r\n`. */
function isAllowedControl(text: string, index: number, multiline: boolean): boolean {
  if (!multiline) return false;
  const char = text[index];
  return char === '\n' || char === '\t' || (char === '\r' && text[index + 1] === '\n');
}

/**
 * The one text-input rule, or null when the text passes: well-formed Unicode, no
 * control characters (except line breaks and tabs in multi-line text), and not made
 * only of invisible or direction characters.
 */
export function plainTextProblem(text: string, options: PlainTextOptions = {}): string | null {
  const multiline = options.multiline ?? true;
  if (LONE_SURROGATE.test(text)) return 'must be well-formed Unicode text';
  for (const match of text.matchAll(CONTROL)) {
    if (isAllowedControl(text, match.index, multiline)) continue;
    const code = `U+${match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    return `must not contain control characters (${code})${multiline ? '' : '; it is a single line'}`;
  }
  // Blank text is left to each field's own rules (an optional comment may be empty).
  if (text.trim() !== '' && text.replace(INVISIBLE, '') === '') return 'must contain visible characters, not only invisible or direction marks';
  return null;
}

/**
 * The text rule as a class-validator constraint, for single-line fields such as names
 * and titles (`@IsPlainText({ multiline: false })`). Every string argument already
 * passes the multi-line rule in the subgraph runtime's validateInput.
 */
export function IsPlainText(options: PlainTextOptions = {}, validationOptions: ValidationOptions = {}): PropertyDecorator {
  const problemOf = (value: unknown) => (typeof value === 'string' ? plainTextProblem(value, options) : null);
  return ValidateBy(
    {
      name: 'isPlainText',
      validator: {
        validate: (value: unknown) => problemOf(value) === null,
        defaultMessage: (args) => `$property ${problemOf(args?.value) ?? 'must be plain text'}`,
      },
    },
    validationOptions,
  );
}
