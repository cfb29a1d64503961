--[[
  Buyer data erasure. Closed orders (shipped, delivered, returned, cancelled: CLOSED_STATES) that entered their
  closed state before the cut-off lose the receiver's name, phone, zip and address and the delivery message
  (all become ''), and are marked `piiErasedAt`. Everything else stays (lines, state, tracking, waybill ids,
  allocation history in the ledger), so stock history and the duplicate-ship checks still work. Copies go
  too: the CJ booking and CJ's short address (주소약칭) kept on the order's waybills (once every order of the
  parcel is closed and no void of the waybill is owed: waybill_erase_pii in lua/waybills.lua), and free text
  in alerts about the order and in a tracking dispatch's retry record. The erased order gets a new seq, so a
  sheet refresh replaces its row. Orders come from `closed-orders` (zset: order key -> ms it closed), oldest
  first, and leave it once handled. Bounded per call: call again while `more` is true. Idempotent.

  KEYS[1]  seller prefix
  ARGV[1..3] now ms, now ISO, actor
  ARGV[4]  cut-off, ms since the epoch: orders closed before it are erased
  ARGV[5]  most orders per call
  (An alert about an order has the id TYPE:<order key>, for any of ALERT_TYPES, generated from shared/alerts.ts.)

  Returns JSON {erased, more}
    erased: orders whose data was erased by this call (not counting ones erased before)
]]

local cutoff = ARGV[4]
local batch = tonumber(ARGV[5])
-- Alert detail fields that name things, not people; any other text in an alert about an erased order is blanked.
local KEPT_DETAIL = { orderKey = true, orderId = true, account = true, lineId = true, carrier = true, code = true,
  reason = true, sku = true, listing = true, dueAt = true }

local function erase_waybills(o)
  local seen = {}
  for _, id in ipairs(redis.call('LRANGE', key('order-waybills', o.key), 0, -1)) do
    if not seen[id] then
      seen[id] = true
      local w = waybill_load(id)
      if w then waybill_erase_pii(w) end
    end
  end
end

local function scrub_alerts(o)
  local ids = {}
  for i, alert_type in ipairs(ALERT_TYPES) do ids[i] = alert_type .. ':' .. o.key end
  local raws = redis.call('HMGET', key('alerts'), unpack(ids))
  for i, id in ipairs(ids) do
    local raw = raws[i]
    if raw then
      local alert = cjson.decode(raw)
      local changed = false
      for name, value in pairs(alert.detail) do
        if type(value) == 'string' and value ~= '' and not KEPT_DETAIL[name] then
          alert.detail[name] = ''
          changed = true
        end
      end
      if changed then redis.call('HSET', key('alerts'), id, cjson.encode(alert)) end
    end
  end
end

-- A tracking dispatch still being retried keeps the channel's last error text (server/sync/retry-queue.ts).
local function scrub_dispatch_attempts(o)
  local raw = redis.call('HGET', key('sync:dispatch-attempts'), o.key)
  if not raw then return end
  local attempts = cjson.decode(raw)
  if attempts.message and attempts.message ~= '' then
    attempts.message = ''
    redis.call('HSET', key('sync:dispatch-attempts'), o.key, cjson.encode(attempts))
  end
end

local due = redis.call('ZRANGEBYSCORE', key('closed-orders'), '-inf', '(' .. cutoff, 'LIMIT', 0, batch)
local erased = 0
for _, order_key in ipairs(due) do
  local o = order_load(order_key)
  if o and CLOSED_STATES[o.state] then
    if not o.piiErasedAt then
      o.receiver = { name = '', phone = '', zip = '', address1 = '', address2 = '' }
      o.message = nil
      o.piiErasedAt = NOW_ISO
      order_save(o, o.state)
      erased = erased + 1
    end
    erase_waybills(o)
    scrub_alerts(o)
    scrub_dispatch_attempts(o)
  end
  redis.call('ZREM', key('closed-orders'), order_key)
end
return cjson.encode({ erased = erased, more = #due == batch })
