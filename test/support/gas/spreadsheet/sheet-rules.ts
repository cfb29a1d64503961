import type { GridArea } from './grid';
import { FakeConditionalFormatRule, FakeProtection, type ProtectionTypeName } from './rules';
import { SheetStructure } from './sheet-structure';

/** The sheet's conditional format rules and protections; their areas are tracked so they follow row and column changes. */
export abstract class SheetRules extends SheetStructure {
  protected conditionalRules: FakeConditionalFormatRule[] = [];
  protected protections: FakeProtection[] = [];

  /** For Sheet.protect and Range.protect; a sheet has at most one sheet protection. */
  protectArea(type: ProtectionTypeName, area: GridArea): FakeProtection {
    if (type === 'SHEET') {
      const existing = this.protections.find((protection) => protection.type === 'SHEET' && !protection.removed);
      if (existing) return existing;
    }
    this.track(area);
    const protection = new FakeProtection(this.spreadsheet.runtime, type, { owner: this, area }, (removed) => {
      this.protections = this.protections.filter((candidate) => candidate !== removed);
    });
    this.protections.push(protection);
    return protection;
  }

  /** Replaces every rule of the sheet, like Apps Script. */
  setConditionalFormatRules(rules: readonly FakeConditionalFormatRule[]): void {
    this.call('setConditionalFormatRules', 'write');
    for (const rule of rules) for (const { area } of rule.areas) this.track(area);
    this.conditionalRules = [...rules];
  }
  getConditionalFormatRules(): FakeConditionalFormatRule[] {
    this.call('getConditionalFormatRules', 'read');
    return [...this.conditionalRules];
  }
  clearConditionalFormatRules(): void {
    this.call('clearConditionalFormatRules', 'write');
    this.conditionalRules = [];
  }
  /** The sheet's protection: the existing one if the sheet is already protected. */
  protect(): FakeProtection {
    this.call('protect', 'write');
    return this.protectArea('SHEET', { row: 1, column: 1, lastRow: null, lastColumn: null });
  }
  getProtections(type: ProtectionTypeName): FakeProtection[] {
    this.call('getProtections', 'read');
    return this.protections.filter((protection) => protection.type === type && !protection.removed);
  }

  /** For tests, never counted: the background conditional formatting gives a cell (first matching rule wins, as in Sheets). */
  conditionalBackgroundAt(row: number, column: number): string | null {
    const cell = this.grid.cell(row, column);
    const text = cell.value instanceof Date ? cell.value.toISOString() : String(cell.value);
    for (const rule of this.conditionalRules) {
      const inside = rule.areas.some(
        ({ area }) => row >= area.row && column >= area.column && row <= (area.lastRow ?? this.grid.rowCount) && column <= (area.lastColumn ?? this.grid.columnCount),
      );
      if (inside && rule.condition.matches(text)) return rule.condition.background;
    }
    return null;
  }
}
