import { afterAll } from 'vitest';

/**
 * Work to undo when the test file's tests are done, registered from wherever a resource is made. A hook
 * registered from inside beforeAll (where servers are often started) is never run, so the one hook is
 * registered when a test file first imports this module, and it undoes everything in reverse order of
 * registration, as vitest runs its own afterAll hooks.
 */
const undo: (() => Promise<void> | void)[] = [];

afterAll(async () => {
  while (undo.length > 0) await undo.pop()?.();
});

/** Runs `stop` once after the file's tests; the returned function runs it sooner (and then not again). */
export function atFileEnd(stop: () => Promise<void> | void): () => Promise<void> {
  let done = false;
  const once = async () => {
    if (done) return;
    done = true;
    const index = undo.indexOf(once);
    if (index >= 0) undo.splice(index, 1);
    await stop();
  };
  undo.push(once);
  return once;
}
