import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MODES, SCOPES, type GasRuntime } from './runtime';

export const SandboxMode = { EMULATED: 'EMULATED', IFRAME: 'IFRAME', NATIVE: 'NATIVE' } as const;
export const XFrameOptionsMode = { ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' } as const;

export class FakeHtmlOutput {
  private title = '';
  private width: number | null = null;
  private height: number | null = null;
  private readonly metaTags: { name: string; content: string }[] = [];
  sandboxMode: string = SandboxMode.IFRAME;
  xFrameOptionsMode: string = XFrameOptionsMode.DEFAULT;

  constructor(private content: string) {}

  getContent(): string {
    return this.content;
  }
  setContent(content: string): this {
    this.content = content;
    return this;
  }
  append(addedContent: string): this {
    this.content += addedContent;
    return this;
  }
  /** Escaped, as Apps Script does for untrusted text. */
  appendUntrusted(addedContent: string): this {
    this.content += addedContent.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
    return this;
  }
  getTitle(): string {
    return this.title;
  }
  setTitle(title: string): this {
    this.title = title;
    return this;
  }
  getWidth(): number | null {
    return this.width;
  }
  /** Kept, though Sheets shows an add-on sidebar 300 px wide whatever is set. */
  setWidth(width: number): this {
    this.width = width;
    return this;
  }
  getHeight(): number | null {
    return this.height;
  }
  setHeight(height: number): this {
    this.height = height;
    return this;
  }
  setSandboxMode(mode: string): this {
    this.sandboxMode = mode;
    return this;
  }
  setXFrameOptionsMode(mode: string): this {
    this.xFrameOptionsMode = mode;
    return this;
  }
  addMetaTag(name: string, content: string): this {
    this.metaTags.push({ name, content });
    return this;
  }
  getMetaTags(): { name: string; content: string }[] {
    return [...this.metaTags];
  }
}

/**
 * HtmlService. createHtmlOutputFromFile finds `<name>.html` among the files given to the fake, or in the
 * given directories (e.g. dist/addon), like the project files Apps Script serves.
 */
export class FakeHtmlService {
  readonly SandboxMode = SandboxMode;
  readonly XFrameOptionsMode = XFrameOptionsMode;

  constructor(
    private readonly runtime: GasRuntime,
    private readonly files: Readonly<Record<string, string>>,
    private readonly directories: readonly string[],
  ) {}

  private call(method: string): void {
    this.runtime.call('Html', `HtmlService.${method}`, 'other', MODES.document, SCOPES.containerUi);
  }

  createHtmlOutput(html = ''): FakeHtmlOutput {
    this.call('createHtmlOutput');
    return new FakeHtmlOutput(html);
  }
  createHtmlOutputFromFile(filename: string): FakeHtmlOutput {
    this.call('createHtmlOutputFromFile');
    const name = filename.endsWith('.html') ? filename.slice(0, -5) : filename;
    const inline = this.files[name] ?? this.files[`${name}.html`];
    if (inline !== undefined) return new FakeHtmlOutput(inline);
    for (const directory of this.directories) {
      const path = join(directory, `${name}.html`);
      if (existsSync(path)) return new FakeHtmlOutput(readFileSync(path, 'utf8'));
    }
    throw new Error(`No HTML file named ${name} was found.`);
  }
}
