--[[
  Counts one print of a labels link: each waybill's print count goes up by one, and each order it covers is
  marked printed (a later address change then raises ADDRESS_CHANGED_AFTER_PRINT). A link fetched again (a
  browser reloading the PDF) is the same print: the counts of its first fetch come back and nothing changes.
  A reprint of a waybill without a carrier booking carries the order's current address, so the alert about an
  address changed after an earlier print closes.

  KEYS[1]  seller prefix
  ARGV[1..3] now ms, now ISO, actor
  ARGV[4]  JSON {printId, waybillIds, ttlMs}

  Returns JSON {counts: {waybillId: printCount}} | {error: {code: 'WAYBILL_NOT_FOUND', id}}
]]

local args = cjson.decode(ARGV[4])
local done = redis.call('GET', key('label-print', args.printId))
if done then return done end

local records = {}
for i, id in ipairs(args.waybillIds) do
  records[i] = waybill_load(id)
  if not records[i] then return cjson.encode({ error = { code = 'WAYBILL_NOT_FOUND', id = id } }) end
end
local counts, printed = {}, {}
for _, w in ipairs(records) do
  w.printCount = w.printCount + 1
  waybill_save(w)
  counts[w.id] = w.printCount
  for _, order_key in ipairs(w.orderKeys) do
    if not printed[order_key] then
      printed[order_key] = true
      local o = order_load(order_key)
      if o then
        o.printCount = (o.printCount or 0) + 1
        if not w.booking then alert_close('ADDRESS_CHANGED_AFTER_PRINT', o.key) end
        order_save(o, o.state)
      end
    end
  end
end
local reply = cjson.encode({ counts = counts })
redis.call('SET', key('label-print', args.printId), reply, 'PX', args.ttlMs)
return reply
