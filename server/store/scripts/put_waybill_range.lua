--[[
  Registers a carrier's contract number range (bodies without the check digit). The same range again changes
  nothing. A range overlapping bodies the previous one already handed out continues after them, so no number
  is issued twice; otherwise counting starts at `first`. RANGE_LOW is raised or closed to match.

  KEYS[1]  seller prefix
  ARGV[1..3] now ms, now ISO, actor
  ARGV[4]  JSON {carrier, first, last, checkDigit} (first and last of one width, first <= last)

  Returns JSON {first, last, next, size, remaining}
]]

local args = cjson.decode(ARGV[4])
local previous = range_load(args.carrier)
local next_body = args.first
if previous and #previous.first == #args.first then
  local used_last = tonumber(previous.next) - 1
  local overlaps = used_last >= tonumber(previous.first) and used_last >= tonumber(args.first) and tonumber(previous.first) <= tonumber(args.last)
  if overlaps then
    next_body = string.format('%0' .. #args.first .. '.0f', math.max(tonumber(args.first), used_last + 1))
  end
end
redis.call('HSET', key('range', args.carrier), 'first', args.first, 'last', args.last, 'next', next_body, 'checkDigit', args.checkDigit and '1' or '0',
  'registeredAt', NOW_ISO, 'registeredBy', ACTOR)
local range = range_load(args.carrier)
range_alert(args.carrier, range)
return cjson.encode({ first = range.first, last = range.last, next = range.next, size = range.size, remaining = range.remaining })
