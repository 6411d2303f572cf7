-- Removes the routes of a tenant the registry does not know, unless an event published it after the
-- reconcile started (its index score is newer than ARGV[2]); returns keys deleted, or -1 when left alone.
-- KEYS[1] index zset, KEYS[2] owned-keys set; ARGV: tenant, reconcile start (ms), keys to delete...
local score = tonumber(redis.call('ZSCORE', KEYS[1], ARGV[1]) or '')
if score and score >= tonumber(ARGV[2]) then
  return -1
end
local removed = 0
for i = 3, #ARGV do
  removed = removed + redis.call('DEL', ARGV[i])
end
for _, key in ipairs(redis.call('SMEMBERS', KEYS[2])) do
  removed = removed + redis.call('DEL', key)
end
redis.call('DEL', KEYS[2])
redis.call('ZREM', KEYS[1], ARGV[1])
return removed
