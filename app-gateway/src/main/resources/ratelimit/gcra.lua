-- GCRA (generic cell rate algorithm) for a batch of requests of one key.
-- KEYS[1] rate-limit key; ARGV[1] emission interval in microseconds (1e6 / rate); ARGV[2] burst;
-- ARGV[3] requests waiting for a decision; ARGV[4] requests the gateway already admitted (counted
-- first, without a check: they were served while the bucket had ample room).
-- Returns {admitted, remaining, retry_after_us, reset_us}: the first `admitted` waiting requests
-- pass; remaining (negative when the counted ones overran the bucket) and reset_us are the state
-- after the batch; retry_after_us is the wait of the first refused request (0 when none was).
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local interval = tonumber(ARGV[1])
local tolerance = interval * tonumber(ARGV[2])
local wanted = tonumber(ARGV[3])
local counted = tonumber(ARGV[4])
local tat = math.max(tonumber(redis.call('GET', KEYS[1])) or now, now) + counted * interval
local admitted = math.min(wanted, math.max(0, math.floor((tolerance - (tat - now)) / interval)))
tat = tat + admitted * interval
if counted + admitted > 0 then
  redis.call('SET', KEYS[1], string.format('%d', tat), 'PX', math.ceil((tat - now) / 1000) + 1)
end
local retry_after = 0
if admitted < wanted then
  retry_after = tat + interval - now - tolerance
end
return {admitted, math.floor((tolerance - (tat - now)) / interval), retry_after, tat - now}
