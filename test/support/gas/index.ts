export { CallLog, type CallKind, type CallRecord } from './calls';
export { createGas, installGas, type GasEnvironment, type GasGlobals, type GasOptions } from './install';
export { GasRuntime, type AuthModeName } from './runtime';
export { FakeSpreadsheet } from './spreadsheet/spreadsheet';
export { FakeSheet } from './spreadsheet/sheet';
export { FakeRange } from './spreadsheet/range';
export { SyncFetcher } from './sync-fetch';
export { startServerThread, type ServerThread } from './server-thread';
