--[[
  Replaces the seller's settings document if it is still the version the caller read (compare-and-set), so two
  concurrent PATCHes cannot lose one another's change.

  KEYS[1]  seller prefix
  ARGV[1..3] now ms, now ISO, actor
  ARGV[4]  the version the caller read ('0' when there was none)
  ARGV[5]  the new document, JSON (validated)

  Returns JSON {version}, or {-9 CONFLICT, current version}
]]

local current = tonumber(redis.call('HGET', key('settings'), 'version') or '0')
if current ~= tonumber(ARGV[4]) then return { E_CONFLICT, current } end
redis.call('HSET', key('settings'), 'doc', ARGV[5], 'version', current + 1)
return cjson.encode({ version = current + 1 })
