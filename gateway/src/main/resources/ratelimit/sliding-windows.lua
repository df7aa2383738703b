-- Every layer that applies to one request, checked and counted atomically in one round trip.
-- KEYS[i]: the sorted set of layer i; members are request ids, scores their arrival in ms.
-- ARGV[1]: now (ms); ARGV[2]: window (ms); ARGV[3]: this request's member; ARGV[3 + i]: limit of layer i.
-- Returns { rejected layer (1-based, 0 if allowed), then per layer: count before this request,
--           oldest score (-1 if empty), score of the entry that must expire before one more fits (-1) }.
-- A request refused by any layer is added to none of them.
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local member = ARGV[3]
local result = { 0 }
local rejected = 0
for i = 1, #KEYS do
  local key = KEYS[i]
  local limit = tonumber(ARGV[3 + i])
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
  local count = redis.call('ZCARD', key)
  local oldest = -1
  local needed = -1
  if count > 0 then
    oldest = tonumber(redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')[2])
    if count >= limit then
      local rank = count - limit
      needed = tonumber(redis.call('ZRANGE', key, rank, rank, 'WITHSCORES')[2])
      if rejected == 0 then
        rejected = i
      end
    end
  end
  result[#result + 1] = count
  result[#result + 1] = oldest
  result[#result + 1] = needed
end
result[1] = rejected
if rejected == 0 then
  for i = 1, #KEYS do
    redis.call('ZADD', KEYS[i], now, member)
    redis.call('PEXPIRE', KEYS[i], window)
  end
end
return result
