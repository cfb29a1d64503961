--[[
  Holds an order by hand (MANUAL) or because the carrier could not use its address (ADDRESS). An ALLOCATED
  order gives its reservation back; a held order stops waiting for stock or a mapping. Holding again for the
  same reason is a replay.

  KEYS[1]  seller prefix
  KEYS[2]  the order
  ARGV[1..3] now ms, now ISO, actor
  ARGV[4]  order key
  ARGV[5]  note shown with the hold (may be empty: the actor is shown)
  ARGV[6]  reason: MANUAL | ADDRESS

  Returns JSON {key, status, reason}
    or {-1 ORDER_NOT_FOUND} | {-2 INVALID_TRANSITION, from, to}
]]

local o = order_load(ARGV[4])
if not o then return { E_ORDER_NOT_FOUND } end
if o.state ~= 'HELD' and not can_transition(o.state, 'HELD') then return refuse_transition(o, 'HELD') end
local reason = ARGV[6]
if o.state == 'HELD' and o.heldReason == reason then
  return cjson.encode({ key = o.key, status = o.state, reason = o.heldReason, replay = true })
end

local old_state = o.state
if o.state == 'ALLOCATED' then
  release_allocation(o, 'hold')
end
unregister_waiting(o)
set_held(o, reason, ARGV[5] ~= '' and ARGV[5] or ACTOR)
order_save(o, old_state)
settle()
return cjson.encode({ key = o.key, status = o.state, reason = o.heldReason })
