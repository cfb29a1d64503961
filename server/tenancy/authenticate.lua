--[[
  Finds an API key's record and charges requests to its rate limit, in one round trip: `count` requests that
  arrived together, one after another, each with its own answer, exactly as `count` calls would charge them.
  The limit is a GCRA (generic cell rate algorithm): `limit` requests per window, which may all come at once,
  then one per emission interval. Times are whole microseconds, exact in Lua's doubles.

  An instance may also lease units of the allowance to spend itself (server/tenancy/key-leases.ts): after the
  requests, up to `extra` more units are charged, each only if it fits as a request would, never refusing;
  and `give back` units of an earlier lease that were not spent are returned first (the theoretical arrival
  time moves back by that many intervals, never before now).

  KEYS[1]  sheetship:apikey:{keyId}        (hash: sellerId, label, hash, createdAt, revokedAt?)
  KEYS[2]  sheetship:ratelimit:{keyId}     (the theoretical arrival time, µs)
  ARGV[1]  now, µs since the epoch
  ARGV[2]  emission interval, µs (window / limit, at least 1)
  ARGV[3]  window, µs
  ARGV[4]  count: the requests to charge (0: only give units back)
  ARGV[5]  extra: units to lease beyond the requests, as far as they fit
  ARGV[6]  give back: unspent units of an earlier lease

  Returns {}                                       no such key
       or {sellerId, label, hash, revokedAt}         revoked: nothing is charged or given back
       or {sellerId, label, hash, '', then per request: allowed (1|0), retryAfterUs, remaining,
           then: units leased, remaining after them}
]]

local rec = redis.call('HMGET', KEYS[1], 'sellerId', 'label', 'hash', 'revokedAt')
if not rec[1] then return {} end
if rec[4] then return { rec[1], rec[2], rec[3], rec[4] } end

local now = tonumber(ARGV[1])
local interval = tonumber(ARGV[2])
local window = tonumber(ARGV[3])
local count = tonumber(ARGV[4])
local extra = tonumber(ARGV[5])
local give_back = tonumber(ARGV[6])
local stored = tonumber(redis.call('GET', KEYS[2]) or now)
local tat = stored
if give_back > 0 then tat = tat - give_back * interval end
if tat < now then tat = now end
local out = { rec[1], rec[2], rec[3], '' }
for _ = 1, count do
  local next_tat = tat + interval
  local ahead = next_tat - now
  if ahead > window then
    out[#out + 1] = 0
    out[#out + 1] = ahead - window
    out[#out + 1] = 0
  else
    tat = next_tat
    out[#out + 1] = 1
    out[#out + 1] = 0
    out[#out + 1] = math.floor((window - ahead) / interval)
  end
end
local room = math.floor((window - (tat - now)) / interval)
local leased = math.max(0, math.min(extra, room))
tat = tat + leased * interval
out[#out + 1] = leased
out[#out + 1] = math.max(0, room - leased)
if tat ~= stored then
  if tat > now then
    redis.call('SET', KEYS[2], string.format('%.0f', tat), 'PX', math.ceil((tat - now) / 1000) + 1)
  else
    redis.call('DEL', KEYS[2])
  end
end
return out
