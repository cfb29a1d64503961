-- Shared helpers of the scripts' function library (server/store/scripts.ts), after the generated state
-- machine. Key names mirror server/store/keys.ts; every key is built from the seller's tagged prefix in
-- KEYS[1], so a script stays in that seller's slot even for keys it discovers while running.
--
-- Every script's ARGV starts with the same three values:
--   ARGV[1] now, ms since the epoch     ARGV[2] now, ISO-8601     ARGV[3] actor (API key label or worker)
-- Replies: a JSON string on success, or an array {negative code, detail...} on a refusal (server/store/errors.ts).
--
-- This code runs once, when the library is loaded; each call of a script starts with begin(), which sets
-- the per-call values below. Calls never interleave (Redis runs one function at a time).

local P, NOW_MS, NOW_ISO, ACTOR
-- The ledger stream's key, built once per call: a ledger entry is written for nearly every order.
local LEDGER_KEY
-- Stock pushes: one outbox entry per SKU a script touched, written once at the end.
local touched, touched_list

local function begin(keys, argv)
  P = keys[1]
  NOW_MS = tonumber(argv[1])
  NOW_ISO = argv[2]
  ACTOR = argv[3]
  LEDGER_KEY = P .. 'ledger'
  touched, touched_list = {}, {}
end

local E_ORDER_NOT_FOUND = -1
local E_INVALID_TRANSITION = -2
local E_UNKNOWN_SKU = -3
local E_ORDER_LOCKED = -4
local E_INSUFFICIENT_ON_HAND = -5
local E_UNKNOWN_LINE = -6
local E_QUANTITY_EXCEEDED = -7
local E_CANCEL_REQUESTED = -8
local E_CONFLICT = -9

-- Called for every key a script touches, so it builds the name without an intermediate table.
local function key(kind, name)
  if name then
    return P .. kind .. ':' .. name
  end
  return P .. kind
end

local function sorted_keys(t)
  local out = {}
  for name in pairs(t) do
    out[#out + 1] = name
  end
  table.sort(out)
  return out
end

local function touch(sku)
  if not touched[sku] then
    touched[sku] = true
    touched_list[#touched_list + 1] = sku
  end
end

local function flush_outbox()
  for _, sku in ipairs(touched_list) do
    redis.call('XADD', key('outbox'), '*', 'type', 'stock', 'sku', sku)
  end
end

local function outbox_dispatch(order_key)
  redis.call('XADD', key('outbox'), '*', 'type', 'dispatch', 'order', order_key)
end

------------------------------------------------------------------------------------------------------
-- SKUs and the ledger

-- nil for an unknown SKU: every SKU is created with all four counters.
local function sku_counters(sku)
  local v = redis.call('HMGET', key('sku', sku), 'onHand', 'reserved', 'safety', 'quarantine')
  if not v[1] then
    return nil
  end
  return { onHand = tonumber(v[1]), reserved = tonumber(v[2]), safety = tonumber(v[3]), quarantine = tonumber(v[4]) }
end

local function available_of(c)
  local a = c.onHand - c.reserved - c.safety
  if a < 0 then
    return 0
  end
  return a
end

-- The ledger entry of one counter change. Only sku_move writes one, and ingest.lua's fast path, which adds its
-- reservations to the counters once per batch. A zero delta goes as '0' without formatting a number (Lua
-- formats with sprintf); the deltas may also come as strings already.
local function ledger_append(sku, kind, d_on_hand, d_reserved, d_safety, d_quarantine, reason, ref)
  redis.call('XADD', LEDGER_KEY, '*', 'kind', kind, 'sku', sku, 'dOnHand', d_on_hand == 0 and '0' or d_on_hand,
    'dReserved', d_reserved == 0 and '0' or d_reserved, 'dSafety', d_safety == 0 and '0' or d_safety,
    'dQuarantine', d_quarantine == 0 and '0' or d_quarantine, 'reason', reason, 'ref', ref, 'actor', ACTOR)
end

-- The only way counters change: the counters and a ledger entry together, so each delta column sums to its counter.
local function sku_move(sku, kind, d_on_hand, d_reserved, d_safety, d_quarantine, reason, ref)
  local k = key('sku', sku)
  if d_on_hand ~= 0 then redis.call('HINCRBY', k, 'onHand', d_on_hand) end
  if d_reserved ~= 0 then redis.call('HINCRBY', k, 'reserved', d_reserved) end
  if d_safety ~= 0 then redis.call('HINCRBY', k, 'safety', d_safety) end
  if d_quarantine ~= 0 then redis.call('HINCRBY', k, 'quarantine', d_quarantine) end
  ledger_append(sku, kind, d_on_hand, d_reserved, d_safety, d_quarantine, reason, ref)
  touch(sku)
end

------------------------------------------------------------------------------------------------------
-- Alerts: deterministic ids (type:subject), so raising twice updates one alert and the condition's owner closes it.

local function alert_open(alert_type, severity, subject, detail)
  local id = alert_type .. ':' .. subject
  local raw = redis.call('HGET', key('alerts'), id)
  local alert
  if raw then
    alert = cjson.decode(raw)
    alert.detail = detail
    alert.severity = severity
    alert.updatedAt = NOW_ISO
  else
    alert = { id = id, type = alert_type, severity = severity, subject = subject, detail = detail,
      openedAt = NOW_ISO, updatedAt = NOW_ISO, acknowledged = false }
  end
  redis.call('HSET', key('alerts'), id, cjson.encode(alert))
end

local function alert_close(alert_type, subject)
  redis.call('HDEL', key('alerts'), alert_type .. ':' .. subject)
end

-- A count may put on-hand below reserved; the SKU then shows a SHORTAGE until it is covered again.
local function check_shortage(sku)
  local c = sku_counters(sku)
  if c and c.reserved > c.onHand then
    alert_open('SHORTAGE', 'critical', sku, { sku = sku, missing = c.reserved - c.onHand, onHand = c.onHand, reserved = c.reserved })
  else
    alert_close('SHORTAGE', sku)
  end
end
