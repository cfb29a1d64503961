--[[
  Puts closed orders stored before the `closed-orders` index existed into it, scored by when they closed (the
  latest of shippedAt, deliveredAt, returnedAt, cancelledAt; updatedAt if none). Walks each closed state's
  index by seq from where the last call stopped (hash `closed-orders-backfill`: state -> last seq looked at,
  `done` once finished). An order saved meanwhile indexes itself (order_save), so a moved seq loses nothing.
  Adds only missing entries (NX). Bounded per call: call again while `more` is true; a no-op once done.

  KEYS[1]  seller prefix
  ARGV[1..3] now ms, now ISO, actor
  ARGV[4]  most orders to look at in this call

  Returns JSON {indexed, more}
]]

local progress = key('closed-orders-backfill')
if redis.call('HGET', progress, 'done') then return cjson.encode({ indexed = 0, more = false }) end
local budget = tonumber(ARGV[4])

-- ms since the epoch of an ISO-8601 UTC time as toISOString writes it; nil for anything else.
local function iso_ms(iso)
  if type(iso) ~= 'string' then return nil end
  local y, mo, d, h, mi, s, frac = string.match(iso, '^(%d%d%d%d)-(%d%d)-(%d%d)T(%d%d):(%d%d):(%d%d)%.?(%d*)Z$')
  if not y then return nil end
  y, mo, d = tonumber(y), tonumber(mo), tonumber(d)
  -- Days from the civil date (H. Hinnant's algorithm), March-based years.
  if mo <= 2 then y = y - 1 end
  local era = math.floor(y / 400)
  local yoe = y - era * 400
  local doy = math.floor((153 * ((mo + 9) % 12) + 2) / 5) + d - 1
  local days = era * 146097 + yoe * 365 + math.floor(yoe / 4) - math.floor(yoe / 100) + doy - 719468
  local ms = frac ~= '' and tonumber(string.sub(frac .. '00', 1, 3)) or 0
  return ((days * 24 + tonumber(h)) * 60 + tonumber(mi)) * 60000 + tonumber(s) * 1000 + ms
end

local function closed_ms(o)
  local latest
  for _, field in ipairs({ 'shippedAt', 'deliveredAt', 'returnedAt', 'cancelledAt' }) do
    local ms = iso_ms(o[field])
    if ms and (not latest or ms > latest) then latest = ms end
  end
  return latest or iso_ms(o.updatedAt) or NOW_MS
end

local indexed = 0
for _, state in ipairs(sorted_keys(CLOSED_STATES)) do
  if budget > 0 and not redis.call('HGET', progress, state .. ':done') then
    local from = redis.call('HGET', progress, state)
    local members = redis.call('ZRANGEBYSCORE', key('state', state), from and ('(' .. from) or '-inf', '+inf', 'WITHSCORES', 'LIMIT', 0, budget)
    local count = #members / 2
    for i = 1, #members, 2 do
      local o = order_load(members[i])
      if o and CLOSED_STATES[o.state] then
        indexed = indexed + redis.call('ZADD', key('closed-orders'), 'NX', string.format('%.0f', closed_ms(o)), o.key)
      end
    end
    if count > 0 then redis.call('HSET', progress, state, members[#members]) end
    if count < budget then redis.call('HSET', progress, state .. ':done', '1') end
    budget = budget - count
  end
end
local more = false
for _, state in ipairs(sorted_keys(CLOSED_STATES)) do
  if not redis.call('HGET', progress, state .. ':done') then more = true end
end
if not more then redis.call('HSET', progress, 'done', '1') end
return cjson.encode({ indexed = indexed, more = more })
