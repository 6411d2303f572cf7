-- GCRA (generic cell rate algorithm), one call per request.
-- KEYS[1] rate-limit key; ARGV[1] emission interval in microseconds (1e6 / rate); ARGV[2] burst.
-- Returns {allowed (0|1), remaining, retry_after_us, reset_us}.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local interval = tonumber(ARGV[1])
local tolerance = interval * tonumber(ARGV[2])
local tat = tonumber(redis.call('GET', KEYS[1])) or now
if tat < now then
  tat = now
end
local new_tat = tat + interval
local over = new_tat - now - tolerance
if over > 0 then
  return {0, 0, over, tat - now}
end
redis.call('SET', KEYS[1], string.format('%d', new_tat), 'PX', math.ceil((new_tat - now) / 1000) + 1)
return {1, math.floor((tolerance - (new_tat - now)) / interval), 0, new_tat - now}
