-- Remembers that a 429 asked every client to send nothing for ARGV[1] ms from now (Redis's TIME),
-- unless a longer block is known. KEYS[1]: the time (ms) the block ends; it expires then.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local ends = now + tonumber(ARGV[1])
local known = tonumber(redis.call('GET', KEYS[1]) or '0')
if ends > known then
  redis.call('SET', KEYS[1], ends, 'PX', ends - now)
end
return ends
