-- A paced load: each connection waits BENCH_PACE_MS (default 10) after an answer before its
-- next request, so that the server is not saturated and a percentile tells its service time,
-- not the length of a queue as it does under wrk's closed loop at full speed.
dofile(os.getenv("BENCH_LUA_DIR") .. "/report.lua")
local pace = tonumber(os.getenv("BENCH_PACE_MS") or "10")
function delay()
  return pace
end
