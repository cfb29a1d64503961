import type { LoadedBundle } from '../../bundle/support/bundle';
import type { GasBackend } from './backend';

/**
 * google.script.run backed by the real add-on: each call runs the bundle's top-level function of that name
 * (dist/addon/Code.js in a node:vm context with the Apps Script fakes), which talks to a real server through
 * the synchronous UrlFetchApp. An unknown name fails as Apps Script's does.
 */
export class BundleBackend implements GasBackend {
  constructor(readonly bundle: LoadedBundle) {}

  call(name: string, argument: unknown): unknown {
    return this.bundle.call(name, argument);
  }
}
