--[[
  Releases a held order: it is allocated if everything fits now, otherwise it waits (OUT_OF_STOCK or UNMAPPED).

  KEYS[1]  seller prefix
  KEYS[2]  the order
  ARGV[1..3] now ms, now ISO, actor
  ARGV[4]  order key

  Returns JSON {key, status, reason, detail}
    or {-1 ORDER_NOT_FOUND} | {-2 INVALID_TRANSITION, from, 'ALLOCATED'}
]]

local o = order_load(ARGV[4])
if not o then return { E_ORDER_NOT_FOUND } end
if o.state ~= 'HELD' then return refuse_transition(o, 'ALLOCATED') end

try_allocate(o)
order_save(o, 'HELD')
flush_outbox()
return cjson.encode({ key = o.key, status = o.state, reason = o.heldReason, detail = o.heldDetail })
