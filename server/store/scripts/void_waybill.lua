--[[
  Detaches a voided waybill from its orders. An order left with no waybill goes back to ALLOCATED, keeping
  its reservation, so a new waybill can be issued.

  KEYS[1]  seller prefix
  ARGV[1..3] now ms, now ISO, actor
  ARGV[4]  JSON {orderKeys: [...], waybillId, trackingNumber}

  Returns JSON {orders: [{key, status}]}
    or {-1 ORDER_NOT_FOUND, key} | {-2 INVALID_TRANSITION, from, 'ALLOCATED', key}
]]

local args = cjson.decode(ARGV[4])
local orders = {}
for i, order_key in ipairs(args.orderKeys) do
  local o = order_load(order_key)
  if not o then return { E_ORDER_NOT_FOUND, order_key } end
  if o.state ~= 'WAYBILL_ISSUED' then return { E_INVALID_TRANSITION, o.state, 'ALLOCATED', order_key } end
  orders[i] = o
end

local out = {}
for i, o in ipairs(orders) do
  local kept = {}
  for _, id in ipairs(o.waybillIds or {}) do
    if id ~= args.waybillId then kept[#kept + 1] = id end
  end
  if #kept == 0 then
    o.waybillIds = nil
    o.state = 'ALLOCATED'
    o.tracking = { status = 'none' }
    o.printCount = nil
    alert_close('ADDRESS_CHANGED_AFTER_PRINT', o.key)
  else
    o.waybillIds = kept
    if o.tracking.trackingNumber == args.trackingNumber then
      o.tracking = { status = 'none' }
    end
  end
  order_save(o, 'WAYBILL_ISSUED')
  out[i] = { key = o.key, status = o.state }
end
return cjson.encode({ orders = out })
