--[[
  Saves a CJ issuance in progress (an attempt about to be made, or its result), but only for the holder of its
  lease: a caller whose lease was taken over writes nothing and must stop. The saved lease deadline renews it.

  KEYS[1]  seller prefix
  ARGV[1..3] now ms, now ISO, actor
  ARGV[4]  JSON the issuance record, with its token and new leaseUntil

  Returns JSON {saved: true} | {saved: false} (the issuance is gone or leased to someone else)
]]

local record = cjson.decode(ARGV[4])
local stored = issuance_load(record.id)
if not stored or stored.token ~= record.token then return cjson.encode({ saved = false }) end
issuance_save(record)
return cjson.encode({ saved = true })
