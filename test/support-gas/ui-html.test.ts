import { afterEach, describe, expect, it } from 'vitest';
import { installGas, type GasEnvironment } from '../support/gas';

let gas: GasEnvironment;
afterEach(() => gas.uninstall());

describe('fake Ui and HtmlService', () => {
  it('builds menus in LIMITED mode but refuses sidebars, dialogs and alerts there', () => {
    gas = installGas({ authMode: 'LIMITED' });
    SpreadsheetApp.getUi().createAddonMenu().addItem('열기', 'showSidebar').addSeparator().addItem('새로고침', 'refreshNow').addToUi();
    expect(gas.ui.menus[0]?.functionNames()).toEqual(['showSidebar', 'refreshNow']);
    const html = HtmlService.createHtmlOutput('<p>x</p>');
    expect(() => SpreadsheetApp.getUi().showSidebar(html)).toThrow('script.container.ui');
    expect(() => SpreadsheetApp.getUi().alert('hi')).toThrow('You do not have permission to call Ui.alert');
  });

  it('shows sidebars and dialogs in FULL mode, with title and width kept', () => {
    gas = installGas({ htmlFiles: { Sidebar: '<main>sidebar</main>' } });
    const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Sheetship').setWidth(300);
    SpreadsheetApp.getUi().showSidebar(html);
    SpreadsheetApp.getUi().showModalDialog(HtmlService.createHtmlOutput('<form></form>').setWidth(400).setHeight(300), '설정');
    expect(gas.ui.sidebars[0]?.getContent()).toBe('<main>sidebar</main>');
    expect([gas.ui.sidebars[0]?.getTitle(), gas.ui.sidebars[0]?.getWidth()]).toEqual(['Sheetship', 300]);
    expect(gas.ui.dialogs[0]?.title).toBe('설정');
    expect(() => HtmlService.createHtmlOutputFromFile('Missing')).toThrow('No HTML file named Missing');
  });

  it('answers alerts and prompts with what the test queued', () => {
    gas = installGas();
    const ui = SpreadsheetApp.getUi();
    gas.ui.answerNext('NO');
    expect(ui.alert('확인', '출고할까요?', ui.ButtonSet.YES_NO)).toBe(ui.Button.NO);
    gas.ui.answerNext('OK', 'https://sync.example.com/');
    expect(ui.prompt('서버 주소').getResponseText()).toBe('https://sync.example.com/');
    expect(gas.ui.alerts.map((alert) => alert.prompt)).toEqual(['출고할까요?', '서버 주소']);
  });

  it('escapes untrusted text appended to HTML', () => {
    gas = installGas();
    expect(HtmlService.createHtmlOutput('<b>').appendUntrusted('<script>x</script>').getContent()).toBe('<b>&lt;script&gt;x&lt;/script&gt;');
  });
});
