import { describeIssue, errorInfo, errorSummary, replySchema, type CallInput, type CallOutput, type Reply, type SidebarCallName } from '../../shared/sidebar-contract';

// google.script.run runs at most 10 calls at once (browsers often fewer) and queues the rest out of sight.
// Staying well below keeps a button press from waiting behind a burst of scans.
export const MAX_CONCURRENT_CALLS = 5;

let running = 0;
const waiting: (() => void)[] = [];

async function withSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT_CALLS) await new Promise<void>((resolve) => waiting.push(resolve));
  running += 1;
  try {
    return await work();
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
}

/**
 * Calls one add-on function and always resolves: with its result, or with a readable error (a failed
 * execution, a reply that breaks the contract, or a page opened outside Apps Script).
 */
export function callServer<N extends SidebarCallName>(name: N, input: CallInput<N>): Promise<Reply<CallOutput<N>>> {
  return withSlot(
    () =>
      new Promise<Reply<CallOutput<N>>>((resolve) => {
        const fail = (error: unknown) => resolve({ ok: false, error: errorInfo('sidebar.error.CALL_FAILED', { detail: errorSummary(error) }) });
        try {
          const runner = google.script.run
            .withSuccessHandler((value) => {
              const reply = replySchema(name).safeParse(value);
              if (reply.success) return resolve(reply.data);
              const issue = reply.error.issues[0];
              resolve({ ok: false, error: errorInfo('sidebar.error.INVALID_REPLY', { call: name, field: issue ? describeIssue(issue).field : '' }) });
            })
            .withFailureHandler(fail);
          const serverFunction = runner[name];
          if (!serverFunction) throw new Error(`${name} is not available`);
          serverFunction(input);
        } catch (error) {
          fail(error);
        }
      }),
  );
}
