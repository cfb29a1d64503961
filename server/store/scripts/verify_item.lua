--[[
  Counts one item scanned into a parcel being verified (scan-to-verify). An item the parcel does not hold, or one
  more than it holds, is refused and not counted. The counts live as long as the parcel could still be packed.

  KEYS[1]  seller prefix
  ARGV[1..3] now ms, now ISO, actor
  ARGV[4]  JSON {waybillId, sku, expected: {sku: units}}

  Returns JSON {result: 'counted', remaining} | {result: 'WRONG_ITEM'} | {result: 'OVER_SCAN', remaining}
    remaining: units of the parcel still to scan, every SKU together
]]

local args = cjson.decode(ARGV[4])
local counts_key = key('verify-count', args.waybillId)
local function remaining()
  local left = 0
  for sku, units in pairs(args.expected) do
    left = left + units - tonumber(redis.call('HGET', counts_key, sku) or '0')
  end
  return left
end

local expected = args.expected[args.sku]
if not expected then return cjson.encode({ result = 'WRONG_ITEM' }) end
local counted = tonumber(redis.call('HGET', counts_key, args.sku) or '0')
if counted >= expected then return cjson.encode({ result = 'OVER_SCAN', remaining = remaining() }) end
redis.call('HINCRBY', counts_key, args.sku, 1)
redis.call('PEXPIRE', counts_key, 30 * 24 * 3600 * 1000)
return cjson.encode({ result = 'counted', remaining = remaining() })
