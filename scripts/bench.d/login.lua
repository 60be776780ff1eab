-- POST /login with the seeded user's credentials.
dofile(os.getenv("BENCH_LUA_DIR") .. "/report.lua")
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = string.format('{"username": "%s", "password": "%s"}', os.getenv("BENCH_USER"), os.getenv("BENCH_PASSWORD"))
