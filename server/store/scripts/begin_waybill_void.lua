--[[
  Records a seller's void of a waybill before the carrier is called (crash safety): the waybill's void job is
  written leased to the caller until `leaseUntil`; if the caller dies before settling it, the void worker
  finishes it after the lease. Nothing else changes here. A waybill already voided is a replay. A job someone
  else holds leased (a worker, or the API's cancel, calling the carrier now) is refused, so the carrier never
  gets two cancels of one booking at once.

  KEYS[1]  seller prefix
  ARGV[1..3] now ms, now ISO, actor
  ARGV[4]  JSON {waybillId, reason, leaseUntil}

  Returns JSON {waybill, replay: true} | {waybill, job, replay: false}
    | {error: {code: 'WAYBILL_NOT_FOUND', id}}
    | {error: {code: 'INVALID_TRANSITION', key, from, to: 'ALLOCATED'}}: an order carrying it has shipped; nothing is written
    | {error: {code: 'VOID_IN_PROGRESS', id, trackingNumber}}: someone else holds its void job; nothing is written
]]

local args = cjson.decode(ARGV[4])
local w = waybill_load(args.waybillId)
if not w then return cjson.encode({ error = { code = 'WAYBILL_NOT_FOUND', id = args.waybillId } }) end
if w.voided then return cjson.encode({ waybill = w, replay = true }) end

local _, shipped = orders_carrying(w)
if shipped then
  return cjson.encode({ error = { code = 'INVALID_TRANSITION', key = shipped.key, from = shipped.state, to = 'ALLOCATED' } })
end

local held = json_get('waybill-void', w.id)
if held and void_leased(held) then
  return cjson.encode({ error = { code = 'VOID_IN_PROGRESS', id = w.id, trackingNumber = w.trackingNumber } })
end
local job = void_enqueue(w.id, args.reason, 'manual', args.leaseUntil, args.leaseUntil)
return cjson.encode({ waybill = w, job = job, replay = false })
