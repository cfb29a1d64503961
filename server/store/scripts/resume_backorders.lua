--[[
  Retries orders held for stock on the given SKUs, oldest first, while stock lasts. Scripts that free stock
  already do this for what they touched; this finishes a queue longer than one script's bound.

  KEYS[1]  seller prefix
  ARGV[1..3] now ms, now ISO, actor
  ARGV[4]  JSON [sku, ...]

  Returns JSON {tried}
]]

local tried = resume_waiting(cjson.decode(ARGV[4]))
flush_outbox()
return cjson.encode({ tried = tried })
