--[[
  Issues waybills for a batch of parcels of one carrier whose numbers need no carrier call: the next bodies of the
  seller's contract range (check digit appended), or numbers the seller typed (manual). Idempotent per
  (order, package): a parcel whose orders already carry exactly its waybills is a replay and gets them back.
  Range numbers come from the range's counter, here, in the same atomic step that attaches them, so a number
  is never handed out twice. When the range cannot cover every new box of the batch, none of them is issued.

  KEYS[1]  seller prefix
  ARGV[1..3] now ms, now ISO, actor
  ARGV[4]  JSON {carrier, dispatchNow, parcels: [{index, orderKeys, packages, trackingNumber?}]}
           The parcels name distinct orders; trackingNumber (manual) is normalized and valid for the carrier,
           and only with packages 1.

  Returns JSON {results: [{index, result: 'applied', replay, waybills} | {index, result: 'error', error: {code, ...}}],
                range: {first, last, next, size, remaining} | null}
    error codes: ORDER_NOT_FOUND, ALREADY_ISSUED, INVALID_TRANSITION, CANCEL_REQUESTED, RECEIVERS_DIFFER,
                 ISSUE_IN_PROGRESS, TRACKING_NUMBER_TAKEN, NO_RANGE, RANGE_EXHAUSTED
]]

local args = cjson.decode(ARGV[4])
local carrier = args.carrier
local results, fresh = {}, {}
local boxes_needed = 0

for _, parcel in ipairs(args.parcels) do
  local number = parcel.trackingNumber
  if number == cjson.null then number = nil end
  local kind, value = parcel_check(parcel.orderKeys, carrier, parcel.packages, number, nil)
  if kind == 'error' then
    results[#results + 1] = { index = parcel.index, result = 'error', error = value }
  elseif kind == 'replay' then
    results[#results + 1] = { index = parcel.index, result = 'applied', replay = true, waybills = value }
  elseif kind == 'busy' then
    results[#results + 1] = { index = parcel.index, result = 'error', error = { code = 'ISSUE_IN_PROGRESS', key = parcel.orderKeys[1] } }
  else
    local taken = number and redis.call('HGET', key('waybill-numbers'), number)
    local owner = taken and waybill_load(taken)
    if owner and not owner.voided then
      results[#results + 1] = { index = parcel.index, result = 'error', error = { code = 'TRACKING_NUMBER_TAKEN', key = parcel.orderKeys[1], trackingNumber = number } }
    else
      local slot = #results + 1
      results[slot] = false
      fresh[#fresh + 1] = { slot = slot, parcel = parcel, orders = value, number = number }
      if not number then boxes_needed = boxes_needed + parcel.packages end
    end
  end
end

-- Every range box of the batch, or none: the bodies are taken first and written only if all were found.
local range = range_load(carrier)
local bodies, range_problem = {}, nil
if boxes_needed > 0 then
  if not range then
    range_problem = { code = 'NO_RANGE', carrier = carrier }
  else
    local n, last = tonumber(range.next), tonumber(range.last)
    while #bodies < boxes_needed and n <= last do
      local body = range_body(range, n)
      local number = range.checkDigit and (body .. mod7_digit(body)) or body
      -- A number already on a waybill (a range registered over an older one) is passed over, never reused.
      if redis.call('HEXISTS', key('waybill-numbers'), number) == 0 then bodies[#bodies + 1] = number end
      n = n + 1
    end
    if #bodies < boxes_needed then
      range_problem = { code = 'RANGE_EXHAUSTED', carrier = carrier, remaining = range.remaining, needed = boxes_needed }
    else
      redis.call('HSET', key('range', carrier), 'next', range_body(range, n))
      range = range_load(carrier)
      range_alert(carrier, range)
    end
  end
end

local taken = 0
for _, item in ipairs(fresh) do
  local parcel = item.parcel
  if not item.number and range_problem then
    results[item.slot] = { index = parcel.index, result = 'error', error = range_problem }
  else
    local records = {}
    for box = 1, parcel.packages do
      local number = item.number
      local source = 'manual'
      if not number then
        taken = taken + 1
        number = bodies[taken]
        source = 'range'
      end
      records[box] = new_waybill(carrier, number, source, parcel.orderKeys, box, parcel.packages)
    end
    attach_waybills(item.orders, records, args.dispatchNow)
    results[item.slot] = { index = parcel.index, result = 'applied', replay = false, waybills = records }
  end
end

local range_view = cjson.null
if range then
  range_view = { first = range.first, last = range.last, next = range.next, size = range.size, remaining = range.remaining }
end
return cjson.encode({ results = results, range = range_view })
