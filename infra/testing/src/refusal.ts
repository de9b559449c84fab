/** A refusal as services throw it: a DomainError of @rz/schema, by its shape (this package does not depend on the schema). */
export interface Refusal extends Error {
  code: string;
  details: Record<string, unknown>;
}

/** What `run` throws, or undefined when it returns: to assert on a synchronous rule's refusal (code, message, details). */
export function refusal(run: () => unknown): Refusal | undefined {
  try {
    run();
  } catch (error) {
    return error as Refusal;
  }
  return undefined;
}
