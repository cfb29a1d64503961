-- Orders in Redis: loading and saving, what they need, holding and allocating. Part of the scripts' library,
-- after lib.lua (server/store/lua/library.ts joins the parts in order; they share one chunk of locals).

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
-- entered a closed state (ms): buyer data is erased a retention period after that (erase_pii.lua), unless it
-- already was. Orders stored before the index existed join it through index_closed_orders.lua.
local function order_save(o, old_state)
  local seq = redis.call('INCR', key('seq'))
  o.seq = seq
  o.updatedAt = NOW_ISO
  redis.call('SET', key('order', o.key), cjson.encode(o))
  if old_state and old_state ~= o.state then
    redis.call('ZREM', key('state', old_state), o.key)
  end
  redis.call('ZADD', key('state', o.state), seq, o.key)
  if CLOSED_STATES[o.state] and old_state ~= o.state and not o.piiErasedAt then
    redis.call('ZADD', key('closed-orders'), NOW_MS, o.key)
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
