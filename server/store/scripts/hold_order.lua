--[[
  Holds an order by hand. An ALLOCATED order gives its reservation back; a held order keeps waiting, now MANUAL.

  KEYS[1]  seller prefix
  KEYS[2]  the order
  ARGV[1..3] now ms, now ISO, actor
  ARGV[4]  order key
  ARGV[5]  note shown with the hold (may be empty)

  Returns JSON {key, status, reason}
    or {-1 ORDER_NOT_FOUND} | {-2 INVALID_TRANSITION, from, to}
]]

local o = order_load(ARGV[4])
if not o then return { E_ORDER_NOT_FOUND } end
if o.state ~= 'HELD' and not can_transition(o.state, 'HELD') then return refuse_transition(o, 'HELD') end
if o.state == 'HELD' and o.heldReason == 'MANUAL' then
  return cjson.encode({ key = o.key, status = o.state, reason = o.heldReason, replay = true })
end

local old_state = o.state
if o.state == 'ALLOCATED' then
  release_allocation(o, 'hold')
end
unregister_waiting(o)
set_held(o, 'MANUAL', ARGV[5] ~= '' and ARGV[5] or ACTOR)
order_save(o, old_state)
settle()
return cjson.encode({ key = o.key, status = o.state, reason = o.heldReason })
