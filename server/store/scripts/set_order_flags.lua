--[[
  Records facts about an order that move no stock: confirmed on the channel (발주확인), packed (verified by item
  scan), delivered (SHIPPED -> DELIVERED), printed (a label was printed; counts prints, so a later address
  change raises ADDRESS_CHANGED_AFTER_PRINT), and the channel's answer to a tracking dispatch. A flag that
  already holds changes nothing.

  KEYS[1]  seller prefix
  KEYS[2]  the order
  ARGV[1..3] now ms, now ISO, actor
  ARGV[4]  order key
  ARGV[5]  JSON {confirmed?, packed?, delivered?, printed?, tracking?: {status, message?, lines?: [{lineId, status, message?}]}}

  Returns JSON {key, status, changed}
    or {-1 ORDER_NOT_FOUND} | {-2 INVALID_TRANSITION, from, 'DELIVERED'}
]]

local o = order_load(ARGV[4])
if not o then return { E_ORDER_NOT_FOUND } end
local flags = cjson.decode(ARGV[5])
local old_state = o.state
local changed = false

if flags.delivered and o.state ~= 'DELIVERED' then
  if not can_transition(o.state, 'DELIVERED') then return refuse_transition(o, 'DELIVERED') end
  o.state = 'DELIVERED'
  o.deliveredAt = NOW_ISO
  changed = true
end
if flags.confirmed ~= nil and flags.confirmed ~= o.confirmed then
  o.confirmed = flags.confirmed
  changed = true
end
if flags.packed ~= nil and flags.packed ~= o.packed then
  o.packed = flags.packed
  changed = true
end
if flags.printed then
  o.printCount = (o.printCount or 0) + 1
  changed = true
end
local function same_lines(a, b)
  if a == nil or b == nil then return a == b end
  return cjson.encode(a) == cjson.encode(b)
end
if flags.tracking and (flags.tracking.status ~= o.tracking.status or flags.tracking.message ~= o.tracking.message
    or (flags.tracking.lines ~= nil and not same_lines(flags.tracking.lines, o.tracking.lines))) then
  o.tracking.status = flags.tracking.status
  o.tracking.message = flags.tracking.message
  if flags.tracking.lines ~= nil then o.tracking.lines = flags.tracking.lines end
  o.tracking.at = NOW_ISO
  if flags.tracking.status == 'accepted' then alert_close('TRACKING_MISSING', o.key) end
  changed = true
end

if changed then order_save(o, old_state) end
return cjson.encode({ key = o.key, status = o.state, changed = changed })
