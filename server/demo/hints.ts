/**
 * The console's "what to try next" for demo mode: ready-to-paste curl lines with the real URL and key. The whole
 * walk (issue, labels, scan, bulk ship, tracking) is in docs/demo.md.
 */

function curl(url: string, key: string, method: 'GET' | 'POST', path: string, body?: unknown): string {
  const auth = `-H "Authorization: Bearer ${key}"`;
  if (method === 'GET') return `curl -s ${auth} "${url}${path}"`;
  return `curl -s -X POST ${auth} -H 'Content-Type: application/json' ${url}${path} -d '${JSON.stringify(body)}'`;
}

/** Printed at start-up, after the key. */
export function startHints(url: string, key: string): string[] {
  return [
    `  Try:        ${curl(url, key, 'GET', '/v1/orders?status=ALLOCATED')}`,
    `              then issue, print, scan and ship them: docs/demo.md walks through it with curl`,
  ];
}

/** Printed once, when the first order is allocated: the next step with that order's key filled in. */
export function firstOrderHints(url: string, key: string, orderKey: string, carrier: string): string[] {
  return [
    `[demo] next     issue a waybill for ${orderKey}:`,
    `                ${curl(url, key, 'POST', '/v1/waybills', { carrier, parcels: [{ orderKeys: [orderKey] }] })}`,
    `                then print it: ${curl(url, key, 'POST', '/v1/labels', { orderKeys: [orderKey] })}`,
  ];
}
