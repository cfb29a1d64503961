--[[
  Acknowledges an open alert. It stays open until its condition clears; acknowledging only says someone saw it.

  KEYS[1]  seller prefix
  ARGV[1..3] now ms, now ISO, actor
  ARGV[4]  alert id

  Returns JSON the alert, or {-11 ALERT_NOT_FOUND}
]]

local raw = redis.call('HGET', key('alerts'), ARGV[4])
if not raw then return { -11 } end
local alert = cjson.decode(raw)
alert.acknowledged = true
alert.acknowledgedBy = ACTOR
alert.updatedAt = NOW_ISO
local encoded = cjson.encode(alert)
redis.call('HSET', key('alerts'), ARGV[4], encoded)
return encoded
