--[[
  Ingests one channel order: idempotent per line, all-or-nothing reservation per order.

  KEYS[1]  seller prefix  ss:{seller}:
  KEYS[2]  the order      ss:{seller}:order:<order key>
  ARGV[1..3] now ms, now ISO, actor (lib.lua)
  ARGV[4]  the order as JSON: OrderInput (validated)
  ARGV[5]  its order key
  ARGV[6]  its rank: ms, orderedAt or the time it was first seen; backorders go oldest first

  Behaviour
    - A new order: lines whose listing is unknown but whose seller code is a SKU get a 1:1 listing; then the
      order is ALLOCATED if every component of every line fits, else HELD (UNMAPPED or OUT_OF_STOCK).
    - A known order: known lines change nothing. New lines are added and the whole order re-evaluated: an
      ALLOCATED order whose added lines fit reserves them too; one that no longer fits gives its whole
      reservation back and is HELD; a HELD order waiting for stock or a mapping is tried again (a MANUAL or
      ADDRESS hold stays). A changed receiver or address updates the order and sets addressChanged (and
      alerts if a label was printed).
    - Nothing changed: nothing is written (a replay).

  Returns JSON {key, status, reason, detail, created, replay}
    or {-4 ORDER_LOCKED, state}: new lines for an order past ALLOCATED; nothing is written
]]

local input = cjson.decode(ARGV[4])
local order_key = ARGV[5]
-- A missing second address line is stored as '', so a later message that omits it is no change.
input.receiver.address2 = input.receiver.address2 or ''

-- 1:1 listings for lines whose seller code names a SKU, unless the listing is already mapped.
local function auto_map(o, lines)
  for _, line in ipairs(lines) do
    if line.sellerCode then
      local lk = listing_key_of(o, line)
      local listing = key('listing', lk)
      if redis.call('EXISTS', listing) == 0 and redis.call('EXISTS', key('sku', line.sellerCode)) == 1 then
        redis.call('HSET', listing, 'components', cjson.encode({ { sku = line.sellerCode, qty = 1 } }),
          'metadata', '{}', 'autoMapped', '1')
        redis.call('ZADD', key('listings'), 0, lk)
        redis.call('SADD', key('sku-listings', line.sellerCode), lk)
        alert_close('UNMAPPED_LISTING', lk)
        touch(line.sellerCode)
      end
    end
  end
end

local function new_line(line)
  line.cancelled = 0
  line.returned = 0
  return line
end

local function result(o, extra)
  local r = { key = o.key, status = o.state, reason = o.heldReason, detail = o.heldDetail, created = false, replay = false }
  for name, value in pairs(extra or {}) do
    r[name] = value
  end
  return cjson.encode(r)
end

local existing = order_load(order_key)

if not existing then
  local o = {
    key = order_key, channel = input.channel, account = input.account, orderId = input.orderId,
    state = 'HELD', heldReason = cjson.null, heldDetail = cjson.null,
    lines = {}, receiver = input.receiver, message = input.message, orderedAt = input.orderedAt, dueAt = input.dueAt,
    confirmed = false, claim = cjson.null, tracking = { status = 'none' }, packed = false, addressChanged = false,
    allocation = {}, createdAt = NOW_ISO, rank = tonumber(ARGV[6]),
  }
  for _, line in ipairs(input.lines) do
    o.lines[#o.lines + 1] = new_line(line)
  end
  auto_map(o, o.lines)
  try_allocate(o)
  order_save(o, nil)
  flush_outbox()
  return result(o, { created = true })
end

local o = existing
local old_state = o.state
local changed = false

local known = {}
for _, line in ipairs(o.lines) do
  known[line.lineId] = true
end
local added = {}
for _, line in ipairs(input.lines) do
  if not known[line.lineId] then
    added[#added + 1] = new_line(line)
  end
end

if #added > 0 and o.state ~= 'HELD' and o.state ~= 'ALLOCATED' then
  return { E_ORDER_LOCKED, o.state }
end

local r, n = o.receiver, input.receiver
if r.name ~= n.name or r.phone ~= n.phone or r.zip ~= n.zip or r.address1 ~= n.address1 or (r.address2 or '') ~= (n.address2 or '') then
  o.receiver = n
  o.addressChanged = true
  changed = true
  if (o.printCount or 0) > 0 then
    alert_open('ADDRESS_CHANGED_AFTER_PRINT', 'critical', o.key, { orderKey = o.key })
  end
end
if input.dueAt and input.dueAt ~= o.dueAt then
  o.dueAt = input.dueAt
  changed = true
end

if #added > 0 then
  changed = true
  local first = #o.lines + 1
  for _, line in ipairs(added) do
    o.lines[#o.lines + 1] = line
  end
  auto_map(o, added)
  if o.state == 'ALLOCATED' then
    -- The order keeps what it holds if the added lines fit too; otherwise the whole order gives its
    -- reservation back and is evaluated again from nothing, so it is never half reserved.
    local needs, skus, unmapped, line_components = order_needs(o, first)
    if #unmapped == 0 and #short_skus(needs, skus) == 0 then
      reserve(o, needs, skus, line_components)
    else
      release_allocation(o, 'order-changed')
      o.state = 'HELD'
      try_allocate(o)
    end
  elseif o.heldReason == 'OUT_OF_STOCK' or o.heldReason == 'UNMAPPED' then
    try_allocate(o)
  end
end

if not changed then
  return result(o, { replay = true })
end

order_save(o, old_state)
settle()
return result(o)
