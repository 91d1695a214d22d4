-- Admits one request to the shared rate budget, atomically (Redis runs a script alone).
-- KEYS[1]: sorted set of admitted requests, member = a unique request ID, score = admission time (ms)
-- KEYS[2]: the time (ms) until which a 429 blocked every request, if any
-- ARGV[1]: how many requests a window holds; ARGV[2]: the window (ms); ARGV[3]: this request's ID;
-- ARGV[4]: '1' to apply the restart rule below ('0' only in the test that shows the rule is needed)
-- Returns {admitted (1 or 0), wait ms, blocked ms}. Every time is Redis's own (TIME).
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local blocked = tonumber(redis.call('GET', KEYS[2]) or '0')
if blocked > now then
  return {0, blocked - now, blocked - now}
end
local requests = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
-- Without persistence, a Redis that restarted less than a window ago has forgotten what its previous
-- life admitted in the window, which may be a full window's worth: count as if it was, admitting
-- nothing until a window after the start. (uptime is whole seconds, so the start is taken late.)
if ARGV[4] == '1' then
  local uptime = tonumber(string.match(redis.call('INFO', 'server'), 'uptime_in_seconds:(%d+)'))
  local started = now - uptime * 1000
  if started + window > now then
    return {0, started + window - now, 0}
  end
end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) >= requests then
  local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return {0, math.max(1, tonumber(oldest[2]) + window - now), 0}
end
redis.call('ZADD', KEYS[1], now, ARGV[3])
-- Nothing outlives a window: a process that dies leaves nothing behind for longer.
redis.call('PEXPIRE', KEYS[1], window)
return {1, 0, 0}
