--[[
  Records a channel claim on one line (or the whole order) and moves stock when it completes. Idempotent per
  claim id: a claim already applied changes nothing.

    CANCEL  REQUESTED  unshipped: blocks shipping, alert CANCEL_REQUESTED. Shipped: alert CANCEL_AFTER_SHIPMENT
                       ("intercept the parcel or reject the cancel"); stock does not move.
    CANCEL  DONE       unshipped: those units' reservation is released (the order is CANCELLED when nothing is
                       left). Shipped: nothing moves until the parcel comes back as a return; the alert stays.
    CANCEL  REJECTED   the block and the alerts are lifted.
    RETURN  DONE       those units are restocked or quarantined per the return policy.
    EXCHANGE, RETURN REQUESTED/REJECTED: recorded and visible; no stock moves.

  KEYS[1]  seller prefix
  KEYS[2]  the order
  ARGV[1..3] now ms, now ISO, actor
  ARGV[4]  order key
  ARGV[5]  JSON {claimId, type, status, quantity, lineId?, reason?}
  ARGV[6]  the default return policy

  Returns JSON {key, status, applied, replay}
    or {-1 ORDER_NOT_FOUND} | {-6 UNKNOWN_LINE, lineId} | {-7 QUANTITY_EXCEEDED, lineId, open} | {-2 ...}
]]

local o = order_load(ARGV[4])
if not o then return { E_ORDER_NOT_FOUND } end
local claim = cjson.decode(ARGV[5])

for _, id in ipairs(o.appliedClaims or {}) do
  if id == claim.claimId then return cjson.encode({ key = o.key, status = o.state, applied = false, replay = true }) end
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
local shipped = o.state == 'SHIPPED' or o.state == 'DELIVERED' or o.state == 'RETURNED'
local record = { type = claim.type, status = claim.status, quantity = claim.quantity, lineId = claim.lineId, reason = claim.reason, at = NOW_ISO }

if claim.type == 'CANCEL' and claim.status == 'REQUESTED' then
  if shipped then
    alert_open('CANCEL_AFTER_SHIPMENT', 'critical', o.key, { orderKey = o.key, lineId = claim.lineId or '' })
  else
    alert_open('CANCEL_REQUESTED', 'critical', o.key, { orderKey = o.key, lineId = claim.lineId or '' })
  end
elseif claim.type == 'CANCEL' and claim.status == 'DONE' then
  if not shipped then
    for _, line in ipairs(lines) do
      local units = claim.lineId and claim.quantity or open_quantity(line)
      if units > 0 and o.state ~= 'CANCELLED' then
        local refusal = cancel_units(o, line, math.min(units, open_quantity(line)), 'claim-cancel')
        if refusal then return refusal end
      end
    end
    alert_close('CANCEL_REQUESTED', o.key)
  end
elseif claim.type == 'CANCEL' and claim.status == 'REJECTED' then
  alert_close('CANCEL_REQUESTED', o.key)
  alert_close('CANCEL_AFTER_SHIPMENT', o.key)
elseif claim.type == 'RETURN' and claim.status == 'DONE' then
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
local applied = o.appliedClaims or {}
applied[#applied + 1] = claim.claimId
o.appliedClaims = applied
order_save(o, old_state)
settle()
return cjson.encode({ key = o.key, status = o.state, applied = true, replay = false })
