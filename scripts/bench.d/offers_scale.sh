# The offers job and the news at scale (scripts/bench --offers), sourced by scripts/bench once
# its stack is up: 10,000 users, 200,000 watchlist rows over 20,000 distinct titles, a title
# 1,000 of them keep. Measured: a full run's TMDB calls and duration (one call a title, not a
# user), its pace at the host's budget, the news fan-out of a change on the title 1,000 users
# keep (and its plan), and GET /api/me/news against its same-size ceiling (and its plan).
# Recorded in docs/benchmarks.md between <!-- offers-scale:begin/end -->.
SCALE_PORT=18091
spawn_as_app "$STATE/log/offers-standin.log" python3 "$LUA/offers_standin.py" --port $SCALE_PORT \
  >"$STATE/run/offers-standin.pid"
trap 'stop_pidfile "$STATE/run/offers-standin.pid" TERM; stop_stack' EXIT
for _ in $(seq 100); do
  curl -s -o /dev/null "http://127.0.0.1:$SCALE_PORT/__calls" && break
  sleep 0.1
done
sql() { as_app "$(pg_bin)/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_RUN" -U cineverse -d cineverse "$@"; }
standin_calls() { curl -s "http://127.0.0.1:$SCALE_PORT/__calls" | python3 -c 'import json,sys; print(json.load(sys.stdin)["calls"])'; }
# One run of the refresh, as the job does it, against the stand-in; prints its summary line.
refresh() {  # refresh VAR=value…
  as_app env CINEVERSE_DATABASE_URL="$DATABASE_URL" TMDB_BASE_URL="http://127.0.0.1:$SCALE_PORT/3" \
    TMDB_API_KEY=bench "$@" "$build/cineverse-api" offers refresh 2>>"$STATE/log/offers-refresh.log" |
    sed -n 's/^offers refresh: //p'
}

say "seeding 10,000 users, 200,000 watchlist rows over 20,000 titles, 2 services each"
seed_started=$(date +%s.%N)
sql -c "INSERT INTO users (username, email, password_hash, first_name, last_name)
        SELECT 'scale' || u, 'scale' || u || '@example.org',
               (SELECT password_hash FROM users WHERE username = 'bench_user'), 'Scale', 'User'
        FROM generate_series(1, 10000) u ON CONFLICT DO NOTHING" \
  -c "INSERT INTO watchlist_items (user_id, media_type, tmdb_id, title, added_at)
      SELECT u.id, 'movie', CASE WHEN u.n <= 1000 AND k = 0 THEN 700001
                                 ELSE 700002 + ((u.n - 1) * 20 + k) % 19999 END,
             'Titre', now() - make_interval(secs => k)
      FROM (SELECT id, substr(username, 6)::int AS n FROM users WHERE username LIKE 'scale%') u,
           generate_series(0, 19) k ON CONFLICT DO NOTHING" \
  -c "INSERT INTO user_providers (user_id, provider_id)
      SELECT id, 9101 + (substr(username, 6)::int + d) % 3 FROM users, generate_series(0, 1) d
      WHERE username LIKE 'scale%' ON CONFLICT DO NOTHING" \
  -c "ANALYZE"
seed_seconds=$(python3 -c "import time; print(f'{time.time() - $seed_started:.0f}')")
rows=$(sql -tAc "SELECT count(*) FROM watchlist_items w JOIN users u ON u.id = w.user_id WHERE u.username LIKE 'scale%'")
titles=$(sql -tAc "SELECT count(DISTINCT (media_type, tmdb_id)) FROM watchlist_items w JOIN users u ON u.id = w.user_id WHERE u.username LIKE 'scale%'")
hot_keepers=$(sql -tAc "SELECT count(*) FROM watchlist_items WHERE media_type = 'movie' AND tmdb_id = 700001")

say "a full run: every title once, as fast as the machinery goes (no TMDB budget)"
calls_before=$(standin_calls)
full=$(refresh CINEVERSE_TMDB_BUDGET=0 CINEVERSE_OFFERS_RATE=1000 CINEVERSE_OFFERS_CALLS_PER_RUN=100000)
full_calls=$(( $(standin_calls) - calls_before ))
say "$full"

