import { DomainError, plainTextProblem, type ValueDetailContext } from '@rz/schema';
import { validate, type ValidationError } from 'class-validator';
import { getNamedType, type GraphQLResolveInfo } from 'graphql';
import type { ValidatorFn } from 'type-graphql';

export interface FieldProblem {
  field: string;
  messages: string[];
  /** The rejected value, under the name a constraint asks for (see ValueDetailContext), e.g. territoryCode. */
  [detail: string]: unknown;
}

/** What the failed constraints of one property ask to report of its value. */
function valueDetails(e: ValidationError): Record<string, unknown> {
  const details: Record<string, unknown> = {};
  for (const context of Object.values(e.contexts ?? {}) as Partial<ValueDetailContext>[]) {
    if (typeof context?.valueDetail === 'string') details[context.valueDetail] = e.value;
  }
  return details;
}

/** class-validator's nested errors flattened to dotted input paths ("input.name.kk"). */
function flatten(errors: ValidationError[], prefix: string): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = e.constraints ? [{ ...valueDetails(e), field, messages: Object.values(e.constraints) }] : [];
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/**
 * The first string, anywhere in the arguments, that breaks the one text rule (see
 * plainTextProblem: lone surrogates, control characters such as NUL, only invisible
 * characters), by its input path. PostgreSQL cannot store NUL, and some validators
 * (isEmail) throw on malformed text, so this runs before anything else.
 */
function badText(value: unknown, path: string): FieldProblem | null {
  if (typeof value === 'string') {
    const problem = plainTextProblem(value);
    return problem ? { field: path, messages: [problem] } : null;
  }
  if (value === null || typeof value !== 'object') return null;
  for (const [key, child] of Object.entries(value)) {
    const found = badText(child, path ? `${path}.${key}` : key);
    if (found) return found;
  }
  return null;
}

/** Argument objects already checked: validateFn runs once per parameter, the text rule once per field call. */
const checkedArguments = new WeakSet<object>();

function refuse(problems: FieldProblem[]): never {
  const [{ field, messages, ...details }] = problems;
  throw new DomainError('BAD_USER_INPUT', `Invalid value for ${field}: ${messages.join('; ')}`, { ...details, field, problems });
}

/** The GraphQL argument holding a value of this input class ('' for @Args classes, whose fields are the arguments). */
function argumentName(info: GraphQLResolveInfo, typeName: string): string {
  const field = info.parentType.getFields()[info.fieldName];
  return field?.args.find((arg) => getNamedType(arg.type).name === typeName)?.name ?? '';
}

/**
 * type-graphql's validateFn: the text rule on every string argument (scalar or inside an
 * input), then class-validator on every class-typed argument, failing with a
 * BAD_USER_INPUT DomainError that names the first bad field by its full input path.
 */
export const validateInput: ValidatorFn = async (value, type, { info, args }) => {
  if (args && !checkedArguments.has(args)) {
    checkedArguments.add(args);
    const bad = badText(args, '');
    if (bad) refuse([bad]);
  }
  if (value === null || value === undefined || typeof value !== 'object' || typeof type !== 'function') return;
  const prefix = argumentName(info, type.name);
  const items: object[] = Array.isArray(value) ? value : [value];
  const problems: FieldProblem[] = [];
  for (const [index, item] of items.entries()) {
    const path = Array.isArray(value) ? `${prefix}.${index}` : prefix;
    // Values stay out of the errors unless a constraint asks for its value (valueDetails).
    const errors = await validate(item, { forbidUnknownValues: false, validationError: { target: false, value: true } });
    problems.push(...flatten(errors, path));
  }
  if (problems.length) refuse(problems);
};
