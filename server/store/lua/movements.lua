-- Stock movements of orders: backorders, waybill void jobs, cancels, returns, and the common ending of a
-- script (settle). Part of the scripts' library, after orders.lua (server/store/lua/library.ts).

-- Backorders: orders held for stock on these SKUs are retried while stock lasts, oldest (lowest rank) first
-- across all the SKUs' queues, and each one that fits now is allocated. An order that still does not fit is
-- left untouched unless what it is short of changed. The sweep is bounded per call; resume_backorders.lua
-- finishes a longer queue. Returns how many orders it tried.
local RESUME_LIMIT = 200
local function resume_waiting(skus)
  local seen, candidates = {}, {}
  for _, sku in ipairs(skus) do
    local c = sku_counters(sku)
    -- An order waits on every SKU it is short of, so a SKU with nothing available frees none of its queue.
    if c and available_of(c) > 0 then
      local members = redis.call('ZRANGE', key('waiting', sku), 0, RESUME_LIMIT - 1, 'WITHSCORES')
      for i = 1, #members, 2 do
        local member = members[i]
        if not seen[member] then
          seen[member] = true
          candidates[#candidates + 1] = { key = member, rank = tonumber(members[i + 1]) }
        end
      end
    end
  end
  table.sort(candidates, function(a, b)
    if a.rank ~= b.rank then return a.rank < b.rank end
    return a.key < b.key
  end)
  local tries = math.min(#candidates, RESUME_LIMIT)
  for i = 1, tries do
    local member = candidates[i].key
    local o = order_load(member)
    if not o or o.state ~= 'HELD' or o.heldReason ~= 'OUT_OF_STOCK' then
      for _, sku in ipairs(skus) do
        redis.call('ZREM', key('waiting', sku), member)
      end
    else
      local needs, order_skus, unmapped, line_components = order_needs(o)
      if #unmapped > 0 then
        hold_unmapped(o, unmapped)
        order_save(o, 'HELD')
      else
        local short = short_skus(needs, order_skus)
        if #short == 0 then
          o.allocation = {}
          reserve(o, needs, order_skus, line_components)
          order_save(o, 'HELD')
        elseif not same_members(short, o.waitingOn) then
          hold_out_of_stock(o, short)
          order_save(o, 'HELD')
        end
      end
    end
  end
  return tries
end

local function resume_touched()
  local list = {}
  for _, sku in ipairs(touched_list) do
    list[#list + 1] = sku
  end
  return resume_waiting(list)
end

local function refuse_transition(o, to)
  return { E_INVALID_TRANSITION, o.state, to }
end

local function return_policy(default_policy)
  local raw = redis.call('HGET', key('settings'), 'doc')
  if raw then
    local s = cjson.decode(raw)
    if s.returnPolicy then
      return s.returnPolicy
    end
  end
  return default_policy
end

local function find_line(o, line_id)
  for _, line in ipairs(o.lines) do
    if line.lineId == line_id then return line end
  end
  return nil
end

local function all_lines(o, predicate)
  for _, line in ipairs(o.lines) do
    if not predicate(line) then return false end
  end
  return true
end

-- Waybill voids owed to the carrier (server/waybills/void-queue.ts): a job per waybill under
-- `waybill-void:<id>` and the time it is next due (ms) in the zset `waybill-voids`. A job is written in the
-- same script that makes the void necessary, so it exists before any carrier call and survives a crash.
-- `origin` is 'cancel' (the order is gone: the void must happen, retried until it does) or 'manual' (a
-- seller's void: a definite carrier refusal drops it). A job is leased to whoever calls the carrier for it:
-- only the lease's holder calls, and the job falls due again when the lease runs out (the holder died).

-- A void job is done with (voided, moot, or a seller's void the carrier refused for good).
local function void_drop(waybill_id)
  redis.call('DEL', key('waybill-void', waybill_id))
  redis.call('ZREM', key('waybill-voids'), waybill_id)
end

-- Leases a void job to the caller until `until_ms`. The lease is kept in the job too, which tells a job
-- leased to someone from one waiting to be retried (both are due later than now).
local function void_lease(job, until_ms)
  job.leaseUntil = until_ms
  redis.call('SET', key('waybill-void', job.waybillId), cjson.encode(job))
  redis.call('ZADD', key('waybill-voids'), until_ms, job.waybillId)
end

-- Whether someone holds the job's lease now.
local function void_leased(job)
  if type(job.leaseUntil) ~= 'number' or job.leaseUntil <= NOW_MS then return false end
  return tonumber(redis.call('ZSCORE', key('waybill-voids'), job.waybillId)) == job.leaseUntil
end

-- Queues the void of a waybill, due at `due_ms`; with `lease_until`, leased to the caller instead, who calls
-- the carrier itself. A cancel takes over a seller's job. A job leased to someone else keeps its lease, and a
-- job already waiting keeps its due time unless the caller takes the lease. Returns the job.
local function void_enqueue(waybill_id, reason, origin, due_ms, lease_until)
  local k = key('waybill-void', waybill_id)
  local raw = redis.call('GET', k)
  local job
  if raw then
    job = cjson.decode(raw)
    if origin == 'cancel' then
      job.origin = 'cancel'
      job.reason = reason
    end
  else
    job = { waybillId = waybill_id, reason = reason, origin = origin, attempts = 0, createdAt = NOW_ISO, createdBy = ACTOR }
  end
  if lease_until and not (raw and void_leased(job)) then
    void_lease(job, lease_until)
    return job
  end
  redis.call('SET', k, cjson.encode(job))
  if raw then
    redis.call('ZADD', key('waybill-voids'), 'NX', due_ms, waybill_id)
  else
    redis.call('ZADD', key('waybill-voids'), due_ms, waybill_id)
  end
  return job
end

-- Cancels a whole unshipped order: its reservation goes back, it stops waiting, its alerts close, and every
-- waybill it still carries is queued to be voided (a 합포장 parcel too: its other orders go back to ALLOCATED
-- when the void lands). The caller has checked the transition. Returns the ids of the waybills queued.
-- `held_until` (ms, optional): the jobs are born leased until then to a caller that settles them itself (the
-- API's cancel), so a worker cannot take them in between; if that caller dies, they fall due then.
local function cancel_whole(o, reason, held_until)
  release_allocation(o, reason)
  unregister_waiting(o)
  clear_held(o)
  o.state = 'CANCELLED'
  o.cancelledAt = NOW_ISO
  alert_close('CANCEL_REQUESTED', o.key)
  if not (o.waybillIds and o.waybillIds ~= cjson.null) then return {} end
  for _, id in ipairs(o.waybillIds) do
    void_enqueue(id, 'order cancelled: ' .. o.key, 'cancel', NOW_MS, held_until)
  end
  return o.waybillIds
end

-- Cancels units of one line of an unshipped order; units it reserved go back. A fully cancelled order is
-- CANCELLED; a held one that waited for stock is tried again, being smaller now. Returns nil, or a refusal
-- reply (before anything was written).
local function cancel_units(o, line, qty, reason)
  if not can_transition(o.state, 'CANCELLED') then return refuse_transition(o, 'CANCELLED') end
  if qty > open_quantity(line) then return { E_QUANTITY_EXCEEDED, line.lineId, open_quantity(line) } end
  line.cancelled = line.cancelled + qty
  if all_lines(o, function(l) return open_quantity(l) == 0 end) then
    cancel_whole(o, reason)
    return nil
  end
  if is_reserving(o.state) then
    for _, c in ipairs(line.components or {}) do
      local units = c.qty * qty
      sku_move(c.sku, 'release', 0, -units, 0, 0, reason, o.key)
      o.allocation[c.sku] = o.allocation[c.sku] - units
      if o.allocation[c.sku] <= 0 then
        o.allocation[c.sku] = nil
      end
    end
  elseif o.state == 'HELD' and (o.heldReason == 'OUT_OF_STOCK' or o.heldReason == 'UNMAPPED') then
    try_allocate(o)
  end
  return nil
end

-- Takes back units of one line of a shipped order: restocked, or held in quarantine for inspection.
-- A fully returned order is RETURNED. Returns nil, or a refusal reply.
local function return_units(o, line, qty, policy)
  if not can_transition(o.state, 'RETURNED') then return refuse_transition(o, 'RETURNED') end
  local remaining = open_quantity(line) - line.returned
  if qty > remaining then return { E_QUANTITY_EXCEEDED, line.lineId, remaining } end
  for _, c in ipairs(line.components or {}) do
    local units = c.qty * qty
    if policy == 'quarantine' then
      sku_move(c.sku, 'quarantine', 0, 0, 0, units, 'return', o.key)
    else
      sku_move(c.sku, 'return', units, 0, 0, 0, 'return', o.key)
    end
  end
  line.returned = line.returned + qty
  if all_lines(o, function(l) return open_quantity(l) - l.returned == 0 end) then
    o.state = 'RETURNED'
    o.returnedAt = NOW_ISO
  end
  return nil
end

-- The common ending of a script that moved stock: retry backorders on what it freed, close shortages it
-- covered, and queue one stock push per touched SKU.
local function settle()
  resume_touched()
  for _, sku in ipairs(touched_list) do
    if redis.call('HEXISTS', key('alerts'), 'SHORTAGE:' .. sku) == 1 then
      check_shortage(sku)
    end
  end
  flush_outbox()
end
