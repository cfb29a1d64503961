--[[
  Takes back units of a shipped order, one line or all of it: restocked or quarantined per the seller's
  return policy.

  KEYS[1]  seller prefix
  KEYS[2]  the order
  ARGV[1..3] now ms, now ISO, actor
  ARGV[4]  order key
  ARGV[5]  line id, or '' for every line in full
  ARGV[6]  units (ignored for a whole-order return)
  ARGV[7]  the default return policy, used when the seller has no settings yet

  Returns JSON {key, status, policy}
    or {-1 ORDER_NOT_FOUND} | {-6 UNKNOWN_LINE, lineId} | {-7 QUANTITY_EXCEEDED, lineId, remaining}
     | {-2 INVALID_TRANSITION, from, 'RETURNED'}
]]

local o = order_load(ARGV[4])
if not o then return { E_ORDER_NOT_FOUND } end
local policy = return_policy(ARGV[7])
local old_state = o.state
if ARGV[5] == '' then
  if not can_transition(o.state, 'RETURNED') then return refuse_transition(o, 'RETURNED') end
  for _, line in ipairs(o.lines) do
    local remaining = open_quantity(line) - line.returned
    if remaining > 0 then
      local refusal = return_units(o, line, remaining, policy)
      if refusal then return refusal end
    end
  end
  o.state = 'RETURNED'
else
  local line = find_line(o, ARGV[5])
  if not line then return { E_UNKNOWN_LINE, ARGV[5] } end
  local refusal = return_units(o, line, tonumber(ARGV[6]), policy)
  if refusal then return refusal end
end
order_save(o, old_state)
settle()
return cjson.encode({ key = o.key, status = o.state, policy = policy })
