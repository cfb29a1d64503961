--[[
  Cancels part of one line of an unshipped order (a partial claim). Only those units' reservation moves.

  KEYS[1]  seller prefix
  KEYS[2]  the order
  ARGV[1..3] now ms, now ISO, actor
  ARGV[4]  order key
  ARGV[5]  line id
  ARGV[6]  units to cancel (> 0)
  ARGV[7]  reason

  Returns JSON {key, status, line: {lineId, quantity, cancelled}}
    or {-1 ORDER_NOT_FOUND} | {-6 UNKNOWN_LINE, lineId} | {-7 QUANTITY_EXCEEDED, lineId, open}
     | {-2 INVALID_TRANSITION, from, 'CANCELLED'}
]]

local o = order_load(ARGV[4])
if not o then return { E_ORDER_NOT_FOUND } end
local line = find_line(o, ARGV[5])
if not line then return { E_UNKNOWN_LINE, ARGV[5] } end
local old_state = o.state
local refusal = cancel_units(o, line, tonumber(ARGV[6]), ARGV[7] ~= '' and ARGV[7] or 'partial-cancel')
if refusal then return refusal end
order_save(o, old_state)
settle()
return cjson.encode({ key = o.key, status = o.state, line = { lineId = line.lineId, quantity = line.quantity, cancelled = line.cancelled } })
