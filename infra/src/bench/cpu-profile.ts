import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';

/**
 * Preloaded into our gateway by `bench:gateway --cpu-prof <dir>` (NODE_OPTIONS=--require; Node refuses
 * --cpu-prof there): profiles the whole process and writes a .cpuprofile into the directory on exit,
 * for Chrome DevTools or speedscope.
 */
const dir = process.env.BENCH_CPU_PROFILE_DIR;
if (dir) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.start');
  // The in-process inspector answers synchronously, so this runs to the end inside 'exit'.
  process.on('exit', () =>
    session.post('Profiler.stop', (error, result) => {
      if (!error) writeFileSync(join(dir, `gateway-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    }),
  );
}
