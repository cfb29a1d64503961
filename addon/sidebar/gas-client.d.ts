// The client side of HtmlService pages (communication guide): google.script.run and google.script.host.
// Each with* call returns a new runner; a server function is called by name on it and returns nothing.

interface GoogleScriptRunner {
  withSuccessHandler(handler: (value: unknown, userObject?: unknown) => void): GoogleScriptRunner;
  withFailureHandler(handler: (error: unknown, userObject?: unknown) => void): GoogleScriptRunner;
  withUserObject(userObject: unknown): GoogleScriptRunner;
  [serverFunction: string]: (argument?: unknown) => unknown;
}

interface GoogleScriptHost {
  /** Closes the dialog or sidebar (window.close does not). */
  close(): void;
  editor: { focus(): void };
}

declare const google: { script: { run: GoogleScriptRunner; host: GoogleScriptHost } };
