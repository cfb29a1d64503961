--[[
  Takes over a CJ issuance whose lease ran out (its holder crashed or gave it up), so its attempts can be
  settled: cancelled at CJ when their result was never saved, kept when it was.

  KEYS[1]  seller prefix
  ARGV[1..3] now ms, now ISO, actor
  ARGV[4]  JSON {issuanceId, token, leaseUntil}

  Returns JSON {kind: 'taken', record} | {kind: 'live', leaseUntil} | {kind: 'gone'}
]]

local args = cjson.decode(ARGV[4])
local record = issuance_load(args.issuanceId)
if not record then return cjson.encode({ kind = 'gone' }) end
if record.leaseUntil > NOW_MS then return cjson.encode({ kind = 'live', leaseUntil = record.leaseUntil }) end
record.token = args.token
record.leaseUntil = args.leaseUntil
issuance_save(record)
return cjson.encode({ kind = 'taken', record = record })
