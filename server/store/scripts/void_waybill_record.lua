--[[
  Voids a waybill: the record is marked voided with its reason, and the orders that carry it lose it (an order
  left without a waybill goes back to ALLOCATED, keeping its reservation). Its number stays known, so a scan of
  the old label is refused as voided. Voiding a voided waybill is a replay. The caller has already cancelled
  the carrier booking, if there was one. The waybill's void job (void_enqueue in lua/movements.lua) is done with, and
  its WAYBILL_VOID_FAILED alert closes.

  KEYS[1]  seller prefix
  ARGV[1..3] now ms, now ISO, actor
  ARGV[4]  JSON {waybillId, reason}

  Returns JSON {waybill, replay} | {error: {code: 'WAYBILL_NOT_FOUND'}}
    | {error: {code: 'INVALID_TRANSITION', key, from, to: 'ALLOCATED'}}: an order carrying it has shipped; nothing is written
]]

local args = cjson.decode(ARGV[4])
local w = waybill_load(args.waybillId)
local function drop_job()
  redis.call('DEL', key('waybill-void', args.waybillId))
  redis.call('ZREM', key('waybill-voids'), args.waybillId)
  if w then alert_close('WAYBILL_VOID_FAILED', w.trackingNumber) end
end
if not w then
  drop_job()
  return cjson.encode({ error = { code = 'WAYBILL_NOT_FOUND', id = args.waybillId } })
end
if w.voided then
  drop_job()
  return cjson.encode({ waybill = w, replay = true })
end

local carrying = {}
for _, order_key in ipairs(w.orderKeys) do
  local o = order_load(order_key)
  if o and has_waybill(o) then
    for _, id in ipairs(o.waybillIds) do
      if id == w.id then
        if o.state ~= 'WAYBILL_ISSUED' and o.state ~= 'CANCELLED' then
          return cjson.encode({ error = { code = 'INVALID_TRANSITION', key = o.key, from = o.state, to = 'ALLOCATED' } })
        end
        carrying[#carrying + 1] = o
      end
    end
  end
end
for _, o in ipairs(carrying) do
  detach_waybill(o, w.id, w.trackingNumber)
end
w.voided = true
w.voidReason = args.reason
w.voidedAt = NOW_ISO
w.voidedBy = ACTOR
waybill_save(w)
drop_job()
return cjson.encode({ waybill = w, replay = false })
