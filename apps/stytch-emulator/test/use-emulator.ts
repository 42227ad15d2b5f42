import { afterAll, beforeAll, beforeEach } from 'vitest';
import { type Emulator, type StartOptions, start } from '../src/index.ts';

/**
 * One emulator for the whole test file, started before its first test and stopped after its last;
 * unless `reset: false`, it forgets everything before each test. The returned object reads through to
 * the running emulator, so a file declares it once at the top: `const emulator = useEmulator();`.
 */
export function useEmulator(
  options: StartOptions = {},
  { reset = true }: { reset?: boolean } = {},
): Emulator {
  let running: Emulator | undefined;
  const current = (): Emulator => {
    if (!running) throw new Error('the emulator is used outside a test of the file that started it');
    return running;
  };
  beforeAll(async () => {
    running = await start(options);
  });
  afterAll(async () => {
    await running?.stop();
  });
  if (reset)
    beforeEach(() =>
      current()
        .control.reset()
        .then(() => {}),
    );
  return {
    get url() {
      return current().url;
    },
    get projectId() {
      return current().projectId;
    },
    get secret() {
      return current().secret;
    },
    get control() {
      return current().control;
    },
    stop: () => current().stop(),
  };
}
