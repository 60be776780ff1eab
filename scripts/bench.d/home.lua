-- A home page's mix, round robin: the 20 catalogue routes, /@me and users/connected.
dofile(os.getenv("BENCH_LUA_DIR") .. "/report.lua")
local paths = {}
for path in string.gmatch(os.getenv("BENCH_PATHS"), "[^,]+") do
  table.insert(paths, path)
end
local next_index = 0
request = function()
  next_index = next_index % #paths + 1
  return wrk.format("GET", paths[next_index])
end
