--[[
  Cancels a whole order that has not shipped. Its reservation is released, and orders waiting for that
  stock are retried. Every waybill still attached is queued to be voided at the carrier (`voids`: their ids;
  server/waybills/void-queue.ts settles them). A cancelled order is a replay: nothing is written.

  KEYS[1]  seller prefix
  KEYS[2]  the order
  ARGV[1..3] now ms, now ISO, actor
  ARGV[4]  order key
  ARGV[5]  reason
  ARGV[6]  optional: ms until which the queued voids are held for this caller (claim_waybill_voids `heldUntil`)

  Returns JSON {key, status, voids: [waybill id], replay}
    or {-1 ORDER_NOT_FOUND} | {-2 INVALID_TRANSITION, from, 'CANCELLED'}
]]

local o = order_load(ARGV[4])
if not o then return { E_ORDER_NOT_FOUND } end
-- A replay names the waybills still waiting for their void (a landed void detaches its waybill), so the caller
-- can try them again now.
if o.state == 'CANCELLED' then return cjson.encode({ key = o.key, status = o.state, voids = has_waybill(o) and o.waybillIds or {}, replay = true }) end
if not can_transition(o.state, 'CANCELLED') then return refuse_transition(o, 'CANCELLED') end

local old_state = o.state
local voids = cancel_whole(o, ARGV[5] ~= '' and ARGV[5] or 'cancel', tonumber(ARGV[6] or ''))
order_save(o, old_state)
settle()
return cjson.encode({ key = o.key, status = o.state, voids = voids, replay = false })
