--[[
  Voids a waybill: the record is marked voided with its reason, and the orders that carry it lose it (an order
  left without a waybill goes back to ALLOCATED, keeping its reservation). Its number stays known, so a scan of
  the old label is refused as voided. Voiding a voided waybill is a replay. The caller has already cancelled
  the carrier booking, if there was one. The waybill's void job (void_enqueue in lua/movements.lua) is done with, and
  its WAYBILL_VOID_FAILED alert closes; if the buyer data of the parcel's orders is already erased, the
  booking it kept for this void goes now.

  KEYS[1]  seller prefix
  ARGV[1..3] now ms, now ISO, actor
  ARGV[4]  JSON {waybillId, reason}

  Returns JSON {waybill, replay} | {error: {code: 'WAYBILL_NOT_FOUND'}}
    | {error: {code: 'INVALID_TRANSITION', key, from, to: 'ALLOCATED'}}: an order carrying it has shipped; nothing is written
]]

local args = cjson.decode(ARGV[4])
local w = waybill_load(args.waybillId)
local function drop_job()
  void_drop(args.waybillId)
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

local carrying, shipped = orders_carrying(w)
if shipped then
  return cjson.encode({ error = { code = 'INVALID_TRANSITION', key = shipped.key, from = shipped.state, to = 'ALLOCATED' } })
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
-- The erasure may have passed this parcel while the void still needed the booking.
waybill_erase_pii(w)
return cjson.encode({ waybill = w, replay = false })
