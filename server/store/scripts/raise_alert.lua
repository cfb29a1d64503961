--[[
  Raises an alert, or refreshes the one already open under the same id (type:subject): it keeps its opening
  time and acknowledgement, and takes the new severity and detail. For conditions that workers observe
  outside Redis (a channel error, a tracking rejection, cutoff risk); the stock scripts raise their own.

  KEYS[1]  seller prefix
  ARGV[1..3] now ms, now ISO, actor
  ARGV[4]  alert type
  ARGV[5]  severity
  ARGV[6]  subject
  ARGV[7]  detail, JSON object (validated)

  Returns JSON the alert
]]

alert_open(ARGV[4], ARGV[5], ARGV[6], cjson.decode(ARGV[7]))
return redis.call('HGET', key('alerts'), ARGV[4] .. ':' .. ARGV[6])
