-- Order ingestion, loaded with the library after its shared helpers (library.ts); scripts/ingest_orders.lua drives it.
--
-- One call ingests a batch of orders in the order given, each exactly as if alone: idempotent per line, all
-- or nothing per order, with its own result or refusal. Two paths produce the same stored order:
--
--   - The general path (ingest_general) handles everything: known orders, added lines, auto-mapping, held
--     orders. It decodes the order and encodes what it stores with cjson, and writes at once.
--   - The common case, a new order whose listings are all mapped and whose stock fits, takes the fast path
--     (ingest_new_allocated): the stored JSON is spliced from fragments Node already serialised, listings
--     and counters are read once per batch, and the order, its seq and its index entries are written
--     together when the batch ends (write_pending). That is most of the cost of an ingest.
--
-- Before the general path runs, everything pending is written and the batch's caches are dropped, so it
-- meets exactly the data it would meet alone.
--
-- Per-order arguments (ARGV, after the common head), produced by server/store/ingest-batch.ts:
--   order key, rank, line count n, head, then per line: line head, listing key, quantity
-- `head` opens the stored order's JSON with the fields that come from the input (key, channel, account,
-- orderId, receiver, message, orderedAt, dueAt); a line head opens a line's JSON the same way (lineId,
-- listingId, quantity, sellerCode, productName, optionName). The rest is added here.
--
-- Each order's reply: 'status\nreason\nflags\ndetail' (flags: 'c' created, 'r' replay, 'u' updated; an
-- empty reason or detail is none), or {negative code, detail...} for a refusal (nothing written for it).

local function ingest_reply(o, flags)
  local reason, detail = o.heldReason, o.heldDetail
  if reason == nil or reason == cjson.null then reason = '' end
  if detail == nil or detail == cjson.null then detail = '' end
  return o.state .. '\n' .. reason .. '\n' .. flags .. '\n' .. detail
end

------------------------------------------------------------------------------------------------------
-- The general path: one order, decoded.

-- 1:1 listings for lines whose seller code names a SKU, unless the listing is already mapped.
local function auto_map(o, lines)
  for _, line in ipairs(lines) do
    if line.sellerCode then
      local lk = listing_key_of(o, line)
      local listing = key('listing', lk)
      if redis.call('EXISTS', listing) == 0 and redis.call('EXISTS', key('sku', line.sellerCode)) == 1 then
        redis.call('HSET', listing, 'components', cjson.encode({ { sku = line.sellerCode, qty = 1 } }),
          'metadata', '{}', 'autoMapped', '1')
        redis.call('ZADD', key('listings'), 0, lk)
        redis.call('SADD', key('sku-listings', line.sellerCode), lk)
        alert_close('UNMAPPED_LISTING', lk)
        touch(line.sellerCode)
      end
    end
  end
end

local function new_line(line)
  line.cancelled = 0
  line.returned = 0
  return line
end

