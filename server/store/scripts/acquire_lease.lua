--[[
  Takes or renews the lease that makes one server instance the poller of one channel account. Every new lease
  gets a token higher than any before it (a counter per account), so a write fenced by the token tells a
  current holder from a stalled old one. The lease expires by itself (PX), so a holder that died frees it.

  KEYS[1]  seller prefix
  KEYS[2]  the lease   ss:{seller}:sync:lease:<account>   string "token|owner"
  KEYS[3]  the fence   ss:{seller}:sync:fence:<account>   counter of tokens handed out
  ARGV[1..3] now ms, now ISO, actor
  ARGV[4]  owner: the instance asking
  ARGV[5]  time to live, ms
  ARGV[6]  mode: 'acquire' (take it if free, renew it if this token holds it) or 'renew' (only renew)
  ARGV[7]  the token the caller holds, or ''

  Returns JSON {status: 'acquired' | 'renewed', token}
    or {status: 'held', holder, token, ttlMs}: another owner (or another token) holds it
    or {status: 'lost'}: mode 'renew' and the caller's token no longer holds it; nothing is written
]]

local current = redis.call('GET', KEYS[2])
if current then
  local sep = string.find(current, '|', 1, true) or (#current + 1)
  local token = string.sub(current, 1, sep - 1)
  local holder = string.sub(current, sep + 1)
  if ARGV[7] ~= '' and token == ARGV[7] and holder == ARGV[4] then
    redis.call('PEXPIRE', KEYS[2], ARGV[5])
    return cjson.encode({ status = 'renewed', token = tonumber(token) })
  end
  if ARGV[6] == 'renew' then return cjson.encode({ status = 'lost' }) end
  return cjson.encode({ status = 'held', holder = holder, token = tonumber(token), ttlMs = redis.call('PTTL', KEYS[2]) })
end
if ARGV[6] == 'renew' then return cjson.encode({ status = 'lost' }) end
local token = redis.call('INCR', KEYS[3])
redis.call('SET', KEYS[2], token .. '|' .. ARGV[4], 'PX', ARGV[5])
return cjson.encode({ status = 'acquired', token = token })
