#include "app/config.hpp"

#include <sodium.h>

#include <algorithm>

#include "app/lanes.hpp"
#include "core/text.hpp"
#include "handlers/routes.hpp"

namespace cv {
namespace {

// An http:// URL whose host is this machine: 127.0.0.0/8, [::1] or localhost.
bool is_loopback_http(const std::string& url) {
    const std::string scheme = "http://";
    if (url.rfind(scheme, 0) != 0) return false;
    std::string rest = url.substr(scheme.size());
    std::string host =
        rest.rfind("[::1]", 0) == 0 ? "[::1]" : rest.substr(0, rest.find_first_of(":/"));
    if (host == "localhost" || host == "[::1]") return true;
    if (host.rfind("127.", 0) != 0) return false;
    return host.find_first_not_of("0123456789.") == std::string::npos;
}

}  // namespace

std::string cache_kind_variable(const std::string& kind) {
    std::string name;
    for (char c : kind)
        name += c == '-' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return name;
}

using namespace std::chrono_literals;
using std::chrono::duration_cast;
using std::chrono::milliseconds;
using std::chrono::seconds;

AppConfig AppConfig::load(const Settings& settings) {
    AppConfig config;
    config.pool.lanes = configured_lanes(settings);
    config.pool.socket_mode = settings.mode("CINEVERSE_SOCKET_MODE", 0660);
    // Never by default, as php-fpm's pm.max_requests: recycling a worker every 10,000
    // requests tripled the database routes' p99 under load (docs/benchmarks.md).
    config.pool.max_requests = settings.integer("CINEVERSE_MAX_REQUESTS", 0, 0, 1L << 40);
    config.pool.drain_timeout =
        settings.duration("CINEVERSE_DRAIN_TIMEOUT", 30s, milliseconds(0), std::chrono::hours(1));
    config.pool.body_limit = settings.bytes("CINEVERSE_BODY_LIMIT", std::size_t{64} * 1024, 1024,
                                            std::size_t{64} * 1024 * 1024);
    config.pool.process_name_prefix = "cv-";
    config.pool.request_timeout = settings.duration("CINEVERSE_REQUEST_TIMEOUT", 10s, 100ms, 10min);
    config.pool.terminate_timeout = settings.duration(
        "CINEVERSE_REQUEST_TERMINATE_TIMEOUT", config.pool.request_timeout + 5s, 100ms, 20min);
    if (config.pool.terminate_timeout <= config.pool.request_timeout) {
        throw ConfigError("CINEVERSE_REQUEST_TERMINATE_TIMEOUT",
                          "must be longer than CINEVERSE_REQUEST_TIMEOUT");
    }
    config.pool.read_timeout = settings.duration("CINEVERSE_FASTCGI_READ_TIMEOUT", 3s, 10ms, 5min);
    config.database_url =
        settings.text("CINEVERSE_DATABASE_URL", "postgresql:///cineverse?host=/var/run/postgresql");
    config.migration_database_url =
        settings.text("CINEVERSE_MIGRATION_DATABASE_URL", config.database_url);
    config.replica_url = settings.text("CINEVERSE_DATABASE_REPLICA_URL", "");
    config.prepare_statements = settings.flag("CINEVERSE_DATABASE_PREPARED", true);
    config.public_origins = settings.list("CINEVERSE_PUBLIC_ORIGINS", {"https://localhost:8443"});
    for (const auto& origin : config.public_origins) {
        if (origin.rfind("https://", 0) != 0 && origin.rfind("http://", 0) != 0) {
            throw ConfigError("CINEVERSE_PUBLIC_ORIGINS",
                              "'" + origin + "' is not an http(s) origin");
        }
    }

    auto to_seconds = [](milliseconds ms) { return duration_cast<seconds>(ms); };
    config.sessions.absolute_lifetime =
        to_seconds(settings.duration("CINEVERSE_SESSION_LIFETIME", 7 * 24h, 1s, 3650 * 24h));
    config.sessions.idle_lifetime =
        to_seconds(settings.duration("CINEVERSE_SESSION_IDLE", 24h, 1s, 3650 * 24h));
    config.sessions.max_live_sessions =
        static_cast<int>(settings.integer("CINEVERSE_SESSION_MAX", 20, 1, 1000));
    config.sessions.password_change_interval =
        to_seconds(settings.duration("CINEVERSE_PASSWORD_CHANGE_INTERVAL", 60s, 0s, 24h));

    auto defaults = accounts::default_password_cost();
    config.password_cost.opslimit = static_cast<unsigned long long>(
        settings.integer("CINEVERSE_ARGON2_OPSLIMIT", static_cast<long>(defaults.opslimit),
                         crypto_pwhash_OPSLIMIT_MIN, 64));
    config.password_cost.memlimit =
        settings.bytes("CINEVERSE_ARGON2_MEMLIMIT", defaults.memlimit, std::size_t{64} * 1024,
                       std::size_t{4} * 1024 * 1024 * 1024);

    config.tmdb.base_url = settings.text("TMDB_BASE_URL", config.tmdb.base_url);
    if (config.tmdb.base_url.rfind("https://", 0) != 0 && !is_loopback_http(config.tmdb.base_url)) {
        // The API key travels in the URL: never in clear across a network.
        throw ConfigError("TMDB_BASE_URL",
                          "must start with https:// (http:// only for a stand-in on loopback)");
    }
    while (!config.tmdb.base_url.empty() && config.tmdb.base_url.back() == '/')
        config.tmdb.base_url.pop_back();
    config.tmdb.api_key = settings.text("TMDB_API_KEY", "");
    config.tmdb.access_token = settings.text("TMDB_ACCESS_TOKEN", "");
    config.tmdb.connect_timeout =
        settings.duration("CINEVERSE_TMDB_CONNECT_TIMEOUT", 2s, 10ms, 60s);
    config.tmdb.total_timeout = settings.duration("CINEVERSE_TMDB_TIMEOUT", 5s, 10ms, 120s);
    if (config.tmdb.total_timeout >= config.pool.request_timeout) {
        throw ConfigError("CINEVERSE_TMDB_TIMEOUT",
                          "must be shorter than CINEVERSE_REQUEST_TIMEOUT, so that a request "
                          "waiting on TMDB is still answered in time");
    }
    config.tmdb.languages = settings.list("CINEVERSE_TMDB_LANGUAGES", {"fr-FR", "en-US"});
    for (const auto& language : config.tmdb.languages) {
        if (!catalogue::is_language_tag(language))
            throw ConfigError("CINEVERSE_TMDB_LANGUAGES", "'" + language + "' is not like fr-FR");
    }
    if (config.tmdb.languages.empty())
        throw ConfigError("CINEVERSE_TMDB_LANGUAGES", "needs at least one language");
    config.tmdb.region = settings.text("CINEVERSE_TMDB_REGION", "FR");
    if (config.tmdb.region.size() != 2 ||
        !std::isupper(static_cast<unsigned char>(config.tmdb.region[0])) ||
        !std::isupper(static_cast<unsigned char>(config.tmdb.region[1])))
        throw ConfigError("CINEVERSE_TMDB_REGION", "'" + config.tmdb.region + "' is not like FR");
    config.tmdb.image_base_url =
        settings.text("CINEVERSE_IMAGE_BASE_URL", config.tmdb.image_base_url);
    if (config.tmdb.image_base_url.rfind("https://", 0) != 0 &&
        config.tmdb.image_base_url.rfind('/', 0) != 0)
        throw ConfigError("CINEVERSE_IMAGE_BASE_URL",
                          "must be an https:// URL or a path on this site (/demo-images/)");
    config.tmdb.max_body = settings.bytes("CINEVERSE_TMDB_MAX_BODY", std::size_t{2} * 1024 * 1024,
                                          1024, std::size_t{64} * 1024 * 1024);

    for (const auto& [kind, fresh_for] : handlers::default_cache_lifetimes()) {
        std::string variable = "CINEVERSE_CACHE_TTL_" + cache_kind_variable(kind);
        config.cache_lifetimes[kind] =
            to_seconds(settings.duration(variable, fresh_for, 1s, 30 * 24h));
    }
    config.cache.max_rows = settings.integer("CINEVERSE_CACHE_MAX_ROWS", 20000, 100, 100'000'000);
    config.cache.search_stale_limit =
        to_seconds(settings.duration("CINEVERSE_CACHE_STALE_LIMIT_SEARCH", 24h, 1s, 3650 * 24h));
    config.tmdb_budget =
        static_cast<double>(settings.integer("CINEVERSE_TMDB_BUDGET", 20, 0, 10000));
    config.tmdb_budget_burst = static_cast<double>(settings.integer(
        "CINEVERSE_TMDB_BUDGET_BURST", static_cast<long>(config.tmdb_budget * 2), 1, 100000));
    config.cache.not_found_ttl =
        to_seconds(settings.duration("CINEVERSE_CACHE_NOT_FOUND_TTL", 10min, 1s, 7 * 24h));
    config.cache.stale_limit =
        to_seconds(settings.duration("CINEVERSE_CACHE_STALE_LIMIT", 7 * 24h, 1s, 3650 * 24h));
    config.cache.failure_backoff =
        to_seconds(settings.duration("CINEVERSE_TMDB_FAILURE_BACKOFF", 30s, 1s, 1h));
    config.cache.lock_timeout = config.tmdb.total_timeout * 2 + 2s;

    config.slow_request = settings.duration("CINEVERSE_SLOW_REQUEST", 1s, 0ms, 10min);
    config.watchlist_max =
        static_cast<int>(settings.integer("CINEVERSE_WATCHLIST_MAX", 2000, 1, 100000));
    config.reviews.per_window =
        static_cast<int>(settings.integer("CINEVERSE_REVIEWS_PER_WINDOW", 5, 1, 1000));
    config.reviews.window =
        to_seconds(settings.duration("CINEVERSE_REVIEWS_WINDOW", 1min, 1s, 24h));
    config.reviews.remembered = settings.duration("CINEVERSE_REVIEWS_REMEMBERED", 2s, 0ms, 1min);
    config.migrate_on_start = settings.flag("CINEVERSE_MIGRATE_ON_START", true);
    config.web_root = settings.text("CINEVERSE_WEB_ROOT", config.web_root);
    config.purge_interval = settings.duration("CINEVERSE_PURGE_INTERVAL", 10min, 1s, 24h);

    config.jobs.lease = to_seconds(settings.duration("CINEVERSE_JOBS_LEASE", 60s, 2s, 1h));
    // A job renews its lease as it goes, several times a lease, so that one late write never
    // loses it.
    config.jobs.save_every = std::min<milliseconds>(2s, config.jobs.lease / 4);
    config.jobs.poll = settings.duration("CINEVERSE_JOBS_POLL", 5s, 100ms, 10min);
    config.jobs.backoff.first =
        to_seconds(settings.duration("CINEVERSE_JOBS_BACKOFF", 30s, 1s, 24h));
    config.jobs.backoff.most =
        to_seconds(settings.duration("CINEVERSE_JOBS_BACKOFF_MAX", 1h, 1s, 7 * 24h));
    if (config.jobs.backoff.most < config.jobs.backoff.first)
        throw ConfigError("CINEVERSE_JOBS_BACKOFF_MAX", "must be at least CINEVERSE_JOBS_BACKOFF");
    config.jobs_keep =
        to_seconds(settings.duration("CINEVERSE_JOBS_KEEP", 7 * 24h, 1min, 3650 * 24h));
    config.jobs_listen_url = settings.text("CINEVERSE_JOBS_LISTEN_URL", config.database_url);
    if (config.jobs_listen_url == "off") config.jobs_listen_url.clear();

    config.offers.calls_per_run =
        settings.integer("CINEVERSE_OFFERS_CALLS_PER_RUN", 5000, 1, 10'000'000);
    // Never above the host's budget, whose calls the job takes too (and shares with visitors).
    config.offers.calls_per_second =
        static_cast<double>(settings.integer("CINEVERSE_OFFERS_RATE", 5, 1, 1000));
    if (config.tmdb_budget > 0)
        config.offers.calls_per_second =
            std::min(config.offers.calls_per_second, config.tmdb_budget);
    config.offers.refresh_after =
        to_seconds(settings.duration("CINEVERSE_OFFERS_REFRESH_AFTER", 6h, 0s, 30 * 24h));
    config.offers.language = config.tmdb.languages.front();
    config.offers.region = config.tmdb.region;
    // A job's TMDB call gives up within half a lease (and TMDB's timeout). A batch of titles
    // is claimed for a lease: as many as can be checked, at the run's pace and that timeout,
    // in half of it.
    config.offers.call_timeout =
        std::min<milliseconds>(config.tmdb.total_timeout, config.jobs.lease / 2);
    auto per_title = std::chrono::duration<double>(1.0 / config.offers.calls_per_second) +
                     std::chrono::duration<double>(config.offers.call_timeout);
    config.offers.claim_for = config.jobs.lease;
    config.offers.batch = static_cast<int>(
        std::clamp(std::chrono::duration<double>(config.jobs.lease).count() / 2 / per_title.count(),
                   1.0, 50.0));
    config.news_keep =
        to_seconds(settings.duration("CINEVERSE_NEWS_KEEP", 90 * 24h, 1h, 3650 * 24h));
    // Imports of a Letterboxd export: like the offers job, at their own pace within the host's
    // budget; a row's film is searched in each of the site's languages in turn.
    config.imports.calls_per_second =
        static_cast<double>(settings.integer("CINEVERSE_IMPORT_RATE", 5, 1, 1000));
    if (config.tmdb_budget > 0)
        config.imports.calls_per_second =
            std::min(config.imports.calls_per_second, config.tmdb_budget);
    config.imports.languages = config.tmdb.languages;
    return config;
}

AppConfig AppConfig::from_environment() {
    return load(Settings::from_environment("CINEVERSE_CONFIG_FILE"));
}

}  // namespace cv