say "the same at the host's TMDB budget (20 a second), over 600 titles made due"
sql -c "UPDATE title_offers SET checked_at = now() - interval '1 day'
        WHERE (media_type, tmdb_id) IN (SELECT media_type, tmdb_id FROM title_offers ORDER BY tmdb_id LIMIT 600)"
calls_before=$(standin_calls)
paced=$(refresh CINEVERSE_TMDB_BUDGET=20 CINEVERSE_OFFERS_RATE=20 CINEVERSE_OFFERS_CALLS_PER_RUN=100000)
paced_calls=$(( $(standin_calls) - calls_before ))
say "$paced"

say "a change on the title $hot_keepers users keep: Bobine arrives"
curl -s -o /dev/null -H 'Content-Type: application/json' -d '{"ids": [700001], "phase": 1}' \
  "http://127.0.0.1:$SCALE_PORT/__phase"
sql -c "UPDATE title_offers SET checked_at = now() - interval '1 day' WHERE media_type = 'movie' AND tmdb_id = 700001"
one=$(refresh CINEVERSE_TMDB_BUDGET=0 CINEVERSE_OFFERS_RATE=1000)
say "$one"
change=$(sql -tAc "SELECT max(id) FROM offer_changes WHERE tmdb_id = 700001 AND kind = 'arrived'")
told=$(sql -tAc "SELECT count(*) FROM user_news WHERE change_id = $change")
# The fan-out statement of platforms/refresh.cpp, for the same change, measured alone (in a
# transaction rolled back).
fanout_plan=$(sql -c "BEGIN" \
  -c "INSERT INTO offer_changes (media_type, tmdb_id, kind, provider_id, title) VALUES ('movie', 700001, 'arrived', 9101, 'Film 700001')" \
  -c "EXPLAIN (ANALYZE, COSTS OFF) INSERT INTO user_news (user_id, change_id)
      SELECT w.user_id, currval('offer_changes_id_seq') FROM watchlist_items w
      WHERE w.media_type = 'movie' AND w.tmdb_id = 700001 AND (1 = 0 OR EXISTS (
      SELECT 1 FROM user_providers p WHERE p.user_id = w.user_id AND p.provider_id = 9101))
      ON CONFLICT DO NOTHING" -c "ROLLBACK" | sed -n '/QUERY PLAN/,$p' | sed '1,2d' | sed '/^(/d')
fanout_ms=$(sed -n 's/.*Execution Time: \([0-9.]*\) ms.*/\1/p' <<<"$fanout_plan")

say "GET /api/me/news of a user it was told to, against its same-size ceiling"
reader=$(sql -tAc "SELECT u.username FROM user_news n JOIN users u ON u.id = n.user_id WHERE n.change_id = $change ORDER BY u.username LIMIT 1")
reader_id=$(sql -tAc "SELECT id FROM users WHERE username = '$reader'")
reader_cookie=$(curl -sk -D - -o /dev/null -H 'Content-Type: application/json' \
  -d "{\"username\":\"$reader\",\"password\":\"$BENCH_PASSWORD\"}" "$BASE/login" | sed -n 's/^set-cookie: \(__Host-session=[^;]*\).*/\1/p')
news_size=$(curl -sk -H "Cookie: $reader_cookie" "$BASE/api/me/news" | wc -c)
python3 "$LUA/ceilings.py" "$extra" "$REPO/tests/integration/direct-locations.conf" news="$news_size"
as_app env STATE="$STATE" CINEVERSE_API="$build/cineverse-api" HASHING_FASTCGI="unix:$STATE/run/api-hashing.sock" \
  CATALOGUE_FASTCGI="unix:$STATE/run/api-catalogue.sock" HTTPS_PORT=$HTTPS_PORT HTTP_PORT=$HTTP_PORT \
  EXTRA_CONF="$extra" ACCESS_LOG=off NGINX_USER="$( [ "$(id -u)" -eq 0 ] && echo "$APP_USER")" \
  "$REPO/scripts/render-nginx" >/dev/null
kill -HUP "$(cat "$STATE/run/nginx.pid")"
for _ in $(seq 100); do
  [ "$(curl -sk -o /dev/null -w '%{http_code}' "$BASE/__bench/news")" = 200 ] && break
  sleep 0.1
done
BENCH_COOKIE=$reader_cookie measure "my news (a user of the 10,000)" /__bench/news report.lua "$BASE/api/me/news"
news_plan=$(sql -c "EXPLAIN (ANALYZE, COSTS OFF) SELECT c.id, c.kind, c.media_type, c.tmdb_id, c.title,
      c.poster_path, c.provider_id, s.name, s.logo_path, s.display_priority
      FROM user_news n JOIN offer_changes c ON c.id = n.change_id
      LEFT JOIN streaming_services s ON s.provider_id = c.provider_id
      WHERE n.user_id = '$reader_id' AND n.change_id > 0 ORDER BY n.change_id DESC LIMIT 100" |
  sed -n '/QUERY PLAN/,$p' | sed '1,2d' | sed '/^(/d')
unread_plan=$(sql -c "EXPLAIN (ANALYZE, COSTS OFF) SELECT count(*) FROM user_news n
      WHERE n.user_id = '$reader_id' AND n.change_id > 0" | sed -n '/QUERY PLAN/,$p' | sed '1,2d' | sed '/^(/d')

report=$(cat <<MD
### The offers job and the news at scale

Measured $(date -u +%Y-%m-%d) on $(nproc) cores, Release build, \`scripts/bench --offers\`: $(printf "%'d" "$rows")
watchlist rows of 10,000 users over $(printf "%'d" "$titles") distinct titles (seeded in ${seed_seconds} s), each user
with two of three services; one title kept by $hot_keepers users. TMDB is a stand-in on loopback
(\`scripts/bench.d/offers_standin.py\`) answering every id with a page and its offers.

| what | figure |
| --- | --- |
| a full run (budget off, pace 1,000/s: the machinery's own speed) | $full |
| TMDB calls of that run, counted by the stand-in | $(printf "%'d" "$full_calls") — one a distinct title, not one a user or a row |
| a run at the host's budget (20 calls/s) over 600 due titles | $paced ($paced_calls calls) |
| a change on the title $hot_keepers users keep (one title due) | $one |
| news rows it made: the keepers who have the service | $told |
| the fan-out statement alone (\`EXPLAIN ANALYZE\`, rolled back) | $fanout_ms ms |

A full run at the default budget and pace is bounded by TMDB, not by the machinery: $(printf "%'d" "$titles")
titles at 20 calls a second (the whole host's budget) take $(( titles / 20 )) s; at the job's default pace
(\`CINEVERSE_OFFERS_RATE=5\`, a quarter of the budget, the rest left to visitors) $(( titles / 5 )) s, in
$(( (titles + 4999) / 5000 )) runs of at most 5,000 calls (\`CINEVERSE_OFFERS_CALLS_PER_RUN\`), each resuming
from the oldest check.

The fan-out (\`platforms/refresh.cpp\`): the keepers through \`watchlist_items_title_idx\`, each
one's service through \`user_providers\`' key:

\`\`\`
$fanout_plan
\`\`\`

A user's news, newest first, through \`user_news\`' primary key (user, change), never a scan of
everyone's:

\`\`\`
$news_plan
\`\`\`

The unread count, from the same key:

\`\`\`
$unread_plan
\`\`\`

| scenario | req/s | ceiling req/s | ratio | p50 ms | p99 ms | ceiling p50 / p99 ms | errors | workers' RSS after |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |
${best_line["my news (a user of the 10,000)"]}
MD
)
echo "$report"
if [ $smoke = 1 ]; then
  say "figures not recorded"
  exit 0
fi
echo "$report" >"$STATE/offers-report.md"
replace_block "$REPO/docs/benchmarks.md" offers-scale "$STATE/offers-report.md"
say "recorded in docs/benchmarks.md"
