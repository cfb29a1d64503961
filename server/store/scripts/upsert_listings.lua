--[[
  Creates or replaces listing mappings: (channel, account, listingId) -> components [{sku, qty}], plus the
  channel metadata a connector needs to push stock (kept when an update leaves it out). A listing naming an
  unknown SKU is refused. Orders held because this listing was unmapped are evaluated again.

  KEYS[1]  seller prefix
  ARGV[1..3] now ms, now ISO, actor
  ARGV[4]  JSON [{channel, account, listingId, components: [{sku, qty}], metadata?}]  (validated)

  Returns JSON [{listing, status: 'created' | 'updated', released: [order keys allocated or re-held]}
              | {listing, status: 'error', code: 'UNKNOWN_SKU', detail: sku}]
]]

local items = cjson.decode(ARGV[4])
local results = {}
for i, item in ipairs(items) do
  local lk = item.channel .. ':' .. item.account .. ':' .. item.listingId
  local missing = nil
  for _, c in ipairs(item.components) do
    if not missing and redis.call('EXISTS', key('sku', c.sku)) == 0 then missing = c.sku end
  end
  if missing then
    results[i] = { listing = lk, status = 'error', code = 'UNKNOWN_SKU', detail = missing }
  else
    local k = key('listing', lk)
    local old = redis.call('HGET', k, 'components')
    if old then
      for _, c in ipairs(cjson.decode(old)) do
        redis.call('SREM', key('sku-listings', c.sku), lk)
        touch(c.sku)
      end
    end
    redis.call('HSET', k, 'components', cjson.encode(item.components), 'autoMapped', '0')
    if item.metadata then
      redis.call('HSET', k, 'metadata', cjson.encode(item.metadata))
    elseif not old then
      redis.call('HSET', k, 'metadata', '{}')
    end
    redis.call('ZADD', key('listings'), 0, lk)
    for _, c in ipairs(item.components) do
      redis.call('SADD', key('sku-listings', c.sku), lk)
      touch(c.sku)
    end
    alert_close('UNMAPPED_LISTING', lk)
    local released = {}
    for _, member in ipairs(redis.call('ZRANGE', key('unmapped', lk), 0, -1)) do
      local o = order_load(member)
      if o and o.state == 'HELD' and o.heldReason == 'UNMAPPED' then
        try_allocate(o)
        order_save(o, 'HELD')
        released[#released + 1] = { key = o.key, status = o.state, reason = o.heldReason }
      else
        redis.call('ZREM', key('unmapped', lk), member)
      end
    end
    results[i] = { listing = lk, status = old and 'updated' or 'created', released = released }
  end
end
settle()
return cjson.encode(results)
