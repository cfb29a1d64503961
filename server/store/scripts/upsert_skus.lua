--[[
  Creates or updates SKUs (name, barcode, safety). A new SKU starts with every counter at 0. A safety change
  is ledgered like any other counter change. A barcode belongs to one SKU (scan-to-verify looks it up).

  KEYS[1]  seller prefix
  ARGV[1..3] now ms, now ISO, actor
  ARGV[4]  JSON [{sku, name, barcode?, safety?}]  (validated; at most 1,000)

  Returns JSON [{sku, status: 'created' | 'updated' | 'unchanged'} | {sku, status: 'error', code, detail}]
]]

local items = cjson.decode(ARGV[4])
local results = {}
for i, item in ipairs(items) do
  local k = key('sku', item.sku)
  local current = redis.call('HMGET', k, 'name', 'barcode', 'safety')
  local owner = item.barcode and redis.call('HGET', key('barcodes'), item.barcode)
  if owner and owner ~= item.sku then
    results[i] = { sku = item.sku, status = 'error', code = 'DUPLICATE_BARCODE', detail = owner }
  else
    local created = current[1] == false
    local changed = created
    if created then
      redis.call('HSET', k, 'name', item.name, 'onHand', 0, 'reserved', 0, 'safety', 0, 'quarantine', 0)
      redis.call('ZADD', key('skus'), 0, item.sku)
    elseif current[1] ~= item.name then
      redis.call('HSET', k, 'name', item.name)
      changed = true
    end
    if item.barcode and item.barcode ~= current[2] then
      if current[2] then redis.call('HDEL', key('barcodes'), current[2]) end
      redis.call('HSET', k, 'barcode', item.barcode)
      redis.call('HSET', key('barcodes'), item.barcode, item.sku)
      changed = true
    end
    local safety = tonumber(current[3]) or 0
    if item.safety and item.safety ~= safety then
      sku_move(item.sku, 'safety', 0, 0, item.safety - safety, 0, 'safety', 'sku-upsert')
      changed = true
    end
    results[i] = { sku = item.sku, status = created and 'created' or (changed and 'updated' or 'unchanged') }
  end
end
settle()
return cjson.encode(results)
