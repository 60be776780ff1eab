-- Shared by every bench run: one machine-readable line at the end of a wrk run.
-- Loaded first by the scenario scripts (dofile), or used alone for plain GETs.
local headers_from_env = os.getenv("BENCH_COOKIE")
if headers_from_env and headers_from_env ~= "" then
  wrk.headers["Cookie"] = headers_from_env
end

function done(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT rps=%.1f p50_ms=%.3f p99_ms=%.3f errors=%d requests=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, errors, summary.requests))
end
