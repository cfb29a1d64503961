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

------------------------------------------------------------------------------------------------------
-- Orders

local function listing_key_of(o, line)
  return o.channel .. ':' .. o.account .. ':' .. line.listingId
end

local function order_load(order_key)
  local raw = redis.call('GET', key('order', order_key))
  if not raw then
    return nil
  end
  return cjson.decode(raw)
end

-- Each order is in the index of its state, scored by its seq; together they page every order by last change.
-- A closed order (shipped, delivered, returned, cancelled) is also in `closed-orders`, scored by when it last
-- entered a closed state (ms): buyer data is erased a retention period after that (erase_pii.lua). A save that
-- is no transition only fills in a missing entry, so orders stored before the index existed join it when touched.
local function order_save(o, old_state)
  local seq = redis.call('INCR', key('seq'))
  o.seq = seq
  o.updatedAt = NOW_ISO
  redis.call('SET', key('order', o.key), cjson.encode(o))
  if old_state and old_state ~= o.state then
    redis.call('ZREM', key('state', old_state), o.key)
  end
  redis.call('ZADD', key('state', o.state), seq, o.key)
  if CLOSED_STATES[o.state] then
    if old_state ~= o.state then
      redis.call('ZADD', key('closed-orders'), NOW_MS, o.key)
    else
      redis.call('ZADD', key('closed-orders'), 'NX', NOW_MS, o.key)
    end
  end
end

local function open_quantity(line)
  return line.quantity - line.cancelled
end

local function components_of(listing_key)
  local raw = redis.call('HGET', key('listing', listing_key), 'components')
  if not raw then
    return nil
  end
  return cjson.decode(raw)
end

