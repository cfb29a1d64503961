--[[
  Records a seller's void of a waybill before the carrier is called (crash safety): the waybill's void job is
  written leased to the caller until `leaseUntil`; if the caller dies before settling it, the void worker
  finishes it after the lease. Nothing else changes here. A waybill already voided is a replay.

  KEYS[1]  seller prefix
  ARGV[1..3] now ms, now ISO, actor
  ARGV[4]  JSON {waybillId, reason, leaseUntil}

  Returns JSON {waybill, replay: true} | {waybill, job, replay: false}
    | {error: {code: 'WAYBILL_NOT_FOUND', id}}
    | {error: {code: 'INVALID_TRANSITION', key, from, to: 'ALLOCATED'}}: an order carrying it has shipped; nothing is written
]]

local args = cjson.decode(ARGV[4])
local w = waybill_load(args.waybillId)
if not w then return cjson.encode({ error = { code = 'WAYBILL_NOT_FOUND', id = args.waybillId } }) end
if w.voided then return cjson.encode({ waybill = w, replay = true }) end

for _, order_key in ipairs(w.orderKeys) do
  local o = order_load(order_key)
  if o and has_waybill(o) then
    for _, id in ipairs(o.waybillIds) do
      if id == w.id and o.state ~= 'WAYBILL_ISSUED' and o.state ~= 'CANCELLED' then
        return cjson.encode({ error = { code = 'INVALID_TRANSITION', key = o.key, from = o.state, to = 'ALLOCATED' } })
      end
    end
  end
end

local job = void_enqueue(w.id, args.reason, 'manual', args.leaseUntil)
redis.call('ZADD', key('waybill-voids'), args.leaseUntil, w.id)
return cjson.encode({ waybill = w, job = job, replay = false })
