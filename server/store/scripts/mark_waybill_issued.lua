--[[
  Attaches a waybill (one box) to the orders it covers: ALLOCATED -> WAYBILL_ISSUED. A parcel's orders move
  together or not at all. Attaching a further box of the same parcel (packages > 1) keeps the state. Orders
  that already carry this waybill are left as they are; when all do, it is a replay and nothing is written
  (whatever their state is now).

  KEYS[1]  seller prefix
  ARGV[1..3] now ms, now ISO, actor
  ARGV[4]  JSON {orderKeys: [...], waybillId, carrier, trackingNumber, dispatchNow}
           dispatchNow: the seller pre-registers tracking at issuance (가배송), so queue the dispatch now

  Returns JSON {orders: [{key, status}], replay}
    or {-1 ORDER_NOT_FOUND, key} | {-2 INVALID_TRANSITION, from, 'WAYBILL_ISSUED', key} | {-8 CANCEL_REQUESTED, key}
]]

local args = cjson.decode(ARGV[4])
local orders, attached = {}, {}
local all_attached = true
for i, order_key in ipairs(args.orderKeys) do
  local o = order_load(order_key)
  if not o then return { E_ORDER_NOT_FOUND, order_key } end
  attached[i] = false
  for _, id in ipairs(o.waybillIds or {}) do
    if id == args.waybillId then attached[i] = true end
  end
  if not attached[i] then
    all_attached = false
    if has_open_cancel_request(o) then return { E_CANCEL_REQUESTED, order_key } end
    if o.state ~= 'WAYBILL_ISSUED' and not can_transition(o.state, 'WAYBILL_ISSUED') then
      return { E_INVALID_TRANSITION, o.state, 'WAYBILL_ISSUED', order_key }
    end
  end
  orders[i] = o
end

if not all_attached then
  local waybill = { id = args.waybillId, carrier = args.carrier, trackingNumber = args.trackingNumber }
  for i, o in ipairs(orders) do
    if not attached[i] then attach_to_order(o, { waybill }, args.dispatchNow) end
  end
end

local out = {}
for i, o in ipairs(orders) do
  out[i] = { key = o.key, status = o.state }
end
return cjson.encode({ orders = out, replay = all_attached })
