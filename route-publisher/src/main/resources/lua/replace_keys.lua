-- Sets the given pairs and deletes the given keys in one step (shared routes).
-- ARGV: n pairs, pairs..., keys to delete...
local n = tonumber(ARGV[1])
local i = 2
for _ = 1, n do
  redis.call('SET', ARGV[i], ARGV[i + 1])
  i = i + 2
end
for j = i, #ARGV do
  redis.call('DEL', ARGV[j])
end
return n
