--[[
  Takes up to `limit` void jobs that are due (their time in `waybill-voids` has come: new, a retry, or a lease
  that ran out) and leases each to the caller until `leaseUntil`, so two workers do not call the carrier for
  the same waybill at once. Jobs with nothing left to do are dropped on the way: the waybill is gone or already
  voided, or an order carrying it has shipped since.

  KEYS[1]  seller prefix
  ARGV[1..3] now ms, now ISO, actor
  ARGV[4]  JSON {leaseUntil, limit, waybillIds?, heldUntil?}: only these waybills when given, else the earliest
           due; with `heldUntil`, a listed job whose lease is exactly that one (it was queued held for this
           caller, cancel_order.lua) is taken too

  Returns JSON {claimed: [{job, waybill}]}
]]

local args = cjson.decode(ARGV[4])
local claimed = {}

-- Leases the job or, when nothing is left to do for it, drops it. Either way it is no longer due.
local function take(id)
  local job = json_get('waybill-void', id)
  local w = waybill_load(id)
  -- Moot once an order carrying the waybill went out: that box is on its way, whoever asked for the void.
  if not job or not w or w.voided or select(2, orders_carrying(w)) then
    void_drop(id)
  else
    void_lease(job, args.leaseUntil)
    claimed[#claimed + 1] = { job = job, waybill = w }
  end
end

if args.waybillIds and args.waybillIds ~= cjson.null then
  for _, id in ipairs(args.waybillIds) do
    if #claimed >= args.limit then break end
    local due = redis.call('ZSCORE', key('waybill-voids'), id)
    if due and (tonumber(due) <= NOW_MS or tonumber(due) == args.heldUntil) then take(id) end
  end
else
  -- Every job taken stops being due (leased into the future, or dropped), so each page is read from the start.
  while #claimed < args.limit do
    local due = redis.call('ZRANGEBYSCORE', key('waybill-voids'), '-inf', NOW_MS, 'LIMIT', 0, args.limit - #claimed)
    if #due == 0 then break end
    for _, id in ipairs(due) do take(id) end
  end
end
return cjson.encode({ claimed = claimed })
