--[[
  Drops a CJ issuance whose bookings are all cancelled (or were never made), for the holder of its lease. Its
  orders are free to be issued again.

  KEYS[1]  seller prefix
  ARGV[1..3] now ms, now ISO, actor
  ARGV[4]  JSON {issuanceId, token}

  Returns JSON {dropped: true} | {dropped: false} (gone, or leased to someone else)
]]

local args = cjson.decode(ARGV[4])
local record = issuance_load(args.issuanceId)
if not record or record.token ~= args.token then return cjson.encode({ dropped = false }) end
issuance_drop(record)
return cjson.encode({ dropped = true })
