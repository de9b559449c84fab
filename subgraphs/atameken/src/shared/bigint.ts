import type { ValueTransformer } from 'typeorm';

/** pg returns bigint as a string; amounts stay below 10^12, well inside a double's exact range. */
export const bigintAsNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
