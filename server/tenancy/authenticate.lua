--[[
  Finds an API key's record and charges one request to its rate limit, in one round trip. The limit is a
  GCRA (generic cell rate algorithm): `limit` requests per window, which may all come at once, then one per
  emission interval. Times are whole microseconds, exact in Lua's doubles.

  KEYS[1]  sheetship:apikey:{keyId}        (hash: sellerId, label, hash, createdAt, revokedAt?)
  KEYS[2]  sheetship:ratelimit:{keyId}     (the theoretical arrival time, µs)
  ARGV[1]  now, µs since the epoch
  ARGV[2]  emission interval, µs (window / limit, at least 1)
  ARGV[3]  window, µs

  Returns {}                                         no such key
       or {sellerId, label, hash, revokedAt, 0, 0, 0}   revoked: nothing is charged
       or {sellerId, label, hash, '', allowed (1|0), retryAfterUs, remaining}
]]

local rec = redis.call('HMGET', KEYS[1], 'sellerId', 'label', 'hash', 'revokedAt')
if not rec[1] then return {} end
if rec[4] then return { rec[1], rec[2], rec[3], rec[4], 0, 0, 0 } end

local now = tonumber(ARGV[1])
local interval = tonumber(ARGV[2])
local window = tonumber(ARGV[3])
local tat = tonumber(redis.call('GET', KEYS[2]) or now)
if tat < now then tat = now end
local next_tat = tat + interval
local ahead = next_tat - now
if ahead > window then
  return { rec[1], rec[2], rec[3], '', 0, ahead - window, 0 }
end
redis.call('SET', KEYS[2], string.format('%.0f', next_tat), 'PX', math.ceil(ahead / 1000) + 1)
return { rec[1], rec[2], rec[3], '', 1, 0, math.floor((window - ahead) / interval) }
