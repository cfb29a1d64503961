--[[
  Starts (or answers) a CJ issuance for one parcel. CJ numbers and bookings need calls to CJ, which cannot run
  inside a script, so the issuance is recorded first under a lease: its boxes get their waybill ids now, and its
  orders are marked as being issued, so no other call issues for them meanwhile. Whoever holds the lease records
  every carrier attempt before making it (cj_save_issuance) and attaches the waybills at the end
  (cj_complete_parcel).

  KEYS[1]  seller prefix
  ARGV[1..3] now ms, now ISO, actor
  ARGV[4]  JSON {issuanceId, orderKeys, packages, token, leaseUntil}

  Returns JSON one of
    {kind: 'owner', record}          a new issuance, leased to `token`
    {kind: 'replay', waybills}       the parcel already has its waybills
    {kind: 'busy', issuanceId}       an issuance is in progress for one of the orders (this parcel's or another)
    {kind: 'error', error: {code, key, ...}}   as issue_waybills.lua
]]

local args = cjson.decode(ARGV[4])
local kind, value = parcel_check(args.orderKeys, 'cj', args.packages, nil, nil)
if kind == 'error' then return cjson.encode({ kind = 'error', error = value }) end
if kind == 'replay' then return cjson.encode({ kind = 'replay', waybills = value }) end
if kind == 'busy' then return cjson.encode({ kind = 'busy', issuanceId = value }) end

local boxes = {}
for box = 1, args.packages do
  boxes[box] = { package = box, waybillId = new_waybill_id(), attempts = {} }
end
local record = {
  id = args.issuanceId, carrier = 'cj', orderKeys = args.orderKeys, packages = args.packages, token = args.token,
  leaseUntil = args.leaseUntil, createdAt = NOW_ISO, createdBy = ACTOR, boxes = boxes,
}
for _, order_key in ipairs(args.orderKeys) do
  redis.call('HSET', key('issuing'), order_key, record.id)
end
issuance_save(record)
return cjson.encode({ kind = 'owner', record = record })
