import { ValidateBy, type ValidationOptions } from 'class-validator';
import { kato } from './kato-classifier';

/**
 * A class-validator constraint whose context names a detail (`{ valueDetail: 'territoryCode' }`)
 * makes validateInput report the rejected value under that name, as `kato().require` does.
 */
export interface ValueDetailContext {
  valueDetail: string;
}

export function isKatoCode(value: unknown): value is string {
  return typeof value === 'string' && kato().has(value);
}

/**
 * A 9-digit code of a unit in the KATO classifier. One message for every input, naming the
 * field; the error carries the rejected code as `territoryCode`. Pair with `@IsOptional()`
 * on optional fields.
 */
export function IsKatoCode(options: ValidationOptions = {}): PropertyDecorator {
  const context: ValueDetailContext = { valueDetail: 'territoryCode' };
  return ValidateBy(
    {
      name: 'isKatoCode',
      validator: { validate: isKatoCode, defaultMessage: () => '$property must be the 9-digit code of a unit in the KATO classifier' },
    },
    { context, ...options },
  );
}
