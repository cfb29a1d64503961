--[[
  Gives a poller's lease back on a clean stop, so another instance takes over at once instead of after the
  lease expires. Only the token that holds it can release it.

  KEYS[1]  seller prefix
  KEYS[2]  the lease   ss:{seller}:sync:lease:<account>
  ARGV[1..3] now ms, now ISO, actor
  ARGV[4]  the token the caller holds

  Returns JSON {released: true | false}
]]

local current = redis.call('GET', KEYS[2])
if current and string.sub(current, 1, #ARGV[4] + 1) == ARGV[4] .. '|' then
  redis.call('DEL', KEYS[2])
  return cjson.encode({ released = true })
end
return cjson.encode({ released = false })
