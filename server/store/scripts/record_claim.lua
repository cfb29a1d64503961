--[[
  Records a channel claim on one line (or the whole order) and moves stock when it completes. Idempotent per
  claim event (claimId, type, status): the same event again changes nothing, while the same claim moving on
  (REQUESTED, then DONE) is applied at each step.

    CANCEL  REQUESTED  unshipped: blocks shipping, alert CANCEL_REQUESTED. Shipped: alert CANCEL_AFTER_SHIPMENT
                       ("intercept the parcel or reject the cancel"); stock does not move.
    CANCEL  DONE       unshipped: those units are cancelled and their reservation released (the order is
                       CANCELLED when nothing is left). Shipped: nothing moves until the parcel comes back as
                       a return; CANCEL_AFTER_SHIPMENT is (still) open.
    CANCEL  REJECTED   the block and the alerts are lifted.
    RETURN  DONE       those units are restocked or quarantined per the return policy (shipped orders only).
    EXCHANGE, RETURN REQUESTED/REJECTED: recorded and visible; no stock moves.

  KEYS[1]  seller prefix
  KEYS[2]  the order
  ARGV[1..3] now ms, now ISO, actor
  ARGV[4]  order key
  ARGV[5]  JSON {claimId, type, status, quantity, lineId?, reason?}
  ARGV[6]  the default return policy

  A unit count beyond what is left on the line is capped at what is left (the channel is the record of what
  its buyer did). CANCEL_REQUESTED stays open while any line of an unshipped order has an open cancel request.

  Returns JSON {key, status, applied, replay}
    or {-1 ORDER_NOT_FOUND} | {-6 UNKNOWN_LINE, lineId} | {-2 INVALID_TRANSITION, from, 'RETURNED'} (a return on
       an order that never shipped); nothing is written
]]

local o = order_load(ARGV[4])
if not o then return { E_ORDER_NOT_FOUND } end
local claim = cjson.decode(ARGV[5])
local event = claim.claimId .. '|' .. claim.type .. '|' .. claim.status

for _, id in ipairs(o.appliedClaims or {}) do
  if id == event then return cjson.encode({ key = o.key, status = o.state, applied = false, replay = true }) end
end

local lines = {}
if claim.lineId then
  local line = find_line(o, claim.lineId)
  if not line then return { E_UNKNOWN_LINE, claim.lineId } end
  lines[1] = line
else
  lines = o.lines
end

local old_state = o.state
local unshipped = is_unshipped(o.state)
-- A returned or cancelled order is settled: a late claim on it is recorded, and nothing moves.
local shipped = o.state == 'SHIPPED' or o.state == 'DELIVERED'
local record = { type = claim.type, status = claim.status, quantity = claim.quantity, lineId = claim.lineId, reason = claim.reason, at = NOW_ISO }
local after_shipment = { orderKey = o.key, lineId = claim.lineId or '' }

if claim.type == 'CANCEL' and claim.status ~= 'REJECTED' and shipped then
  alert_open('CANCEL_AFTER_SHIPMENT', 'critical', o.key, after_shipment)
elseif claim.type == 'CANCEL' and claim.status == 'DONE' and unshipped then
  if not claim.lineId then
    cancel_whole(o, 'claim-cancel')
  else
    local units = math.min(claim.quantity, open_quantity(lines[1]))
    if units > 0 then
      local refusal = cancel_units(o, lines[1], units, 'claim-cancel')
      if refusal then return refusal end
    end
  end
elseif claim.type == 'CANCEL' and claim.status == 'REJECTED' then
  alert_close('CANCEL_AFTER_SHIPMENT', o.key)
elseif claim.type == 'RETURN' and claim.status == 'DONE' and o.state ~= 'CANCELLED' then
  if o.state ~= 'RETURNED' and not can_transition(o.state, 'RETURNED') then return refuse_transition(o, 'RETURNED') end
  local policy = return_policy(ARGV[6])
  for _, line in ipairs(lines) do
    local remaining = open_quantity(line) - line.returned
    local units = claim.lineId and math.min(claim.quantity, remaining) or remaining
    if units > 0 then
      local refusal = return_units(o, line, units, policy)
      if refusal then return refusal end
    end
  end
  alert_close('CANCEL_AFTER_SHIPMENT', o.key)
end

o.claim = record
for _, line in ipairs(lines) do
  line.claim = record
end
if is_unshipped(o.state) and has_open_cancel_request(o) then
  alert_open('CANCEL_REQUESTED', 'critical', o.key, { orderKey = o.key, lineId = claim.lineId or '' })
else
  alert_close('CANCEL_REQUESTED', o.key)
end
local applied = o.appliedClaims or {}
applied[#applied + 1] = event
o.appliedClaims = applied
order_save(o, old_state)
settle()
return cjson.encode({ key = o.key, status = o.state, applied = true, replay = false })
