/**
 * Runs `task` on demand, never twice at once: calls while it runs coalesce into one more pass after it
 * (a reader woken by many notices reads once more, not once per notice). A failing pass is reported to
 * `onError` and ends the run; the next call starts again.
 */
export class CoalescedTask {
  private running: Promise<void> | undefined;
  private again = false;

  constructor(
    private readonly task: () => Promise<void>,
    private readonly onError: (error: unknown) => void,
  ) {}

  run(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.task();
        } while (this.again);
      } catch (error) {
        this.onError(error);
      } finally {
        this.running = undefined;
      }
    })();
  }

  /** Resolves once the run in progress, if any, has ended. */
  async settled(): Promise<void> {
    await this.running;
  }
}
