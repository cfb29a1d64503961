--[[
  Records a void the carrier did not take (down, or it refused). A seller's void (origin 'manual') that the
  carrier refused for good is dropped when `dropManual` is set: the seller got the refusal and nothing
  changed. Otherwise the job waits until `retryAt` and, from the `alertAfter`-th failure on (or at once for
  a parcel already picked up), WAYBILL_VOID_FAILED is open for its tracking number. Only the holder of the
  lease writes: a job whose lease someone else took over (its due time is no longer `leaseUntil`) is left.

  KEYS[1]  seller prefix
  ARGV[1..3] now ms, now ISO, actor
  ARGV[4]  JSON {waybillId, leaseUntil, code, detail, retryAt, alertAfter, dropManual}

  Returns JSON {outcome: 'retry' | 'dropped' | 'gone', attempts, alerted}
]]

local args = cjson.decode(ARGV[4])
local id = args.waybillId
local job = json_get('waybill-void', id)
local due = redis.call('ZSCORE', key('waybill-voids'), id)
if not job or not due then return cjson.encode({ outcome = 'gone', attempts = 0, alerted = false }) end
if tonumber(due) ~= args.leaseUntil then return cjson.encode({ outcome = 'gone', attempts = job.attempts, alerted = false }) end

if args.dropManual and job.origin == 'manual' then
  void_drop(id)
  return cjson.encode({ outcome = 'dropped', attempts = job.attempts, alerted = false })
end

job.attempts = job.attempts + 1
job.lastCode = args.code
job.lastError = args.detail
job.lastAttemptAt = NOW_ISO
job.leaseUntil = nil
redis.call('SET', key('waybill-void', id), cjson.encode(job))
redis.call('ZADD', key('waybill-voids'), args.retryAt, id)

local alerted = false
if job.attempts >= args.alertAfter or args.code == 'PICKED_UP' then
  local w = waybill_load(id)
  if w then
    alert_open('WAYBILL_VOID_FAILED', 'critical', w.trackingNumber, {
      trackingNumber = w.trackingNumber, carrier = w.carrier, waybillId = w.id, orderKeys = table.concat(w.orderKeys, ', '),
      attempts = job.attempts, code = args.code, detail = args.detail, reason = job.reason,
    })
    alerted = true
  end
end
return cjson.encode({ outcome = 'retry', attempts = job.attempts, alerted = alerted })
