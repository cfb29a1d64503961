--[[
  Cancels a whole order that has not shipped. Its reservation is released, and orders waiting for that
  stock are retried. A waybill, if any, must then be voided at the carrier (reported in the reply).

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
if o.state == 'CANCELLED' then return cjson.encode({ key = o.key, status = o.state, hadWaybill = false, replay = true }) end
if not can_transition(o.state, 'CANCELLED') then return refuse_transition(o, 'CANCELLED') end

local old_state = o.state
local had_waybill = o.state == 'WAYBILL_ISSUED'
release_allocation(o, ARGV[5] ~= '' and ARGV[5] or 'cancel')
unregister_waiting(o)
clear_held(o)
o.state = 'CANCELLED'
o.cancelledAt = NOW_ISO
alert_close('CANCEL_REQUESTED', o.key)
order_save(o, old_state)
settle()
return cjson.encode({ key = o.key, status = o.state, hadWaybill = had_waybill, replay = false })
