import type { CallKind } from './calls';
import type { FakeHtmlOutput } from './html';
import { MODES, SCOPES, type AuthModeName, type GasRuntime } from './runtime';

export const Button = { OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO', CLOSE: 'CLOSE' } as const;
export type ButtonName = keyof typeof Button;
export const ButtonSet = { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO', YES_NO_CANCEL: 'YES_NO_CANCEL' } as const;
export type ButtonSetName = keyof typeof ButtonSet;

export type MenuEntry = { type: 'item'; caption: string; functionName: string } | { type: 'separator' } | { type: 'submenu'; menu: FakeMenu };

export class FakeMenu {
  readonly entries: MenuEntry[] = [];

  constructor(
    private readonly ui: FakeUi,
    readonly caption: string,
    readonly addon: boolean,
  ) {}

  addItem(caption: string, functionName: string): this {
    this.ui.record('Menu.addItem', 'other', MODES.any);
    this.entries.push({ type: 'item', caption, functionName });
    return this;
  }
  addSeparator(): this {
    this.ui.record('Menu.addSeparator', 'other', MODES.any);
    this.entries.push({ type: 'separator' });
    return this;
  }
  addSubMenu(menu: FakeMenu): this {
    this.ui.record('Menu.addSubMenu', 'other', MODES.any);
    this.entries.push({ type: 'submenu', menu });
    return this;
  }
  addToUi(): void {
    this.ui.record('Menu.addToUi', 'other', MODES.any);
    this.ui.menus.push(this);
  }

  /** Every item's function name, sub-menus included (test inspection). */
  functionNames(): string[] {
    return this.entries.flatMap((entry) => (entry.type === 'item' ? [entry.functionName] : entry.type === 'submenu' ? entry.menu.functionNames() : []));
  }
}

export interface PromptResponse {
  getResponseText(): string;
  getSelectedButton(): ButtonName;
}

/**
 * SpreadsheetApp.getUi(): menus in any auth mode; alerts, prompts, sidebars and dialogs only in FULL (an
 * add-on in LIMITED may only add menu items). Everything shown is kept for assertions, and the answers to
 * alerts and prompts are queued by the test.
 */
export class FakeUi {
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;
  readonly menus: FakeMenu[] = [];
  readonly alerts: { title: string; prompt: string; buttons: ButtonSetName }[] = [];
  readonly sidebars: FakeHtmlOutput[] = [];
  readonly dialogs: { html: FakeHtmlOutput; title: string; modal: boolean }[] = [];
  private readonly answers: { button: ButtonName; text?: string }[] = [];

  constructor(private readonly runtime: GasRuntime) {}

  record(method: string, kind: CallKind, modes: readonly AuthModeName[]): void {
    this.runtime.call('Ui', method, kind, modes, SCOPES.containerUi);
  }

  /** Queue the button (and text) the user will press at the next alert or prompt. */
  answerNext(button: ButtonName, text?: string): void {
    this.answers.push(text === undefined ? { button } : { button, text });
  }

  createMenu(caption: string): FakeMenu {
    this.record('Ui.createMenu', 'other', MODES.any);
    return new FakeMenu(this, caption, false);
  }
  createAddonMenu(): FakeMenu {
    this.record('Ui.createAddonMenu', 'other', MODES.any);
    return new FakeMenu(this, 'Add-on', true);
  }
  /** alert(prompt), alert(prompt, buttons) or alert(title, prompt, buttons). */
  alert(first: string, second?: string | ButtonSetName, third?: ButtonSetName): ButtonName {
    this.record('Ui.alert', 'other', MODES.full);
    const [title, prompt, buttons] =
      third !== undefined ? [first, String(second), third] : second !== undefined && second in ButtonSet ? ['', first, second as ButtonSetName] : ['', first, 'OK' as const];
    this.alerts.push({ title, prompt, buttons });
    return this.answers.shift()?.button ?? 'OK';
  }
  prompt(first: string, second?: string | ButtonSetName, third?: ButtonSetName): PromptResponse {
    this.record('Ui.prompt', 'other', MODES.full);
    const [title, prompt, buttons] =
      third !== undefined ? [first, String(second), third] : second !== undefined && second in ButtonSet ? ['', first, second as ButtonSetName] : ['', first, 'OK' as const];
    this.alerts.push({ title, prompt, buttons });
    const answer = this.answers.shift() ?? { button: 'OK' as const, text: '' };
    return { getResponseText: () => answer.text ?? '', getSelectedButton: () => answer.button };
  }
  showSidebar(html: FakeHtmlOutput): void {
    this.record('Ui.showSidebar', 'other', MODES.full);
    this.sidebars.push(html);
  }
  showModalDialog(html: FakeHtmlOutput, title: string): void {
    this.record('Ui.showModalDialog', 'other', MODES.full);
    this.dialogs.push({ html, title, modal: true });
  }
  showModelessDialog(html: FakeHtmlOutput, title: string): void {
    this.record('Ui.showModelessDialog', 'other', MODES.full);
    this.dialogs.push({ html, title, modal: false });
  }
}
