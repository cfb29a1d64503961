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

ingest_batch_begin()
local replies = {}
local a = 4
while a <= #ARGV do
  local order_key, rank, n, head = ARGV[a], ARGV[a + 1], tonumber(ARGV[a + 2]), ARGV[a + 3]
  a = a + 4
  local line_heads, listing_keys, quantities = {}, {}, {}
  for j = 1, n do
    line_heads[j], listing_keys[j], quantities[j] = ARGV[a], ARGV[a + 1], tonumber(ARGV[a + 2])
    a = a + 3
  end
  replies[#replies + 1] = ingest_new_allocated(order_key, rank, head, line_heads, listing_keys, quantities)
    or ingest_alone(head, line_heads, order_key, rank)
end
write_pending()
flush_outbox()
return replies
