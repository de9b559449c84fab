import { CoalescedTask } from './coalesced-task';

/** A pass that waits until the test lets it finish. */
function gatedTask() {
  const releases: (() => void)[] = [];
  let passes = 0;
  const task = () => {
    passes += 1;
    return new Promise<void>((resolve) => releases.push(resolve));
  };
  return { task, passes: () => passes, release: () => releases.shift()?.() };
}

describe('CoalescedTask', () => {
  it('runs once at a time; calls during a pass coalesce into one more pass', async () => {
    const gate = gatedTask();
    const errors: unknown[] = [];
    const runner = new CoalescedTask(gate.task, (e) => errors.push(e));
    runner.run();
    runner.run();
    runner.run();
    expect(gate.passes()).toBe(1);
    gate.release();
    await new Promise((r) => setImmediate(r));
    expect(gate.passes()).toBe(2);
    gate.release();
    await runner.settled();
    expect(gate.passes()).toBe(2);
    expect(errors).toEqual([]);
  });

  it('reports a failing pass and runs again on the next call', async () => {
    let calls = 0;
    const errors: unknown[] = [];
    const runner = new CoalescedTask(async () => {
      calls += 1;
      if (calls === 1) throw new Error('database gone');
    }, (e) => errors.push(e));
    runner.run();
    await runner.settled();
    expect(errors).toEqual([new Error('database gone')]);
    runner.run();
    await runner.settled();
    expect(calls).toBe(2);
    expect(errors).toHaveLength(1);
  });
});
