--[[
  Finishes a CJ issuance: every box has a booked attempt, so its waybill is saved and attached to the orders,
  and the issuance is dropped. The orders are checked again, since they may have changed while CJ was called
  (a cancel request, a hold); then nothing is attached and the caller cancels the bookings.

  KEYS[1]  seller prefix
  ARGV[1..3] now ms, now ISO, actor
  ARGV[4]  JSON {issuanceId, token, dispatchNow, sortCode?}

  Returns JSON {kind: 'applied', waybills} | {kind: 'lost'} (not the lease holder) | {kind: 'error', error}
]]

local args = cjson.decode(ARGV[4])
local record = issuance_load(args.issuanceId)
if not record or record.token ~= args.token then return cjson.encode({ kind = 'lost' }) end
local kind, value = parcel_check(record.orderKeys, 'cj', record.packages, nil, record.id)
if kind == 'busy' then value = { code = 'ISSUE_IN_PROGRESS', key = record.orderKeys[1] } end
if kind == 'replay' then value = { code = 'ALREADY_ISSUED', key = record.orderKeys[1], trackingNumber = value[1].trackingNumber } end
if kind ~= 'new' then return cjson.encode({ kind = 'error', error = value }) end

local records = {}
for i, box in ipairs(record.boxes) do
  local booked
  for _, attempt in ipairs(box.attempts) do
    if attempt.state == 'booked' then booked = attempt end
  end
  if not booked or not box.invoiceNo then return cjson.encode({ kind = 'error', error = { code = 'NOT_BOOKED', key = record.orderKeys[1] } }) end
  local w = {
    id = box.waybillId, carrier = 'cj', trackingNumber = box.invoiceNo, source = 'cj', orderKeys = record.orderKeys,
    package = box.package, packages = record.packages, printCount = 0, voided = false, issuedAt = NOW_ISO, issuedBy = record.createdBy,
    booking = booked.booking, custUseNo = booked.custUseNo,
  }
  if args.sortCode and args.sortCode ~= cjson.null then w.sortCode = args.sortCode end
  records[i] = w
end
attach_waybills(value, records, args.dispatchNow)
issuance_drop(record)
return cjson.encode({ kind = 'applied', waybills = records })
