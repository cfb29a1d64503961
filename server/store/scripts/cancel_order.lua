--[[
  Cancels a whole order that has not shipped. Its reservation is released, and orders waiting for that
  stock are retried. A waybill still attached must be voided at the carrier (hadWaybill in the reply). A
  cancelled order is a replay: nothing is written.

  KEYS[1]  seller prefix
  KEYS[2]  the order
  ARGV[1..3] now ms, now ISO, actor
  ARGV[4]  order key
  ARGV[5]  reason

  Returns JSON {key, status, hadWaybill, replay}
    or {-1 ORDER_NOT_FOUND} | {-2 INVALID_TRANSITION, from, 'CANCELLED'}
]]

local o = order_load(ARGV[4])
if not o then return { E_ORDER_NOT_FOUND } end
local had_waybill = o.waybillIds ~= nil and #o.waybillIds > 0
if o.state == 'CANCELLED' then return cjson.encode({ key = o.key, status = o.state, hadWaybill = had_waybill, replay = true }) end
if not can_transition(o.state, 'CANCELLED') then return refuse_transition(o, 'CANCELLED') end

local old_state = o.state
cancel_whole(o, ARGV[5] ~= '' and ARGV[5] or 'cancel')
order_save(o, old_state)
settle()
return cjson.encode({ key = o.key, status = o.state, hadWaybill = had_waybill, replay = false })