-- Sums every component of the open lines from line `first` on (default: all). Lists, once each, the listings
-- that have no mapping.
local function order_needs(o, first)
  local needs, skus, unmapped, line_components, seen = {}, {}, {}, {}, {}
  for i = first or 1, #o.lines do
    local line = o.lines[i]
    local open = open_quantity(line)
    if open > 0 then
      local lk = listing_key_of(o, line)
      local components = components_of(lk)
      if not components then
        if not seen[lk] then
          seen[lk] = true
          unmapped[#unmapped + 1] = lk
        end
      else
        line_components[i] = components
        for _, c in ipairs(components) do
          if not needs[c.sku] then
            needs[c.sku] = 0
            skus[#skus + 1] = c.sku
          end
          needs[c.sku] = needs[c.sku] + c.qty * open
        end
      end
    end
  end
  return needs, skus, unmapped, line_components
end

-- The SKUs whose available stock does not cover `needs`, in the order given.
local function short_skus(needs, skus)
  local short = {}
  for _, sku in ipairs(skus) do
    local c = sku_counters(sku)
    if not c or available_of(c) < needs[sku] then
      short[#short + 1] = sku
    end
  end
  return short
end

local function unregister_waiting(o)
  if o.waitingOn then
    for _, sku in ipairs(o.waitingOn) do
      redis.call('ZREM', key('waiting', sku), o.key)
    end
    o.waitingOn = nil
  end
  if o.unmappedOn then
    for _, lk in ipairs(o.unmappedOn) do
      redis.call('ZREM', key('unmapped', lk), o.key)
    end
    o.unmappedOn = nil
  end
end

local function set_held(o, reason, detail)
  o.state = 'HELD'
  o.heldReason = reason
  o.heldDetail = detail
  alert_open('HELD_ORDER', 'warning', o.key, { reason = reason, detail = detail })
end

local function clear_held(o)
  if o.heldReason ~= cjson.null and o.heldReason ~= nil then
    alert_close('HELD_ORDER', o.key)
  end
  o.heldReason = cjson.null
  o.heldDetail = cjson.null
end

local function hold_unmapped(o, unmapped)
  unregister_waiting(o)
  o.unmappedOn = unmapped
  for _, lk in ipairs(unmapped) do
    redis.call('ZADD', key('unmapped', lk), o.rank, o.key)
    local name, option = '', ''
    for _, line in ipairs(o.lines) do
      if listing_key_of(o, line) == lk then
        name = line.productName or ''
        option = line.optionName or ''
      end
    end
    alert_open('UNMAPPED_LISTING', 'warning', lk, { listing = lk, productName = name, optionName = option, orderKey = o.key })
  end
  set_held(o, 'UNMAPPED', table.concat(unmapped, ', '))
end

local function hold_out_of_stock(o, short)
  unregister_waiting(o)
  o.waitingOn = short
  for _, sku in ipairs(short) do
    redis.call('ZADD', key('waiting', sku), o.rank, o.key)
  end
  set_held(o, 'OUT_OF_STOCK', table.concat(short, ', '))
end

-- Reserves `needs` (already checked) and records it on the order. `line_components` are the mappings the
-- lines were reserved under; partial cancels and returns move exactly those units later.
local function reserve(o, needs, skus, line_components)
  for _, sku in ipairs(skus) do
    sku_move(sku, 'reserve', 0, needs[sku], 0, 0, 'order', o.key)
    o.allocation[sku] = (o.allocation[sku] or 0) + needs[sku]
  end
  for i, components in pairs(line_components) do
    o.lines[i].components = components
  end
  unregister_waiting(o)
  clear_held(o)
  o.state = 'ALLOCATED'
end

-- All or nothing: check every component of every line, then reserve every one. Returns true when allocated;
-- otherwise the order is held (unmapped or out of stock) and nothing was reserved.
local function try_allocate(o)
  local needs, skus, unmapped, line_components = order_needs(o)
  if #unmapped > 0 then
    hold_unmapped(o, unmapped)
    return false
  end
  local short = short_skus(needs, skus)
  if #short > 0 then
    hold_out_of_stock(o, short)
    return false
  end
  o.allocation = {}
  reserve(o, needs, skus, line_components)
  return true
end

-- Gives back everything the order reserves (a hold, a cancel, a shortage).
local function release_allocation(o, reason)
  for _, sku in ipairs(sorted_keys(o.allocation)) do
    local qty = o.allocation[sku]
    if qty > 0 then
      sku_move(sku, 'release', 0, -qty, 0, 0, reason, o.key)
    end
  end
  o.allocation = {}
end

local function is_reserving(state)
  return state == 'ALLOCATED' or state == 'WAYBILL_ISSUED'
end

local function is_unshipped(state)
  return state == 'HELD' or state == 'ALLOCATED' or state == 'WAYBILL_ISSUED'
end

-- A cancel the channel asked for and nobody resolved yet, on any line (a whole-order claim marks every line).
local function has_open_cancel_request(o)
  for _, line in ipairs(o.lines) do
    local claim = line.claim
    if claim and claim ~= cjson.null and claim.type == 'CANCEL' and claim.status == 'REQUESTED' then
      return true
    end
  end
  return false
end

local function same_members(a, b)
  if not a or not b or #a ~= #b then
    return false
  end
  local set = {}
  for _, v in ipairs(a) do set[v] = true end
  for _, v in ipairs(b) do
    if not set[v] then return false end
  end
  return true
end

-- Backorders: orders held for stock on these SKUs are retried while stock lasts, oldest (lowest rank) first
-- across all the SKUs' queues, and each one that fits now is allocated. An order that still does not fit is
-- left untouched unless what it is short of changed. The sweep is bounded per call; resume_backorders.lua
-- finishes a longer queue. Returns how many orders it tried.
local RESUME_LIMIT = 200
local function resume_waiting(skus)
  local seen, candidates = {}, {}
  for _, sku in ipairs(skus) do
    local c = sku_counters(sku)
    -- An order waits on every SKU it is short of, so a SKU with nothing available frees none of its queue.
    if c and available_of(c) > 0 then
      local members = redis.call('ZRANGE', key('waiting', sku), 0, RESUME_LIMIT - 1, 'WITHSCORES')
      for i = 1, #members, 2 do
        local member = members[i]
        if not seen[member] then
          seen[member] = true
          candidates[#candidates + 1] = { key = member, rank = tonumber(members[i + 1]) }
        end
      end
    end
  end
  table.sort(candidates, function(a, b)
    if a.rank ~= b.rank then return a.rank < b.rank end
    return a.key < b.key
  end)
  local tries = math.min(#candidates, RESUME_LIMIT)
  for i = 1, tries do
    local member = candidates[i].key
    local o = order_load(member)
    if not o or o.state ~= 'HELD' or o.heldReason ~= 'OUT_OF_STOCK' then
      for _, sku in ipairs(skus) do
        redis.call('ZREM', key('waiting', sku), member)
      end
    else
      local needs, order_skus, unmapped, line_components = order_needs(o)
      if #unmapped > 0 then
        hold_unmapped(o, unmapped)
        order_save(o, 'HELD')
      else
        local short = short_skus(needs, order_skus)
        if #short == 0 then
          o.allocation = {}
          reserve(o, needs, order_skus, line_components)
          order_save(o, 'HELD')
        elseif not same_members(short, o.waitingOn) then
          hold_out_of_stock(o, short)
          order_save(o, 'HELD')
        end
      end
    end
  end
  return tries
end

local function resume_touched()
  local list = {}
  for _, sku in ipairs(touched_list) do
    list[#list + 1] = sku
  end
  return resume_waiting(list)
end

local function refuse_transition(o, to)
  return { E_INVALID_TRANSITION, o.state, to }
end

local function return_policy(default_policy)
  local raw = redis.call('HGET', key('settings'), 'doc')
  if raw then
    local s = cjson.decode(raw)
    if s.returnPolicy then
      return s.returnPolicy
    end
  end
  return default_policy
end

local function find_line(o, line_id)
  for _, line in ipairs(o.lines) do
    if line.lineId == line_id then return line end
  end
  return nil
end

local function all_lines(o, predicate)
  for _, line in ipairs(o.lines) do
    if not predicate(line) then return false end
  end
  return true
end

-- Waybill voids owed to the carrier (server/waybills/void-queue.ts): a job per waybill under
-- `waybill-void:<id>` and the time it is next due (ms) in the zset `waybill-voids`. A job is written in the
-- same script that makes the void necessary, so it exists before any carrier call and survives a crash.
-- `origin` is 'cancel' (the order is gone: the void must happen, retried until it does) or 'manual' (a
-- seller's void: a definite carrier refusal drops it). A cancel takes over a manual job; a job already
-- waiting keeps its due time (a worker may hold it leased).
local function void_enqueue(waybill_id, reason, origin, due_ms)
  local k = key('waybill-void', waybill_id)
  local raw = redis.call('GET', k)
  local job
  if raw then
    job = cjson.decode(raw)
    if origin == 'cancel' then
      job.origin = 'cancel'
      job.reason = reason
    end
  else
    job = { waybillId = waybill_id, reason = reason, origin = origin, attempts = 0, createdAt = NOW_ISO, createdBy = ACTOR }
  end
  redis.call('SET', k, cjson.encode(job))
  if raw then
    redis.call('ZADD', key('waybill-voids'), 'NX', due_ms, waybill_id)
  else
    redis.call('ZADD', key('waybill-voids'), due_ms, waybill_id)
  end
  return job
end

-- Cancels a whole unshipped order: its reservation goes back, it stops waiting, its alerts close, and every
-- waybill it still carries is queued to be voided (a 합포장 parcel too: its other orders go back to ALLOCATED
-- when the void lands). The caller has checked the transition. Returns the ids of the waybills queued.
local function cancel_whole(o, reason)
  release_allocation(o, reason)
  unregister_waiting(o)
  clear_held(o)
  o.state = 'CANCELLED'
  o.cancelledAt = NOW_ISO
  alert_close('CANCEL_REQUESTED', o.key)
  local queued = {}
  if o.waybillIds and o.waybillIds ~= cjson.null then
    for _, id in ipairs(o.waybillIds) do
      void_enqueue(id, 'order cancelled: ' .. o.key, 'cancel', NOW_MS)
      queued[#queued + 1] = id
    end
  end
  return queued
end

-- Cancels units of one line of an unshipped order; units it reserved go back. A fully cancelled order is
-- CANCELLED; a held one that waited for stock is tried again, being smaller now. Returns nil, or a refusal
-- reply (before anything was written).
local function cancel_units(o, line, qty, reason)
  if not can_transition(o.state, 'CANCELLED') then return refuse_transition(o, 'CANCELLED') end
  if qty > open_quantity(line) then return { E_QUANTITY_EXCEEDED, line.lineId, open_quantity(line) } end
  line.cancelled = line.cancelled + qty
  if all_lines(o, function(l) return open_quantity(l) == 0 end) then
    cancel_whole(o, reason)
    return nil
  end
  if is_reserving(o.state) then
    for _, c in ipairs(line.components or {}) do
      local units = c.qty * qty
      sku_move(c.sku, 'release', 0, -units, 0, 0, reason, o.key)
      o.allocation[c.sku] = o.allocation[c.sku] - units
      if o.allocation[c.sku] <= 0 then
        o.allocation[c.sku] = nil
      end
    end
  elseif o.state == 'HELD' and (o.heldReason == 'OUT_OF_STOCK' or o.heldReason == 'UNMAPPED') then
    try_allocate(o)
  end
  return nil
end

-- Takes back units of one line of a shipped order: restocked, or held in quarantine for inspection.
-- A fully returned order is RETURNED. Returns nil, or a refusal reply.
local function return_units(o, line, qty, policy)
  if not can_transition(o.state, 'RETURNED') then return refuse_transition(o, 'RETURNED') end
  local remaining = open_quantity(line) - line.returned
  if qty > remaining then return { E_QUANTITY_EXCEEDED, line.lineId, remaining } end
  for _, c in ipairs(line.components or {}) do
    local units = c.qty * qty
    if policy == 'quarantine' then
      sku_move(c.sku, 'quarantine', 0, 0, 0, units, 'return', o.key)
    else
      sku_move(c.sku, 'return', units, 0, 0, 0, 'return', o.key)
    end
  end
  line.returned = line.returned + qty
  if all_lines(o, function(l) return open_quantity(l) - l.returned == 0 end) then
    o.state = 'RETURNED'
    o.returnedAt = NOW_ISO
  end
  return nil
end

-- The common ending of a script that moved stock: retry backorders on what it freed, close shortages it
-- covered, and queue one stock push per touched SKU.
local function settle()
  resume_touched()
  for _, sku in ipairs(touched_list) do
    if redis.call('HEXISTS', key('alerts'), 'SHORTAGE:' .. sku) == 1 then
      check_shortage(sku)
    end
  end
  flush_outbox()
end

------------------------------------------------------------------------------------------------------
-- Waybills (server/waybills): parcels, waybill records and their attachment to orders.
--
--   waybill:<id>              the waybill record as JSON (server/waybills/records.ts)
--   waybill-seq               counter behind waybill ids (wb1, wb2, ...)
--   waybill-numbers           hash: tracking number -> waybill id (voided ones stay, so a scan can name them)
--   order-waybills:<order>    list: every waybill ever attached to the order, voided ones included
--   issuing                   hash: order key -> id of the CJ issuance in progress for it
--   issuance:<id>, issuances  a CJ issuance in progress (JSON) and the lease deadline of each (zset)

-- A JSON document kept under `kind:name`, decoded, or nil.
local function json_get(kind, name)
  local raw = redis.call('GET', key(kind, name))
  if not raw then
    return nil
  end
  return cjson.decode(raw)
end

local function waybill_load(id)
  return json_get('waybill', id)
end

local function waybill_save(w)
  redis.call('SET', key('waybill', w.id), cjson.encode(w))
end

local function new_waybill_id()
  return 'wb' .. redis.call('INCR', key('waybill-seq'))
end

local function trimmed(value)
  local text = string.gsub(value or '', '%s+', ' ')
  return (string.gsub(text, '^ ?(.-) ?$', '%1'))
end

-- What a 합포장 parcel's orders must share: one receiver at one address. Spacing, and separators in the phone
-- and zip, do not tell two receivers apart.
local function receiver_signature(o)
  local r = o.receiver
  local phone = string.gsub(r.phone or '', '%D', '')
  local zip = string.gsub(r.zip or '', '%D', '')
  return table.concat({ trimmed(r.name), phone, zip, trimmed(r.address1), trimmed(r.address2) }, '\1')
end

local function has_waybill(o)
  return o.waybillIds ~= nil and o.waybillIds ~= cjson.null and #o.waybillIds > 0
end

-- Decides what issuing for one parcel means now. Returns one of
--   'error', {code, key, ...}         nothing may be issued (the caller answers it per parcel)
--   'replay', {waybill records}        the parcel already has exactly these waybills (a repeat or concurrent call)
--   'busy', issuance id                 a CJ issuance for one of the orders is in progress (not `own_issuance`)
--   'new', {orders}                     every order is ALLOCATED, without a cancel request, to one receiver
-- `tracking_number` (typed numbers) must match too for a replay.
local function parcel_check(order_keys, carrier, packages, tracking_number, own_issuance)
  local orders, carrying = {}, 0
  for i, order_key in ipairs(order_keys) do
    local o = order_load(order_key)
    if not o then return 'error', { code = 'ORDER_NOT_FOUND', key = order_key } end
    orders[i] = o
    if has_waybill(o) then carrying = carrying + 1 end
  end
  if carrying > 0 then
    local ids = orders[1].waybillIds
    local same = carrying == #orders and #ids == packages
    for _, o in ipairs(orders) do
      if same and not same_members(o.waybillIds, ids) then same = false end
    end
    local records = {}
    if same then
      for _, id in ipairs(ids) do
        local w = waybill_load(id)
        if not w or w.carrier ~= carrier or not same_members(w.orderKeys, order_keys) or (tracking_number and w.trackingNumber ~= tracking_number) then
          same = false
          break
        end
        records[#records + 1] = w
      end
    end
    if same then
      table.sort(records, function(a, b) return a.package < b.package end)
      return 'replay', records
    end
    for _, o in ipairs(orders) do
      if has_waybill(o) then
        local w = waybill_load(o.waybillIds[1])
        return 'error', { code = 'ALREADY_ISSUED', key = o.key, trackingNumber = w and w.trackingNumber or '' }
      end
    end
  end
  local signature
  for _, o in ipairs(orders) do
    if o.state ~= 'ALLOCATED' then return 'error', { code = 'INVALID_TRANSITION', key = o.key, from = o.state, to = 'WAYBILL_ISSUED' } end
    if has_open_cancel_request(o) then return 'error', { code = 'CANCEL_REQUESTED', key = o.key } end
    local s = receiver_signature(o)
    if signature and s ~= signature then return 'error', { code = 'RECEIVERS_DIFFER', key = o.key } end
    signature = s
  end
  for _, o in ipairs(orders) do
    local pending = redis.call('HGET', key('issuing'), o.key)
    if pending and pending ~= own_issuance then return 'busy', pending end
  end
  return 'new', orders
end

-- A waybill record for one box (server/waybills/records.ts has its schema).
local function new_waybill(carrier, number, source, order_keys, package, packages)
  return {
    id = new_waybill_id(), carrier = carrier, trackingNumber = number, source = source, orderKeys = order_keys,
    package = package, packages = packages, printCount = 0, voided = false, issuedAt = NOW_ISO, issuedBy = ACTOR,
  }
end

-- Saves a parcel's waybills (one per box), indexes their numbers, and attaches them to the parcel's orders.
-- Attaches waybills ({id, carrier, trackingNumber} each) to one order: ALLOCATED -> WAYBILL_ISSUED (a further box
-- keeps the state), the first number as its tracking number unless it has one, and the tracking dispatch queued
-- now for 가배송 sellers.
local function attach_to_order(o, records, dispatch_now)
  local old_state = o.state
  local ids = has_waybill(o) and o.waybillIds or {}
  for _, w in ipairs(records) do
    ids[#ids + 1] = w.id
  end
  o.waybillIds = ids
  o.state = 'WAYBILL_ISSUED'
  local first = records[1]
  if not o.tracking.trackingNumber then
    o.tracking = { status = 'none', carrier = first.carrier, trackingNumber = first.trackingNumber, at = NOW_ISO }
  end
  if dispatch_now and o.tracking.status == 'none' then
    o.tracking.status = 'pending'
    outbox_dispatch(o.key)
  end
  order_save(o, old_state)
end

local function attach_waybills(orders, records, dispatch_now)
  for _, w in ipairs(records) do
    waybill_save(w)
    redis.call('HSET', key('waybill-numbers'), w.trackingNumber, w.id)
  end
  for _, o in ipairs(orders) do
    for _, w in ipairs(records) do
      redis.call('RPUSH', key('order-waybills', o.key), w.id)
    end
    attach_to_order(o, records, dispatch_now)
  end
end

-- Takes a voided waybill off one order that carries it. With no waybill left the order goes back to ALLOCATED
-- (keeping its reservation) so a new one can be issued; a cancelled order only loses the waybill.
local function detach_waybill(o, waybill_id, tracking_number)
  local old_state = o.state
  local kept = {}
  for _, id in ipairs(o.waybillIds) do
    if id ~= waybill_id then kept[#kept + 1] = id end
  end
  if #kept == 0 then
    o.waybillIds = nil
    o.tracking = { status = 'none' }
    o.printCount = nil
    alert_close('ADDRESS_CHANGED_AFTER_PRINT', o.key)
    if o.state == 'WAYBILL_ISSUED' then o.state = 'ALLOCATED' end
  else
    o.waybillIds = kept
    if o.tracking.trackingNumber == tracking_number then
      o.tracking = { status = 'none' }
    end
  end
  order_save(o, old_state)
end

-- The check digit of a mod-7 body (Lotte, Hanjin, Logen): the body as an integer, mod 7, digit by digit.
local function mod7_digit(body)
  local remainder = 0
  for i = 1, #body do
    remainder = (remainder * 10 + tonumber(string.sub(body, i, i))) % 7
  end
  return remainder
end

-- A carrier's contract range: bodies first..last (same width, no check digit) and the next body to hand out.
local function range_load(carrier)
  local v = redis.call('HMGET', key('range', carrier), 'first', 'last', 'next', 'checkDigit')
  if not v[1] then
    return nil
  end
  local r = { first = v[1], last = v[2], next = v[3], checkDigit = v[4] == '1' }
  r.width = #r.first
  r.size = tonumber(r.last) - tonumber(r.first) + 1
  r.remaining = math.max(0, tonumber(r.last) - tonumber(r.next) + 1)
  return r
end

local function range_body(r, n)
  return string.format('%0' .. r.width .. '.0f', n)
end

-- RANGE_LOW while less than 10% of the range is left.
local function range_alert(carrier, r)
  if r.remaining * 10 < r.size then
    alert_open('RANGE_LOW', r.remaining == 0 and 'critical' or 'warning', carrier, { carrier = carrier, remaining = r.remaining, size = r.size })
  else
    alert_close('RANGE_LOW', carrier)
  end
end

local function issuance_load(id)
  return json_get('issuance', id)
end

local function issuance_save(record)
  redis.call('SET', key('issuance', record.id), cjson.encode(record))
  redis.call('ZADD', key('issuances'), record.leaseUntil, record.id)
end

local function issuance_drop(record)
  redis.call('DEL', key('issuance', record.id))
  redis.call('ZREM', key('issuances'), record.id)
  for _, order_key in ipairs(record.orderKeys) do
    if redis.call('HGET', key('issuing'), order_key) == record.id then
      redis.call('HDEL', key('issuing'), order_key)
    end
  end
end
