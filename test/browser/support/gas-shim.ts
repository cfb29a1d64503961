/**
 * google.script.run and google.script.host for a page served outside Apps Script, installed as an init
 * script. It follows the communication guide: each with* call returns a new runner, a server function is
 * called by name with its arguments, arguments must be plain (a Date, a function or a DOM node throws),
 * and the result arrives later through the success or the failure handler.
 *
 * The call itself goes to Node through the exposed binding `__sheetshipGasCall`, which answers with JSON
 * `{value}` or `{error, stack}`. This function is serialized into the page, so it uses nothing from outside.
 */
export function installGasShim(): void {
  type Handler = (value: unknown, userObject?: unknown) => void;
  interface Bridge {
    __sheetshipGasCall(name: string, argumentsJson: string): Promise<string>;
    __sheetshipHostClose(): Promise<void>;
  }
  const bridge = () => window as unknown as Bridge;

  function assertPlain(value: unknown, path: string, seen: Set<object>): void {
    if (value === null || ['string', 'number', 'boolean', 'undefined'].includes(typeof value)) return;
    if (typeof value !== 'object') throw new TypeError(`Failed due to illegal value in property: ${path}`);
    if (value instanceof Date || value instanceof Node) throw new TypeError(`Failed due to illegal value in property: ${path}`);
    if (seen.has(value)) throw new TypeError(`Failed due to a circular value in property: ${path}`);
    seen.add(value);
    for (const [key, inner] of Object.entries(value)) assertPlain(inner, `${path}.${key}`, seen);
    seen.delete(value);
  }

  function runner(success: Handler | undefined, failure: Handler | undefined, userObject: unknown): unknown {
    return new Proxy(
      {},
      {
        get(_target, property) {
          if (property === 'withSuccessHandler') return (handler: Handler) => runner(handler, failure, userObject);
          if (property === 'withFailureHandler') return (handler: Handler) => runner(success, handler, userObject);
          if (property === 'withUserObject') return (object: unknown) => runner(success, failure, object);
          if (typeof property !== 'string') return undefined;
          return (...args: unknown[]) => {
            args.forEach((argument, index) => assertPlain(argument, String(index), new Set()));
            void bridge()
              .__sheetshipGasCall(property, JSON.stringify(args))
              .then((answer) => {
                const parsed = JSON.parse(answer) as { value?: unknown; error?: string; stack?: string };
                if (parsed.error === undefined) {
                  success?.(parsed.value, userObject);
                  return;
                }
                const error = new Error(parsed.error);
                if (parsed.stack) error.stack = parsed.stack;
                failure?.(error, userObject);
              });
          };
        },
      },
    );
  }

  (window as unknown as { google: unknown }).google = {
    script: {
      run: runner(undefined, undefined, undefined),
      host: {
        close: () => void bridge().__sheetshipHostClose(),
        editor: { focus: () => undefined },
      },
    },
  };
}
