--[[
  Stores a poller's feed cursor, fenced by its lease token: the write happens only while that token holds the
  lease, and never with a token older than the one that wrote last. A poller that stalled past its lease
  (a long GC pause, a frozen VM) therefore cannot move the cursor back under the instance that took over.

  KEYS[1]  seller prefix
  KEYS[2]  the lease    ss:{seller}:sync:lease:<account>    string "token|owner"
  KEYS[3]  the cursor   ss:{seller}:sync:cursor:<account>   hash {cursor, token, at}
  ARGV[1..3] now ms, now ISO, actor
  ARGV[4]  the writer's lease token
  ARGV[5]  the cursor (opaque to Redis)

  Returns JSON {written: true}
    or {written: false, reason: 'not_holder', holder}: the lease is free or held by another token
    or {written: false, reason: 'stale_token', last}: a newer token already wrote; nothing is written
]]

local current = redis.call('GET', KEYS[2])
local holder = ''
if current then
  local sep = string.find(current, '|', 1, true) or (#current + 1)
  holder = string.sub(current, 1, sep - 1)
end
if holder ~= ARGV[4] then
  return cjson.encode({ written = false, reason = 'not_holder', holder = holder })
end
local last = redis.call('HGET', KEYS[3], 'token')
if last and tonumber(last) > tonumber(ARGV[4]) then
  return cjson.encode({ written = false, reason = 'stale_token', last = tonumber(last) })
end
redis.call('HSET', KEYS[3], 'cursor', ARGV[5], 'token', ARGV[4], 'at', NOW_ISO)
return cjson.encode({ written = true })
