--[[
  Ships one parcel: its orders become SHIPPED together, or none do. Stock is committed (onHand and reserved
  both drop by what each order reserves) and the tracking dispatch is queued for the channel.

  KEYS[1]  seller prefix
  ARGV[1..3] now ms, now ISO, actor
  ARGV[4]  JSON {orderKeys: [...] (distinct), station, requirePacked}

  Returns JSON {orders: [{key, status}]}
    or {-1 ORDER_NOT_FOUND, key} | {-2 INVALID_TRANSITION, from, 'SHIPPED', key} | {-8 CANCEL_REQUESTED, key}
     | {-10 NOT_PACKED, key} | {-5 INSUFFICIENT_ON_HAND, sku} | {-12 WAYBILL_VOIDING, key, waybill id}
]]

local E_NOT_PACKED = -10
local E_WAYBILL_VOIDING = -12
local args = cjson.decode(ARGV[4])
local orders = {}
local totals, skus = {}, {}
local seen = {}
for _, order_key in ipairs(args.orderKeys) do
  -- A key named twice is one order; committing it twice would take its units off the shelf twice.
  if seen[order_key] then return { E_INVALID_TRANSITION, 'SHIPPED', 'SHIPPED', order_key } end
  seen[order_key] = true
end
for i, order_key in ipairs(args.orderKeys) do
  local o = order_load(order_key)
  if not o then return { E_ORDER_NOT_FOUND, order_key } end
  if not can_transition(o.state, 'SHIPPED') then return { E_INVALID_TRANSITION, o.state, 'SHIPPED', order_key } end
  if has_open_cancel_request(o) then return { E_CANCEL_REQUESTED, order_key } end
  if args.requirePacked and not o.packed then return { E_NOT_PACKED, order_key } end
  -- A void of its waybill is under way (the carrier's booking is being cancelled): that label must not go out.
  for _, waybill_id in ipairs(o.waybillIds or {}) do
    if redis.call('EXISTS', key('waybill-void', waybill_id)) == 1 then return { E_WAYBILL_VOIDING, order_key, waybill_id } end
  end
  for sku, qty in pairs(o.allocation) do
    if not totals[sku] then
      totals[sku] = 0
      skus[#skus + 1] = sku
    end
    totals[sku] = totals[sku] + qty
  end
  orders[i] = o
end
-- A count may have found fewer units than are reserved; shipping more than is on hand would be a lie.
for _, sku in ipairs(skus) do
  local c = sku_counters(sku)
  if c.onHand < totals[sku] then return { E_INSUFFICIENT_ON_HAND, sku } end
end

local out = {}
for i, o in ipairs(orders) do
  for _, sku in ipairs(sorted_keys(o.allocation)) do
    local qty = o.allocation[sku]
    sku_move(sku, 'ship', -qty, -qty, 0, 0, 'shipment', o.key)
  end
  o.allocation = {}
  o.state = 'SHIPPED'
  o.shippedAt = NOW_ISO
  o.shippedBy = ACTOR
  if args.station and args.station ~= '' then o.shippedStation = args.station end
  if o.tracking.status ~= 'accepted' then
    o.tracking.status = 'pending'
    o.tracking.at = NOW_ISO
    outbox_dispatch(o.key)
  end
  order_save(o, 'WAYBILL_ISSUED')
  out[i] = { key = o.key, status = o.state }
end
for _, sku in ipairs(skus) do check_shortage(sku) end
flush_outbox()
return cjson.encode({ orders = out })
