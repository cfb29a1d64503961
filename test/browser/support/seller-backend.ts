import { message, type Language } from '../../../shared/messages';
import type { OrderState } from '../../../shared/state-machine';
import {
  apiKeyHint,
  COUNTED_STATES,
  handleSidebarCall,
  SIDEBAR_CALL_NAMES,
  SidebarFailure,
  type CallInput,
  type CallOutput,
  type CarrierChoice,
  type ErrorInfo,
  type ScanResult,
  type SidebarAlert,
  type SidebarCallName,
  type SidebarState,
} from '../../../shared/sidebar-contract';
import type { GasBackend } from './backend';

/**
 * An in-memory seller behind the sidebar contract: orders with states and checked rows, waybills, alerts,
 * scans and the connection settings. It is not a mock of the sidebar: it keeps state and answers every
 * call the way the add-on's handlers are specified to, through the same handleSidebarCall boundary.
 */

export interface FakeItem {
  barcode: string;
  quantity: number;
  scanned: number;
}

export interface FakeOrder {
  key: string;
  state: OrderState;
  checked: boolean;
  trackingNumber?: string;
  cancelRequested?: boolean;
  items: FakeItem[];
  packed: boolean;
}

export interface RemoteServer {
  url: string;
  sellerName: string;
  /** API keys the server accepts, by key, with their labels. */
  keys: Map<string, string>;
}

type Handlers = { [N in SidebarCallName]: (input: CallInput<N>) => CallOutput<N> };

const CARRIER_NAMES: Record<CarrierChoice, string> = {
  cj: 'CJ대한통운',
  lotte: '롯데택배',
  hanjin: '한진택배',
  epost: '우체국택배',
  logen: '로젠택배',
  kdexp: '경동택배',
  cu: 'CU편의점택배',
  gs: 'GS Postbox 택배',
};

function isCallName(name: string): name is SidebarCallName {
  return (SIDEBAR_CALL_NAMES as string[]).includes(name);
}

export class SellerBackend implements GasBackend {
  settings: { serverUrl?: string; apiKey?: string; language: Language } = { language: 'ko' };
  readonly remote: RemoteServer = { url: 'https://sync.example.com', sellerName: '하늘상점', keys: new Map([['ss_live_demo_0001', 'packer-1']]) };
  orders: FakeOrder[] = [];
  alerts: SidebarAlert[] = [];
  /** Orders delivered, cancelled or returned before this sidebar session, counted but not listed. */
  history: Partial<Record<OrderState, number>> = {};
  lastSyncAt: string | undefined;
  lastError: ErrorInfo | undefined;
  requirePackedToShip = false;
  /** Origin of the loopback server that stands in for the signed label URL. */
  labelOrigin = 'http://127.0.0.1:9';
  now: () => Date = () => new Date();
  private readonly failNext = new Map<string, ErrorInfo>();
  private readonly throwNext = new Map<string, string>();
  private readonly hangNext = new Map<string, Promise<void>>();
  private verifyParcel: FakeOrder | undefined;
  private nextTracking = 1;
  private labelBatches = 0;

  /** The next call of `name` answers with this error reply. */
  failOnce(name: SidebarCallName, error: ErrorInfo): void {
    this.failNext.set(name, error);
  }

  /** The next call of `name` fails as an Apps Script execution does (the page's failure handler runs). */
  throwOnce(name: SidebarCallName, errorMessage: string): void {
    this.throwNext.set(name, errorMessage);
  }

  /** The next call of `name` waits for `release` before answering, as a slow execution would. */
  holdOnce(name: SidebarCallName, release: Promise<void>): void {
    this.hangNext.set(name, release);
  }

  call(name: string, argument: unknown): unknown {
    if (!isCallName(name)) throw new Error(`Script function not found: ${name}`);
    const thrown = this.throwNext.get(name);
    if (thrown !== undefined) {
      this.throwNext.delete(name);
      throw new Error(thrown);
    }
    const failure = this.failNext.get(name);
    if (failure) {
      this.failNext.delete(name);
      return { ok: false, error: failure };
    }
    const hold = this.hangNext.get(name);
    if (hold) {
      this.hangNext.delete(name);
      return hold.then(() => this.dispatch(name, argument));
    }
    return this.dispatch(name, argument);
  }

  private dispatch<N extends SidebarCallName>(name: N, argument: unknown): unknown {
    return handleSidebarCall(name, argument, this.handlers[name] as (input: CallInput<N>) => CallOutput<N>);
  }