-- A new order: lines whose listing is unknown but whose seller code is a SKU get a 1:1 listing; then the
-- order is ALLOCATED if every component of every line fits, else HELD (UNMAPPED or OUT_OF_STOCK).
-- A known order: known lines change nothing. New lines are added and the whole order re-evaluated: an
-- ALLOCATED order whose added lines fit reserves them too; one that no longer fits gives its whole
-- reservation back and is HELD; a HELD order waiting for stock or a mapping is tried again (a MANUAL or
-- ADDRESS hold stays). A changed receiver or address updates the order and sets addressChanged (and alerts
-- if a label was printed). Nothing changed: nothing is written (a replay). New lines for an order past
-- ALLOCATED are refused with ORDER_LOCKED, and nothing is written.
local function ingest_general(input, order_key, rank)
  -- A missing second address line is stored as '', so a later message that omits it is no change.
  input.receiver.address2 = input.receiver.address2 or ''
  local existing = order_load(order_key)

  if not existing then
    local o = {
      key = order_key, channel = input.channel, account = input.account, orderId = input.orderId,
      state = 'HELD', heldReason = cjson.null, heldDetail = cjson.null,
      lines = {}, receiver = input.receiver, message = input.message, orderedAt = input.orderedAt, dueAt = input.dueAt,
      confirmed = false, claim = cjson.null, tracking = { status = 'none' }, packed = false, addressChanged = false,
      allocation = {}, createdAt = NOW_ISO, rank = rank,
    }
    for _, line in ipairs(input.lines) do
      o.lines[#o.lines + 1] = new_line(line)
    end
    auto_map(o, o.lines)
    try_allocate(o)
    order_save(o, nil)
    flush_outbox()
    return ingest_reply(o, 'c')
  end

  local o = existing
  local old_state = o.state
  local changed = false

  local known = {}
  for _, line in ipairs(o.lines) do
    known[line.lineId] = true
  end
  local added = {}
  for _, line in ipairs(input.lines) do
    if not known[line.lineId] then
      added[#added + 1] = new_line(line)
    end
  end

  if #added > 0 and o.state ~= 'HELD' and o.state ~= 'ALLOCATED' then
    return { E_ORDER_LOCKED, o.state }
  end

  local r, n = o.receiver, input.receiver
  -- An erased order never takes buyer data again: a late re-read of it on the channel would bring it back.
  if not o.piiErasedAt and (r.name ~= n.name or r.phone ~= n.phone or r.zip ~= n.zip or r.address1 ~= n.address1 or (r.address2 or '') ~= (n.address2 or '')) then
    o.receiver = n
    o.addressChanged = true
    changed = true
    if (o.printCount or 0) > 0 then
      alert_open('ADDRESS_CHANGED_AFTER_PRINT', 'critical', o.key, { orderKey = o.key })
    end
  end
  if input.dueAt and input.dueAt ~= o.dueAt then
    o.dueAt = input.dueAt
    changed = true
  end

  if #added > 0 then
    changed = true
    local first = #o.lines + 1
    for _, line in ipairs(added) do
      o.lines[#o.lines + 1] = line
    end
    auto_map(o, added)
    if o.state == 'ALLOCATED' then
      -- The order keeps what it holds if the added lines fit too; otherwise the whole order gives its
      -- reservation back and is evaluated again from nothing, so it is never half reserved.
      local needs, skus, unmapped, line_components = order_needs(o, first)
      if #unmapped == 0 and #short_skus(needs, skus) == 0 then
        reserve(o, needs, skus, line_components)
      else
        release_allocation(o, 'order-changed')
        o.state = 'HELD'
        try_allocate(o)
      end
    elseif o.heldReason == 'OUT_OF_STOCK' or o.heldReason == 'UNMAPPED' then
      try_allocate(o)
    end
  end

  if not changed then
    return ingest_reply(o, 'r')
  end

  order_save(o, old_state)
  settle()
  return ingest_reply(o, 'u')
end

------------------------------------------------------------------------------------------------------
-- The fast path and its per-batch state. Reset by ingest_batch_begin; the caches hold only what no other
-- code changes while they are in use (the general path runs only after write_pending and ingest_drop_caches).

local listing_cache, counter_cache, sku_json
local pending_docs, pending_keys, pending_index, pending_reserved, pending_skus
local next_seq
-- The batch's order keys that exist: read with one MGET when the batch begins (an EXISTS per order was a
-- call per order), then kept true by what the batch itself writes (write_pending, and ingest_alone); an
-- order still pending is found in pending_docs.
local existing_orders

-- Small whole numbers as strings: Lua formats a number with sprintf, and quantities repeat.
local INT_STRINGS = {}
local function int_string(n)
  local hit = INT_STRINGS[n]
  if not hit then
    hit = tostring(n)
    if n >= 0 and n <= 4096 then INT_STRINGS[n] = hit end
  end
  return hit
end

local function ingest_drop_caches()
  listing_cache, counter_cache, next_seq = {}, {}, nil
end

-- `redis_keys`: the order keys (as Redis keys) of every order in the batch.
local function ingest_batch_begin(redis_keys)
  ingest_drop_caches()
  sku_json = {}
  pending_docs, pending_keys, pending_index, pending_reserved, pending_skus = {}, {}, {}, {}, {}
  existing_orders = {}
  for from = 1, #redis_keys, 500 do
    local chunk = redis.call('MGET', unpack(redis_keys, from, math.min(#redis_keys, from + 499)))
    for i = 1, #chunk do
      if chunk[i] then existing_orders[redis_keys[from + i - 1]] = true end
    end
  end
end

-- { components = decoded, raw = JSON as stored }, or false when the listing has no mapping.
local function cached_listing(lk)
  local hit = listing_cache[lk]
  if hit == nil then
    local raw = redis.call('HGET', key('listing', lk), 'components')
    hit = raw and { components = cjson.decode(raw), raw = raw } or false
    listing_cache[lk] = hit
  end
  return hit
end

-- The counters as sku_counters reads them, plus the fast path's reservations not yet written; false: no SKU.
local function cached_counters(sku)
  local hit = counter_cache[sku]
  if hit == nil then
    hit = sku_counters(sku) or false
    counter_cache[sku] = hit
  end
  return hit
end

-- The fast path's orders, the seq, the state index and the reserved counters, written together: one MSET,
-- one ZADD and one HINCRBY per SKU instead of a call per order for each. Their ledger entries are already
-- written, so each counter still equals the sum of its entries once the call ends.
local function write_pending()
  if #pending_keys == 0 then return end
  local mset = {}
  for i = 1, #pending_keys do
    local redis_key = pending_keys[i]
    mset[i * 2 - 1] = redis_key
    mset[i * 2] = pending_docs[redis_key]
    -- Written now, so a repeat later in the batch is a known order (a replay), not created again.
    existing_orders[redis_key] = true
  end
  redis.call('MSET', unpack(mset))
  redis.call('SET', key('seq'), next_seq)
  redis.call('ZADD', key('state', 'ALLOCATED'), unpack(pending_index))
  for _, sku in ipairs(pending_skus) do
    redis.call('HINCRBY', key('sku', sku), 'reserved', pending_reserved[sku])
  end
  pending_docs, pending_keys, pending_index, pending_reserved, pending_skus = {}, {}, {}, {}, {}
end

local function json_string(s)
  local hit = sku_json[s]
  if not hit then
    hit = cjson.encode(s)
    sku_json[s] = hit
  end
  return hit
end

-- What a new order's JSON holds after its input fields and before what ingestion decides; a new line's.
local NEW_ORDER_FIELDS = ',"confirmed":false,"claim":null,"tracking":{"status":"none"},"packed":false,"addressChanged":false'
local NEW_LINE_FIELDS = ',"cancelled":0,"returned":0'

-- A new order that allocates in full, stored exactly as the general path would store it. `a` is where the
-- order's arguments start in `argv` (ingest_orders.lua lists them). Returns its reply, or nil when the order
-- needs the general path (known already, a line unmapped, or stock short); then nothing has been written for
-- it. Reads the arguments where they are, and builds each string once: every string Lua makes is hashed
-- byte by byte, and that was a large part of an ingest's cost.
-- Scratch tables of ingest_new_allocated, emptied and reused for each order rather than made anew.
local scratch_needs, scratch_skus = {}, {}

local function ingest_new_allocated(argv, a, redis_key)
  if existing_orders[redis_key] or pending_docs[redis_key] then return nil end
  local n = tonumber(argv[a + 2])
  -- What every component of every line needs, SKUs in order of first mention (as order_needs sums them).
  local needs, skus = scratch_needs, scratch_skus
  for i = #skus, 1, -1 do
    needs[skus[i]] = nil
    skus[i] = nil
  end
  for b = a + 4, a + 1 + 3 * n, 3 do
    local listing = listing_cache[argv[b + 1]]
    if listing == nil then listing = cached_listing(argv[b + 1]) end
    if not listing then return nil end
    local open = tonumber(argv[b + 2])
    local components = listing.components
    for i = 1, #components do
      local c = components[i]
      local sku = c.sku
      local need = needs[sku]
      if not need then
        need = 0
        skus[#skus + 1] = sku
      end
      needs[sku] = need + c.qty * open
    end
  end
  for i = 1, #skus do
    local sku = skus[i]
    local c = counter_cache[sku]
    if c == nil then c = cached_counters(sku) end
    if not c or available_of(c) < needs[sku] then return nil end
  end

  -- Reserved as sku_move reserves: the ledger entry now, the counter with the batch.
  local order_key = argv[a]
  local allocation
  for i = 1, #skus do
    local sku = skus[i]
    local need = needs[sku]
    local need_arg = int_string(need)
    ledger_append(sku, 'reserve', '0', need_arg, '0', '0', 'order', order_key)
    if not touched[sku] then touch(sku) end
    counter_cache[sku].reserved = counter_cache[sku].reserved + need
    local reserved = pending_reserved[sku]
    if not reserved then
      reserved = 0
      pending_skus[#pending_skus + 1] = sku
    end
    pending_reserved[sku] = reserved + need
    allocation = (allocation and allocation .. ',' or '') .. json_string(sku) .. ':' .. need_arg
  end

  if not next_seq then next_seq = tonumber(redis.call('GET', key('seq')) or '0') end
  next_seq = next_seq + 1
  local seq = tostring(next_seq)
  if n == 1 then
    -- The common single line: the whole document in one concatenation, so one string is built (and hashed).
    pending_docs[redis_key] = argv[a + 3] .. NEW_ORDER_FIELDS .. ',"state":"ALLOCATED","heldReason":null,"heldDetail":null,"allocation":{'
      .. allocation .. '},"createdAt":"' .. NOW_ISO .. '","updatedAt":"' .. NOW_ISO .. '","rank":' .. argv[a + 1] .. ',"seq":' .. seq
      .. ',"lines":[' .. argv[a + 4] .. NEW_LINE_FIELDS .. ',"components":' .. listing_cache[argv[a + 5]].raw .. '}]}'
  else
    local parts = { argv[a + 3], NEW_ORDER_FIELDS, ',"state":"ALLOCATED","heldReason":null,"heldDetail":null,"allocation":{', allocation,
      '},"createdAt":"', NOW_ISO, '","updatedAt":"', NOW_ISO, '","rank":', argv[a + 1], ',"seq":', seq, ',"lines":[' }
    for b = a + 4, a + 1 + 3 * n, 3 do
      if b > a + 4 then parts[#parts + 1] = ',' end
      parts[#parts + 1] = argv[b]
      parts[#parts + 1] = NEW_LINE_FIELDS
      parts[#parts + 1] = ',"components":'
      parts[#parts + 1] = listing_cache[argv[b + 1]].raw
      parts[#parts + 1] = '}'
    end
    parts[#parts + 1] = ']}'
    pending_docs[redis_key] = table.concat(parts)
  end
  pending_keys[#pending_keys + 1] = redis_key
  pending_index[#pending_index + 1] = seq
  pending_index[#pending_index + 1] = order_key
  return 'ALLOCATED\n\nc\n'
end

-- The general path for one order of the batch: pending writes go first, it keeps its own set of touched
-- SKUs (and queues their stock pushes itself, as it would alone), and the caches start again after it.
local function ingest_alone(argv, a, redis_key)
  write_pending()
  local batch_touched, batch_touched_list = touched, touched_list
  touched, touched_list = {}, {}
  local n = tonumber(argv[a + 2])
  local full = { argv[a + 3], ',"lines":[' }
  for b = a + 4, a + 1 + 3 * n, 3 do
    full[#full + 1] = (b > a + 4 and ',' or '') .. argv[b] .. NEW_LINE_FIELDS .. '}'
  end
  full[#full + 1] = ']}'
  local reply = ingest_general(cjson.decode(table.concat(full)), argv[a], tonumber(argv[a + 1]))
  touched, touched_list = batch_touched, batch_touched_list
  ingest_drop_caches()
  existing_orders[redis_key] = true
  return reply
end
