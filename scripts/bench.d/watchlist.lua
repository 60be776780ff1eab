-- PUT then DELETE of one watchlist item, again and again, with the seeded user's session.
dofile(os.getenv("BENCH_LUA_DIR") .. "/report.lua")
local adding = false
request = function()
  adding = not adding
  return wrk.format(adding and "PUT" or "DELETE", "/api/watchlist/movie/900006")
end
