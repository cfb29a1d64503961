--[[
  Ingests a batch of channel orders, in the order given: each is idempotent per line and all or nothing, with
  its own result or refusal, exactly as if ingested alone (the behaviour is in lua/ingest.lua).

  KEYS[1]      seller prefix  ss:{seller}:  (each order's key is built from it: a batch names many)
  ARGV[1..3]   now ms, now ISO, actor (lib.lua)
  ARGV[4..]    per order: order key, rank (ms: orderedAt, or when first seen; backorders go oldest first),
               line count n, head, then n times: line head, listing key, quantity (see lua/ingest.lua)

  Returns one reply per order, in order: 'status\nreason\nflags\ndetail' (flags: c created, r replay,
  u updated)
    or {-4 ORDER_LOCKED, state}: new lines for an order past ALLOCATED; nothing is written for that order
]]

-- Where each order's arguments start, and its key as a Redis key.
local starts, redis_keys = {}, {}
local a = 4
while a <= #ARGV do
  starts[#starts + 1] = a
  redis_keys[#redis_keys + 1] = key('order', ARGV[a])
  a = a + 4 + 3 * tonumber(ARGV[a + 2])
end
ingest_batch_begin(redis_keys)
local replies = {}
for i = 1, #starts do
  replies[i] = ingest_new_allocated(ARGV, starts[i], redis_keys[i]) or ingest_alone(ARGV, starts[i], redis_keys[i])
end
write_pending()
flush_outbox()
return replies