  order(key: string): FakeOrder {
    const found = this.orders.find((order) => order.key === key);
    if (!found) throw new Error(`no order ${key}`);
    return found;
  }

  check(...keys: string[]): void {
    for (const order of this.orders) order.checked = keys.includes(order.key);
  }

  state(): SidebarState {
    const counts = Object.fromEntries(COUNTED_STATES.map((state) => [state, this.history[state] ?? 0])) as Record<OrderState, number>;
    for (const order of this.orders) counts[order.state] += 1;
    return {
      language: this.settings.language,
      connection: this.connection(),
      ...(this.lastSyncAt ? { lastSyncAt: this.lastSyncAt } : {}),
      ...(this.lastError ? { lastError: this.lastError } : {}),
      counts,
      alerts: this.alerts,
      carriers: (Object.keys(CARRIER_NAMES) as CarrierChoice[]).map((id) => ({ id, name: CARRIER_NAMES[id] })),
      defaultCarrier: 'cj',
    };
  }

  private connection(): SidebarState['connection'] {
    const { serverUrl, apiKey } = this.settings;
    if (!serverUrl || !apiKey) return { status: 'not_configured' };
    try {
      const who = this.whoAmI(serverUrl, apiKey);
      return { status: 'ok', sellerName: who.sellerName, keyLabel: who.keyLabel };
    } catch (error) {
      return { status: 'error', error: error instanceof SidebarFailure ? error.info : { code: 'sidebar.error.UNEXPECTED', params: {} } };
    }
  }

  /** GET /v1/me as the remote server answers it. */
  private whoAmI(serverUrl: string, apiKey: string): { sellerName: string; keyLabel: string } {
    if (serverUrl.replace(/\/+$/, '') !== this.remote.url) throw new SidebarFailure('sidebar.error.UNREACHABLE', { detail: `DNS error: ${new URL(serverUrl).hostname}` });
    const keyLabel = this.remote.keys.get(apiKey);
    if (!keyLabel) throw new SidebarFailure('error.UNAUTHORIZED');
    return { sellerName: this.remote.sellerName, keyLabel };
  }

  private requireConnection(): void {
    const { serverUrl, apiKey } = this.settings;
    if (!serverUrl || !apiKey) throw new SidebarFailure('sidebar.error.NOT_CONFIGURED');
    this.whoAmI(serverUrl, apiKey);
  }

  private checkedOrders(): FakeOrder[] {
    this.requireConnection();
    const checked = this.orders.filter((order) => order.checked);
    if (checked.length === 0) throw new SidebarFailure('sidebar.error.NO_ROWS_CHECKED');
    return checked;
  }

  private view(): CallOutput<'getConnectionSettings'> {
    return {
      ...(this.settings.serverUrl ? { serverUrl: this.settings.serverUrl } : {}),
      ...(this.settings.apiKey ? { keyHint: apiKeyHint(this.settings.apiKey) } : {}),
      language: this.settings.language,
    };
  }

  private transitionError(order: FakeOrder, to: OrderState): ErrorInfo {
    const language = this.settings.language;
    return { code: 'error.INVALID_TRANSITION', params: { from: message(`state.${order.state}`, language), to: message(`state.${to}`, language) } };
  }

  private scanShip(code: string): ScanResult {
    const order = this.orders.find((candidate) => candidate.trackingNumber === code);
    if (!order) return { ok: false, reason: 'UNKNOWN_BARCODE' };
    const refuse = (reason: ScanResult['reason']): ScanResult => ({ ok: false, reason, orderKeys: [order.key] });
    if (order.cancelRequested) return refuse('CANCEL_REQUESTED');
    if (order.state === 'CANCELLED') return refuse('CANCELLED');
    if (order.state === 'HELD') return refuse('HELD');
    if (order.state === 'SHIPPED' || order.state === 'DELIVERED' || order.state === 'RETURNED') return refuse('ALREADY_SHIPPED');
    if (this.requirePackedToShip && !order.packed) return refuse('NOT_PACKED');
    order.state = 'SHIPPED';
    return { ok: true, reason: 'OK', orderKeys: [order.key] };
  }

