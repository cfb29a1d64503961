/**
 * The add-on's installable triggers, by the names addon/index.ts exports them under. An editor add-on may
 * have one trigger of each type per user per document, and a clock trigger at most hourly
 * (reference/appsscript.md §1.5), so there is exactly one of each, found by type and repaired in place.
 */
export const TRIGGER_HANDLERS = {
  /** Hourly refresh: the most an add-on may have. */
  clock: 'onHourlyTrigger',
  /** Installable onEdit: it runs in FULL mode, so it may call the server (a simple onEdit may not). */
  edit: 'onSheetEdit',
} as const;

type Trigger = GoogleAppsScript.Script.Trigger;

export interface TriggerRepair {
  created: string[];
  removed: number;
}

function wants(trigger: Trigger, eventType: GoogleAppsScript.Script.EventType, handler: string): 'keep' | 'replace' | 'other' {
  if (trigger.getEventType() !== eventType) return 'other';
  return trigger.getHandlerFunction() === handler ? 'keep' : 'replace';
}

/**
 * Installs the hourly clock trigger and the edit trigger for this user in this spreadsheet, or repairs them:
 * a trigger of the same type pointing at another function (an older version's name) or a duplicate is
 * removed first, so the one-per-type rule is never broken. Idempotent: a second call changes nothing.
 * Must run in AuthMode FULL (a menu item, the sidebar), never from onOpen.
 */
export function ensureTriggers(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): TriggerRepair {
  const existing = ScriptApp.getUserTriggers(spreadsheet);
  const repair: TriggerRepair = { created: [], removed: 0 };
  const wanted: { eventType: GoogleAppsScript.Script.EventType; handler: string; create: () => void }[] = [
    { eventType: ScriptApp.EventType.CLOCK, handler: TRIGGER_HANDLERS.clock, create: () => ScriptApp.newTrigger(TRIGGER_HANDLERS.clock).timeBased().everyHours(1).create() },
    { eventType: ScriptApp.EventType.ON_EDIT, handler: TRIGGER_HANDLERS.edit, create: () => ScriptApp.newTrigger(TRIGGER_HANDLERS.edit).forSpreadsheet(spreadsheet).onEdit().create() },
  ];
  for (const want of wanted) {
    let kept = false;
    for (const trigger of existing) {
      const verdict = wants(trigger, want.eventType, want.handler);
      if (verdict === 'other') continue;
      if (verdict === 'keep' && !kept) {
        kept = true;
        continue;
      }
      ScriptApp.deleteTrigger(trigger);
      repair.removed += 1;
    }
    if (!kept) {
      want.create();
      repair.created.push(want.handler);
    }
  }
  return repair;
}
