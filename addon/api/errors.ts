import { errorInfo, errorSummary, SidebarFailure, type ErrorInfo } from '../../shared/sidebar-contract';
import { DocumentBusyError } from '../lib/lock';

/**
 * Why a server call failed, in a form people can read: `code` is the server's stable code (or one of ours:
 * UNREACHABLE, NOT_CONFIGURED, INVALID_RESPONSE, HTTP), `message` the server's sentence in the user's
 * language. Never a stack trace.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly serverMessage: string,
    readonly details: unknown = null,
  ) {
    super(`${code}: ${serverMessage}`);
    this.name = 'ApiError';
  }

  get info(): ErrorInfo {
    switch (this.code) {
      case 'UNREACHABLE':
        return errorInfo('sidebar.error.UNREACHABLE', { detail: this.serverMessage });
      case 'NOT_CONFIGURED':
        return errorInfo('sidebar.error.NOT_CONFIGURED');
      case 'INVALID_RESPONSE':
        return errorInfo('addon.error.INVALID_RESPONSE', { what: this.serverMessage });
      case 'UNAUTHORIZED':
        return errorInfo('error.UNAUTHORIZED');
      case 'HTTP':
        return errorInfo('addon.error.HTTP', { status: this.status });
      default:
        return errorInfo('addon.error.SERVER', { message: this.serverMessage, code: this.code });
    }
  }
}

export function notConfigured(): ApiError {
  return new ApiError(0, 'NOT_CONFIGURED', 'the server URL and API key are not set');
}

/** Anything thrown, as a readable error for the sidebar, a note or a status cell. */
export function errorInfoOf(error: unknown): ErrorInfo {
  if (error instanceof SidebarFailure) return error.info;
  if (error instanceof ApiError) return error.info;
  if (error instanceof DocumentBusyError) return errorInfo('sidebar.error.BUSY');
  return errorInfo('sidebar.error.UNEXPECTED', { detail: errorSummary(error) });
}

/** For handlers behind google.script.run: every failure leaves as a SidebarFailure with a readable error. */
export function asSidebarFailure(error: unknown): SidebarFailure {
  if (error instanceof SidebarFailure) return error;
  const info = errorInfoOf(error);
  return new SidebarFailure(info.code, info.params);
}
