let shutdown: (() => Promise<void>) | undefined;

export function setTracingShutdown(fn: () => Promise<void>): void {
  shutdown = fn;
}

/** Sends the spans still buffered; a no-op when tracing is off. Called before the process exits. */
export async function flushTracing(): Promise<void> {
  await shutdown?.().catch(() => undefined);
}
