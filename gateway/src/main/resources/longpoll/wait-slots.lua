-- Claims one of a developer's concurrent long-poll slots, atomically.
-- KEYS[1]: the sorted set of that developer's waits in one mode; members are request ids, scores the
--          moment (ms) each slot lapses if nobody gives it back (a gateway that died, a client gone).
-- ARGV[1]: now (ms); ARGV[2]: this request's member; ARGV[3]: its lapse time (ms); ARGV[4]: the cap;
-- ARGV[5..]: slots of this key given back on this gateway and not yet removed (RedisWaitSlots).
-- Returns { 1 if claimed else 0, the earliest lapse time among the slots held before (-1 if none) }.
local now = tonumber(ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
-- In slices: unpack's arguments are bounded by Lua's stack.
for from = 5, #ARGV, 500 do
  redis.call('ZREM', KEYS[1], unpack(ARGV, from, math.min(from + 499, #ARGV)))
end
local held = redis.call('ZCARD', KEYS[1])
local earliest = -1
if held > 0 then
  earliest = tonumber(redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')[2])
end
if held >= tonumber(ARGV[4]) then
  return { 0, earliest }
end
redis.call('ZADD', KEYS[1], ARGV[3], ARGV[2])
-- The set lives as long as its latest slot could.
local latest = tonumber(redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')[2])
redis.call('PEXPIRE', KEYS[1], math.max(1, latest - now))
return { 1, earliest }
