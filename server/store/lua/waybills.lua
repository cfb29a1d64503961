-- Waybill records and parcels. Part of the scripts' library, after movements.lua (server/store/lua/library.ts).

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

-- The orders that carry waybill `w`, and the first of them that is past WAYBILL_ISSUED (it went out, so the
-- waybill may no longer be voided), or nil.
local function orders_carrying(w)
  local carrying, shipped = {}, nil
  for _, order_key in ipairs(w.orderKeys) do
    local o = order_load(order_key)
    if o and has_waybill(o) then
      for _, id in ipairs(o.waybillIds) do
        if id == w.id then
          carrying[#carrying + 1] = o
          if not shipped and o.state ~= 'WAYBILL_ISSUED' and o.state ~= 'CANCELLED' then shipped = o end
        end
      end
    end
  end
  return carrying, shipped
end

-- Drops the waybill's copies of buyer data (the CJ booking, CJ's 주소약칭) once every order of its parcel is
-- closed and the erasure (erase_pii.lua) has reached one of them. Not while a void of it is owed: that void
-- needs the booking to cancel it at CJ, and void_waybill_record.lua calls this again once it is done.
local function waybill_erase_pii(w)
  if w.piiErasedAt or redis.call('EXISTS', key('waybill-void', w.id)) == 1 then return end
  local erased = false
  for _, order_key in ipairs(w.orderKeys) do
    local o = order_load(order_key)
    if o and not CLOSED_STATES[o.state] then return end
    if o and o.piiErasedAt then erased = true end
  end
  if not erased then return end
  w.booking = nil
  -- CJ's 주소약칭 is a piece of the address; the sort codes themselves stay.
  if type(w.sortCode) == 'table' then w.sortCode.shortAddress = nil end
  w.piiErasedAt = NOW_ISO
  waybill_save(w)
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
