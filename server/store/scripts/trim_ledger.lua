--[[
  Retention: drops ledger entries older than a cut-off, folding their deltas into a per-SKU base first, so
  base + remaining entries still sum to every counter. Bounded per call; call again while `more` is true.
  The outbox is trimmed too (its entries are work, not history), but never past work a consumer group has not
  finished: the oldest entry any group holds pending (delivered, not acknowledged), or has not delivered yet,
  stays, with everything after it.

  KEYS[1]  seller prefix
  ARGV[1..3] now ms, now ISO, actor
  ARGV[4]  ledger cut-off, ms since the epoch
  ARGV[5]  outbox cut-off, ms since the epoch; 0: leave the outbox (a later call of the same trim)
  ARGV[6]  most entries to fold in this call

  Returns JSON {folded, more, outboxTrimmed}
]]

local cutoff = tonumber(ARGV[4])
local batch = tonumber(ARGV[6])
-- Nothing precedes id 0-0, and XRANGE refuses it as an exclusive end.
local entries = cutoff > 0 and redis.call('XRANGE', key('ledger'), '-', '(' .. cutoff .. '-0', 'COUNT', batch) or {}
local last = nil
for _, entry in ipairs(entries) do
  local f = {}
  for i = 1, #entry[2], 2 do f[entry[2][i]] = entry[2][i + 1] end
  local base = key('ledger-base', f.sku)
  redis.call('HINCRBY', base, 'dOnHand', tonumber(f.dOnHand))
  redis.call('HINCRBY', base, 'dReserved', tonumber(f.dReserved))
  redis.call('HINCRBY', base, 'dSafety', tonumber(f.dSafety))
  redis.call('HINCRBY', base, 'dQuarantine', tonumber(f.dQuarantine))
  last = entry[1]
end
if last then
  -- Delete exactly what was folded: MINID keeps ids >= its argument, so pass the id right after the last one.
  local ms, seq = string.match(last, '^(%d+)-(%d+)$')
  redis.call('XTRIM', key('ledger'), 'MINID', ms .. '-' .. (tonumber(seq) + 1))
end

-- Stream ids as {ms, seq}, compared in that order.
local function id_parts(id)
  local ms, seq = string.match(id, '^(%d+)-(%d+)$')
  return { tonumber(ms), tonumber(seq) }
end
local function id_before(a, b)
  return a[1] < b[1] or (a[1] == b[1] and a[2] < b[2])
end

local outbox = key('outbox')
local trimmed = 0
if tonumber(ARGV[5]) > 0 and redis.call('EXISTS', outbox) == 1 then
  local floor = { tonumber(ARGV[5]), 0 }
  for _, raw in ipairs(redis.call('XINFO', 'GROUPS', outbox)) do
    local group = {}
    for i = 1, #raw, 2 do group[raw[i]] = raw[i + 1] end
    local keep
    if group.pending > 0 then
      keep = id_parts(redis.call('XPENDING', outbox, group.name)[2])
    else
      -- Everything after the last delivered entry is still to be read.
      keep = id_parts(group['last-delivered-id'])
      keep[2] = keep[2] + 1
    end
    if id_before(keep, floor) then floor = keep end
  end
  -- Exact, not '~': an approximate trim only drops whole stream nodes and may keep old work for a long time.
  trimmed = redis.call('XTRIM', outbox, 'MINID', string.format('%.0f', floor[1]) .. '-' .. string.format('%.0f', floor[2]))
end
return cjson.encode({ folded = #entries, more = #entries == batch, outboxTrimmed = trimmed })