  private scanVerify(code: string): ScanResult {
    const parcel = this.orders.find((candidate) => candidate.trackingNumber === code);
    const progress = (order: FakeOrder) => `${order.items.reduce((sum, item) => sum + item.scanned, 0)}/${order.items.reduce((sum, item) => sum + item.quantity, 0)}`;
    if (parcel) {
      this.verifyParcel = parcel;
      return { ok: true, reason: 'OK', text: progress(parcel), orderKeys: [parcel.key] };
    }
    const open = this.verifyParcel;
    if (!open) return { ok: false, reason: 'UNKNOWN_BARCODE' };
    const item = open.items.find((candidate) => candidate.barcode === code);
    if (!item) return { ok: false, reason: 'WRONG_ITEM', orderKeys: [open.key] };
    if (item.scanned >= item.quantity) return { ok: false, reason: 'OVER_SCAN', text: progress(open), orderKeys: [open.key] };
    item.scanned += 1;
    if (open.items.every((candidate) => candidate.scanned === candidate.quantity)) {
      open.packed = true;
      return { ok: true, reason: 'PACKED', text: progress(open), orderKeys: [open.key] };
    }
    return { ok: true, reason: 'OK', text: progress(open), orderKeys: [open.key] };
  }

  private issue(order: { state: string; trackingNumber?: string }, carrier: string): void {
    order.state = 'WAYBILL_ISSUED';
    order.trackingNumber = `${carrier === 'cj' ? '6' : '4'}${String(this.nextTracking++).padStart(11, '0')}`;
  }

  private readonly handlers: Handlers = {
    getSidebarState: () => this.state(),
    refresh: () => {
      this.requireConnection();
      this.lastSyncAt = this.now().toISOString();
      this.lastError = undefined;
      return { updatedRows: this.orders.length, state: this.state() };
    },
    issueWaybills: ({ carrier }) => ({
      results: this.checkedOrders().map((order) => {
        if (order.state === 'ALLOCATED') this.issue(order, carrier);
        if (order.state !== 'WAYBILL_ISSUED' || !order.trackingNumber) return { orderKeys: [order.key], ok: false, error: this.transitionError(order, 'WAYBILL_ISSUED') };
        return { orderKeys: [order.key], ok: true, trackingNumber: order.trackingNumber };
      }),
    }),
    // As the add-on does: checked orders without a waybill get one first, then every one with a number prints.
    printLabels: ({ carrier }) => {
      const issued = this.checkedOrders()
        .filter((order) => order.state === 'ALLOCATED')
        .map((order) => {
          this.issue(order, carrier);
          return { orderKeys: [order.key], ok: true, trackingNumber: order.trackingNumber };
        });
      const printable = this.checkedOrders().filter((order) => order.trackingNumber);
      if (printable.length === 0) throw new SidebarFailure('sidebar.error.NO_ROWS_CHECKED');
      this.labelBatches += 1;
      const expiresAt = new Date(this.now().getTime() + 10 * 60_000).toISOString();
      return { url: `${this.labelOrigin}/labels/batch-${this.labelBatches}.pdf?sig=test`, expiresAt, labels: printable.length, issued };
    },
    bulkShip: () => ({
      results: this.checkedOrders().map((order) => {
        if (order.cancelRequested) return { orderKey: order.key, ok: false, error: { code: 'sidebar.scan.reason.CANCEL_REQUESTED', params: {} } };
        if (order.state !== 'WAYBILL_ISSUED') return { orderKey: order.key, ok: false, error: this.transitionError(order, 'SHIPPED') };
        order.state = 'SHIPPED';
        return { orderKey: order.key, ok: true };
      }),
    }),
    scan: ({ code, mode }) => {
      this.requireConnection();
      return mode === 'ship' ? this.scanShip(code) : this.scanVerify(code);
    },
    ackAlert: ({ id }) => {
      const before = this.alerts.length;
      this.alerts = this.alerts.filter((alert) => alert.id !== id);
      if (this.alerts.length === before) throw new SidebarFailure('error.NOT_FOUND', { what: id });
      return { id };
    },
    openSettings: () => ({}),
    getConnectionSettings: () => this.view(),
    saveConnectionSettings: ({ serverUrl, apiKey, language }) => {
      this.settings = { serverUrl, apiKey: apiKey ?? this.settings.apiKey, language };
      return this.view();
    },
    testConnection: ({ serverUrl, apiKey }) => {
      const url = serverUrl ?? this.settings.serverUrl;
      const key = apiKey ?? this.settings.apiKey;
      if (!url || !key) throw new SidebarFailure('sidebar.error.NOT_CONFIGURED');
      return this.whoAmI(url, key);
    },
  };
}
