--[[
  Detaches a voided waybill from its orders. An order left with no waybill goes back to ALLOCATED, keeping
  its reservation, so a new waybill can be issued. A cancelled order only loses the waybill (cancelling
  voids it at the carrier). An order that does not carry this waybill is left as it is; when none does,
  it is a replay and nothing is written.

  KEYS[1]  seller prefix
  ARGV[1..3] now ms, now ISO, actor
  ARGV[4]  JSON {orderKeys: [...], waybillId, trackingNumber}

  Returns JSON {orders: [{key, status}], replay}
    or {-1 ORDER_NOT_FOUND, key} | {-2 INVALID_TRANSITION, from, 'ALLOCATED', key}: the waybill is on an order
       that has shipped (or been delivered or returned); nothing is written
]]

local args = cjson.decode(ARGV[4])
local orders, carrying = {}, {}
local any = false
for i, order_key in ipairs(args.orderKeys) do
  local o = order_load(order_key)
  if not o then return { E_ORDER_NOT_FOUND, order_key } end
  carrying[i] = false
  for _, id in ipairs(o.waybillIds or {}) do
    if id == args.waybillId then carrying[i] = true end
  end
  if carrying[i] then
    any = true
    if o.state ~= 'WAYBILL_ISSUED' and o.state ~= 'CANCELLED' then
      return { E_INVALID_TRANSITION, o.state, 'ALLOCATED', order_key }
    end
  end
  orders[i] = o
end

for i, o in ipairs(orders) do
  if carrying[i] then detach_waybill(o, args.waybillId, args.trackingNumber) end
end

local out = {}
for i, o in ipairs(orders) do
  out[i] = { key = o.key, status = o.state }
end
return cjson.encode({ orders = out, replay = not any })
