/**
 * What answers google.script.run in a test page: one server function name and its one argument in, a
 * plain value out (or a thrown error, which the page's failure handler receives, as in Apps Script).
 *
 * Tests here back it with SellerBackend, an in-memory implementation of the contract. An integration can
 * back it with the built add-on bundle (dist/addon/Code.js in a node:vm context, talking to a real
 * server) by forwarding `call` to the bundle's top-level function of that name.
 */
export interface GasBackend {
  call(name: string, argument: unknown): unknown;
}

export interface RecordedCall {
  name: string;
  argument: unknown;
}

/** Records every call, in arrival order, before handing it on. */
export class RecordingBackend implements GasBackend {
  readonly calls: RecordedCall[] = [];

  constructor(private readonly inner: GasBackend) {}

  call(name: string, argument: unknown): unknown {
    this.calls.push({ name, argument });
    return this.inner.call(name, argument);
  }

  callsOf(name: string): RecordedCall[] {
    return this.calls.filter((call) => call.name === name);
  }

  names(): string[] {
    return this.calls.map((call) => call.name);
  }
}
