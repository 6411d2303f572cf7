-- Login throttle: GCRA buckets of `limit` per `window`, one per client address (every attempt) and one
-- per account (failures). KEYS[1] address bucket, KEYS[2] account bucket; ARGV[1] window (µs);
-- ARGV[2] attempts per address; ARGV[3] failures per account; ARGV[4] 'attempt', 'refund' or 'address'.
-- attempt: counts one on both buckets when both have room (the account's as a failure until refunded);
--   returns {0, 0}, or {1 | 2 (the address | account bucket is full), µs until it has room}.
-- refund: the login succeeded, the account bucket gets its attempt back; returns {0, 0}.
-- address: another anonymous request of the address (no account): counts on the address bucket only.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local window = tonumber(ARGV[1])
local address_interval = window / tonumber(ARGV[2])
local account_interval = window / tonumber(ARGV[3])

local function store(key, tat)
  if tat > now then
    redis.call('SET', key, string.format('%d', tat), 'PX', math.ceil((tat - now) / 1000) + 1)
  else
    redis.call('DEL', key)
  end
end

local function next_tat(key, interval)
  return math.max(tonumber(redis.call('GET', KEYS[key])) or now, now) + interval
end

if ARGV[4] == 'refund' then
  local tat = tonumber(redis.call('GET', KEYS[2]))
  if tat then
    store(KEYS[2], math.max(tat - account_interval, now))
  end
  return {0, 0}
end

local address_tat = next_tat(1, address_interval)
if address_tat - now > window then
  return {1, math.floor(address_tat - now - window)}
end
if ARGV[4] == 'address' then
  store(KEYS[1], address_tat)
  return {0, 0}
end
local account_tat = next_tat(2, account_interval)
if account_tat - now > window then
  return {2, math.floor(account_tat - now - window)}
end
store(KEYS[1], address_tat)
store(KEYS[2], account_tat)
return {0, 0}
