-- Writes one tenant's routes and directory entry atomically, unless Redis already holds a newer revision
-- (other than the one the caller found to be false and asked to replace).
-- KEYS[1] directory hash tenant:<key>, KEYS[2] index zset, KEYS[3] owned-keys set of this tenant
-- ARGV: tenant, revision, allow_equal (1|0), directory ttl (0 keep, >0 seconds, -1 do not write), channel,
--       n route pairs, n shared pairs, n directory pairs, n extra keys to delete, stored revision to replace
--       (exactly as stored; empty: none), then the pairs and keys.
local tenant, rev, allow_equal, ttl, channel = ARGV[1], tonumber(ARGV[2]), ARGV[3] == '1', tonumber(ARGV[4]), ARGV[5]
local n_route, n_shared, n_dir, n_extra = tonumber(ARGV[6]), tonumber(ARGV[7]), tonumber(ARGV[8]), tonumber(ARGV[9])
local replaces = ARGV[10]

-- Redis does not roll a script back when a command fails, so everything that could fail is checked
-- before the first write. The shared index is repaired by the reconciler, not here.
local index_type = redis.call('TYPE', KEYS[2]).ok
if index_type ~= 'zset' and index_type ~= 'none' then
  return redis.error_reply('WRONGTYPE published-tenant index ' .. KEYS[2] .. ' is not a sorted set')
end
-- a directory or owned-keys entry of the wrong type is corruption only this writer can repair
if redis.call('TYPE', KEYS[1]).ok ~= 'hash' then
  redis.call('DEL', KEYS[1])
end
if redis.call('TYPE', KEYS[3]).ok ~= 'set' then
  redis.call('DEL', KEYS[3])
end

-- only digits count as a revision: anything else is corruption, rewritten like a missing entry
local stored = redis.call('HGET', KEYS[1], 'revision') or ''
local current = string.match(stored, '^%d+$') and tonumber(stored) or -1
if current > rev and stored ~= replaces then
  return {-1, 0}
end
if current == rev and not allow_equal then
  return {0, 0}
end

local i = 11
local wanted, owned = {}, {}
for _ = 1, n_route do
  redis.call('SET', ARGV[i], ARGV[i + 1])
  wanted[ARGV[i]] = true
  owned[#owned + 1] = ARGV[i]
  i = i + 2
end
for _ = 1, n_shared do
  redis.call('SET', ARGV[i], ARGV[i + 1])
  i = i + 2
end

local removed = 0
for _, key in ipairs(redis.call('SMEMBERS', KEYS[3])) do
  if not wanted[key] then
    removed = removed + redis.call('DEL', key)
  end
end
redis.call('DEL', KEYS[3])
if n_route > 0 then
  redis.call('SADD', KEYS[3], unpack(owned))
  local now = redis.call('TIME')
  redis.call('ZADD', KEYS[2], tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000), tenant)
else
  redis.call('ZREM', KEYS[2], tenant)
end

local fields = {}
for _ = 1, n_dir do
  fields[#fields + 1] = ARGV[i]
  fields[#fields + 1] = ARGV[i + 1]
  i = i + 2
end
for _ = 1, n_extra do
  if not wanted[ARGV[i]] then
    removed = removed + redis.call('DEL', ARGV[i])
  end
  i = i + 1
end

redis.call('DEL', KEYS[1])
if ttl >= 0 and n_dir > 0 then
  redis.call('HSET', KEYS[1], unpack(fields))
  if ttl > 0 then
    redis.call('EXPIRE', KEYS[1], ttl)
  end
end
redis.call('PUBLISH', channel, tenant)
return {1, removed}
