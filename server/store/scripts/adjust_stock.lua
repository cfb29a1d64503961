--[[
  One stock adjustment: inbound (add units), count (set on-hand to what a physical count found) or safety
  (set the buffer kept off the channels). An `expected` value is what the caller last saw of that counter;
  if the stored value differs, nothing changes and the current value comes back as a conflict.

  A count is a fact, so it may set on-hand below what is reserved. Then the newest ALLOCATED orders on the
  SKU go back to HELD(OUT_OF_STOCK) until reserved <= on-hand; whatever remains (orders with waybills) is a
  SHORTAGE alert, which closes by itself once covered. Freed or added stock resumes backorders.

  KEYS[1]  seller prefix
  KEYS[2]  the SKU
  ARGV[1..3] now ms, now ISO, actor
  ARGV[4]  sku
  ARGV[5]  kind: inbound | count | safety
  ARGV[6]  quantity (inbound: units to add > 0; count and safety: the new value >= 0)
  ARGV[7]  expected value, or '' for none
  ARGV[8]  reference (an adjustment id, a sheet edit)

  Returns JSON {status: 'applied', sku, onHand, reserved, safety, available, heldOrders: [...]}
       or JSON {status: 'conflict', sku, current}
    or {-3 UNKNOWN_SKU, sku}
]]

local sku, kind, quantity, ref = ARGV[4], ARGV[5], tonumber(ARGV[6]), ARGV[8]
local c = sku_counters(sku)
if not c then return { E_UNKNOWN_SKU, sku } end

local current = (kind == 'safety') and c.safety or c.onHand
if ARGV[7] ~= '' and tonumber(ARGV[7]) ~= current then
  return cjson.encode({ status = 'conflict', sku = sku, current = current })
end

-- The ALLOCATED orders that hold `sku`, newest rank first (the reverse of backorder priority). They are found
-- by reading the seller's ALLOCATED orders, which only a count below what is reserved needs, so that no
-- ingest pays for an index of them. A cheap text search skips the orders that cannot hold the SKU: the
-- allocation is always written by cjson, which leaves a SKU without quotes, backslashes, slashes or control
-- characters as it is.
local function allocated_holders(sku)
  local plain = not sku:find('[%c"\\/]')
  local holders = {}
  local start = 0
  while true do
    local page = redis.call('ZRANGE', key('state', 'ALLOCATED'), start, start + 499)
    for _, member in ipairs(page) do
      local raw = redis.call('GET', key('order', member))
      if raw and (not plain or raw:find(sku, 1, true)) then
        local o = cjson.decode(raw)
        if o.state == 'ALLOCATED' and (o.allocation[sku] or 0) > 0 then holders[#holders + 1] = o end
      end
    end
    if #page < 500 then break end
    start = start + 500
  end
  table.sort(holders, function(a, b)
    if a.rank ~= b.rank then return a.rank > b.rank end
    return a.key > b.key
  end)
  return holders
end

local held = {}
if kind == 'inbound' then
  sku_move(sku, 'inbound', quantity, 0, 0, 0, 'inbound', ref)
elseif kind == 'safety' then
  if quantity ~= c.safety then sku_move(sku, 'safety', 0, 0, quantity - c.safety, 0, 'safety', ref) end
else
  if quantity ~= c.onHand then sku_move(sku, 'count', quantity - c.onHand, 0, 0, 0, 'count', ref) end
  local now = sku_counters(sku)
  if now.reserved > now.onHand then
    for _, o in ipairs(allocated_holders(sku)) do
      release_allocation(o, 'shortage')
      hold_out_of_stock(o, { sku })
      order_save(o, 'ALLOCATED')
      held[#held + 1] = o.key
      now = sku_counters(sku)
      if now.reserved <= now.onHand then break end
    end
  end
  check_shortage(sku)
end

settle()
local after = sku_counters(sku)
return cjson.encode({ status = 'applied', sku = sku, onHand = after.onHand, reserved = after.reserved, safety = after.safety,
  available = available_of(after), heldOrders = held })
