#!/usr/bin/env python3
"""A stand-in for TMDB v3 answering from the demo catalogue (demo/tmdb/), loopback only.

    tmdb_standin.py [--port N] [--port-file FILE] [--root DIR] [--offers-period SECONDS]
                    [--offers-phase N] [--today YYYY-MM-DD] [--verbose]

Answers the calls the service makes, in TMDB's shapes (shared/spec/tmdb.md):
  /3/trending/{movie,tv}/week      the lists (any page: the same results, with that page number)
  /3/discover/{movie,tv}           computed over the catalogue (tmdb/index.json): every filter
                                   and sort of TMDB's Discover, 20 a page (a home row's call,
                                   with_genres alone, gives page 1 again past its last page)
  /3/movie/now_playing, /3/movie/upcoming   French (region=…) releases around today
  /3/movie/{id}, /3/tv/{id}        the page, with only the appended calls asked for
                                   (append_to_response) and the videos of the asked languages;
                                   /3/movie/{id}/<call> gives one of them alone
  /3/person/{id}                   the page, combined_credits when appended
  /3/collection/{id}, /3/watch/providers/{movie,tv}
  /3/search/multi, /3/search/{movie,tv,person}   titles and names with a word starting with
                                   each word of the query (case and accents ignored), 20 a page
  /3/configuration, and any other DIR/3/<path>.json
  404 with TMDB's status_code 34 for anything unknown.
What depends on time is computed when answering (tmdb/dynamic.json): some films' French
releases are dated from today, and some titles' French offers follow the offers phase,
time // --offers-period (default: $DEMO_OFFERS_PERIOD, else 600 s), unless --offers-phase
pins it.
Importable: Catalogue(root).answer(path, query) → (status, body bytes); the integration tests'
fake TMDB (tests/fake_tmdb/fake_tmdb.py) serves its normal answers through it and pins the
phase and the day through Catalogue.pinned_phase and Catalogue.pinned_today.
"""
import argparse
import datetime
import json
import math
import os
import re
import signal
import sys
import threading
import time
import unicodedata
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

HERE = os.path.dirname(os.path.abspath(__file__))

NOT_FOUND = {"status_code": 34, "status_message": "The resource you requested could not be found.",
             "success": False}
BAD_PAGE = {"status_code": 22, "status_message": "Invalid page: Pages start at 1 and max at 500. "
                                                 "They are expected to be an integer.", "success": False}
EMPTY_SEARCH = {"page": 1, "results": [], "total_pages": 1, "total_results": 0}
PAGE_SIZE = 20
MAX_PAGES = 500
APPENDED = {"movie": ("credits", "videos", "watch/providers", "similar", "recommendations", "release_dates"),
            "tv": ("aggregate_credits", "videos", "watch/providers", "similar", "recommendations",
                   "content_ratings")}
LIST_PATHS = {"/3/trending/movie/week", "/3/trending/tv/week"}
APOSTROPHES = "'\u2019\u02bc"
OFFERS_PERIOD = 600
# now_playing: French releases of the last six weeks; upcoming: those of the next four.
NOW_PLAYING_DAYS, UPCOMING_DAYS = 42, 28
# Ratings in their order, by country (certification.lte / .gte).
RATINGS = {"FR": ["U", "10", "12", "16", "18"], "US": ["G", "PG", "PG-13", "R", "NC-17"]}
OFFER_KINDS = ("flatrate", "free", "ads", "rent", "buy")
HOME_ROW_PARAMETERS = {"with_genres", "page", "language", "api_key"}


def encode(body):
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()


def folded(text):
    """Lower case without accents: "Häxan" and "haxan", "NAPOLÉON" and "napoleon" match."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def words(text):
    """The words of a title, with and without apostrophes ("J'accuse": j, accuse, jaccuse)."""
    text = folded(text)
    joined = text
    for mark in APOSTROPHES:
        joined = joined.replace(mark, "")
    return set(re.findall(r"\w+", text)) | set(re.findall(r"\w+", joined))


def query_words(query):
    text = folded(query)
    for mark in APOSTROPHES:
        text = text.replace(mark, "")
    return re.findall(r"\w+", text)


def groups(text, convert=str):
    """TMDB's list syntax: "a,b" all of them, "a|b" any of them (and "a|b,c": (a or b) and c).
    Values that do not convert are dropped."""
    found = []
    for part in text.split(","):
        alternatives = []
        for value in part.split("|"):
            try:
                if value.strip():
                    alternatives.append(convert(value.strip()))
            except ValueError:
                pass
        if alternatives:
            found.append(alternatives)
    return found


def number(params, name):
    try:
        value = float(params[name])
    except (KeyError, ValueError):
        return None
    return value if math.isfinite(value) else None


def day(params, name):
    try:
        return datetime.date.fromisoformat(params[name][:10]).isoformat()
    except (KeyError, ValueError):
        return None


def listing(results, page, extra=None):
    """The list envelope: 20 a page, totals of the whole list (TMDB stops at page 500)."""
    start = (page - 1) * PAGE_SIZE
    body = dict(extra or {})
    body.update({"page": page, "results": results[start:start + PAGE_SIZE],
                 "total_pages": min(MAX_PAGES, max(1, math.ceil(len(results) / PAGE_SIZE))),
                 "total_results": len(results)})
    return body


class Catalogue:
    """Maps a request (path, raw query string) to TMDB's answer (status, JSON bytes)."""

    def __init__(self, root=os.path.join(HERE, "tmdb"), offers_period=OFFERS_PERIOD, clock=time.time):
        self.root = os.path.abspath(root)
        self.files = {}
        self.files_lock = threading.Lock()
        self.offers_period = offers_period
        self.clock = clock
        # Set by the fake TMDB's control API or the command line; None: from the clock.
        self.pinned_phase = None
        self.pinned_today = None
        self.searchable = []
        for item in self.load("search.json", {"results": []})["results"]:
            names = [item.get(key, "") for key in ("title", "original_title", "name", "original_name")]
            self.searchable.append((set().union(*(words(name) for name in names if name)),
                                    {" ".join(query_words(name)) for name in names if name}, item))
        self.index = self.load("index.json", {"movie": [], "tv": []})
        self.records = {(kind, record["id"]): record for kind in self.index for record in self.index[kind]}
        dynamic = self.load("dynamic.json", {"offers_phases": 1, "releases": {}, "offers": {}})
        self.dated = {int(ident): entries for ident, entries in dynamic["releases"].items()}
        self.rotating = dynamic["offers"]
        self.offers_phases = dynamic["offers_phases"]

    def load(self, name, default):
        path = os.path.join(self.root, name)
        if not os.path.isfile(path):
            return default
        with open(path, encoding="utf-8") as handle:
            return json.load(handle)

    # Time: the day and the offers phase of this answer.
    def today(self):
        if self.pinned_today is not None:
            return self.pinned_today
        return datetime.datetime.fromtimestamp(self.clock(), datetime.timezone.utc).date()

    def phase(self):
        if self.pinned_phase is not None:
            return self.pinned_phase
        return int(self.clock() // self.offers_period)

    def answer(self, path, query=""):
        params = {key: values[0] for key, values in parse_qs(query, keep_blank_values=True).items()}
        if path == "/3/search/multi":
            return self.search(params, None)
        match = re.fullmatch(r"/3/search/(movie|tv|person)", path)
        if match:
            return self.search(params, match.group(1))
        match = re.fullmatch(r"/3/discover/(movie|tv)", path)
        if match:
            return self.discover(match.group(1), params)
        match = re.fullmatch(r"/3/movie/(now_playing|upcoming)", path)
        if match:
            return self.in_cinemas(match.group(1), params)
        match = re.fullmatch(r"/3/(movie|tv)/([^/]+)(?:/(.+))?", path)
        if match:
            return self.title_page(match.group(1), match.group(2), match.group(3), params)
        match = re.fullmatch(r"/3/person/([^/]+)(?:/(.+))?", path)
        if match:
            return self.person_page(match.group(1), match.group(2), params)
        match = re.fullmatch(r"/3/watch/providers/(movie|tv)", path)
        if match:
            return self.providers(match.group(1), params)
        if path in LIST_PATHS:
            return self.list_page(path, params)
        return self.static(path)

    def read(self, relative):
        """The bytes of a demo file (cached), or None; never outside the root."""
        file = os.path.normpath(os.path.join(self.root, relative))
        if not file.startswith(self.root + os.sep):
            return None
        with self.files_lock:
            if file in self.files:
                return self.files[file]
        if not os.path.isfile(file):
            return None
        with open(file, "rb") as handle:
            data = handle.read().rstrip(b"\n")
        with self.files_lock:
            self.files[file] = data
        return data

    def static(self, path):
        data = self.read(path.lstrip("/") + ".json") if path.startswith("/3/") else None
        return (200, data) if data is not None else (404, encode(NOT_FOUND))

    def document(self, kind, ident):
        """A page file as an object (a fresh copy), or None for an unknown or malformed id."""
        if not ident.isdigit():
            return None
        data = self.read(f"3/{kind}/{int(ident)}.json")
        return json.loads(data) if data is not None else None

    @staticmethod
    def page_number(params):
        """TMDB's page: 1 when absent, an error outside 1–500."""
        text = params.get("page", "1")
        if not re.fullmatch(r"[0-9]{1,3}", text) or not 1 <= int(text) <= MAX_PAGES:
            return None
        return int(text)

    def list_page(self, path, params):
        page = self.page_number(params)
        if page is None:
            return 400, encode(BAD_PAGE)
        status, data = self.static(path)
        if status != 200 or page == 1:
            return status, data
        body = json.loads(data)
        body["page"] = page
        return 200, encode(body)

    # What changes with time.
    def french_releases(self, ident, today, phase):
        """A film's French release dated from today ([] when it has none of those)."""
        entries = []
        for entry in self.dated.get(ident, []):
            offsets = entry["offsets"]
            date = today + datetime.timedelta(days=offsets[phase % len(offsets)])
            entries.append({"certification": entry["certification"], "descriptors": entry["descriptors"],
                            "iso_639_1": entry["iso_639_1"], "note": entry["note"],
                            "release_date": date.isoformat() + "T00:00:00.000Z", "type": entry["type"]})
        return entries

    def french_offers_entry(self, media, ident, phase):
        """(rotates, the FR watch/providers entry of this phase or None)."""
        states = self.rotating.get(f"{media}/{ident}")
        if states is None:
            return False, None
        return True, states[phase % len(states)]

    def patch(self, media, page, today, phase):
        """Puts the parts of a page that depend on time in."""
        ident = page["id"]
        if media == "movie" and "release_dates" in page and ident in self.dated:
            for country in page["release_dates"]["results"]:
                if country["iso_3166_1"] == "FR":
                    country["release_dates"] = self.french_releases(ident, today, phase)
        rotates, entry = self.french_offers_entry(media, ident, phase)
        if rotates and "watch/providers" in page:
            others = {region: value for region, value in page["watch/providers"]["results"].items() if region != "FR"}
            page["watch/providers"]["results"] = dict({"FR": entry} if entry else {}, **others)

    def releases(self, record, region, today, phase):
        """[(date, type)] of a film's releases in a country (None: every country)."""
        found = []
        for country, dates in record["releases"].items():
            if region is not None and country != region:
                continue
            if country == "FR" and record["id"] in self.dated:
                found += [(d["release_date"][:10], d["type"]) for d in self.french_releases(record["id"], today, phase)]
            else:
                found += [(date, kind) for date, kind in dates]
        return found

    def offers(self, media, record, region, phase):
        """{kind: [provider ids]} of a title in a country, this phase."""
        if region == "FR":
            rotates, entry = self.french_offers_entry(media, record["id"], phase)
            if rotates:
                return {kind: [p["provider_id"] for p in entry.get(kind, [])] for kind in OFFER_KINDS
                        if entry and entry.get(kind)}
        return record["offers"].get(region, {})

    # Pages.
    def title_page(self, media_type, ident, part, params):
        page = self.document(media_type, ident)
        if page is None:
            return 404, encode(NOT_FOUND)
        self.patch(media_type, page, self.today(), self.phase())
        if part is not None:
            # /movie/{id}/credits and the like: one appended call alone.
            if part not in APPENDED[media_type]:
                return 404, encode(NOT_FOUND)
            body = page[part]
            if part in ("similar", "recommendations"):
                page_number = self.page_number(params)
                if page_number is None:
                    return 400, encode(BAD_PAGE)
                return 200, encode(dict(body, page=page_number) if page_number != 1 else body)
            if part == "videos":
                body = {"results": self.videos(body["results"], params)}
            return 200, encode(dict({"id": page["id"]}, **body))
        asked = {name.strip() for name in params.get("append_to_response", "").split(",")}
        for name in APPENDED[media_type]:
            if name not in asked:
                del page[name]
        if "videos" in page:
            page["videos"]["results"] = self.videos(page["videos"]["results"], params)
        return 200, encode(page)

    @staticmethod
    def videos(videos, params):
        """TMDB returns the videos of `language` plus those of include_video_language ("null": no
        language)."""
        languages = {params.get("language", "en-US").split("-")[0]}
        for language in params.get("include_video_language", "").split(","):
            if language.strip():
                languages.add(None if language.strip() == "null" else language.strip())
        return [v for v in videos if v["iso_639_1"] in languages]

    def person_page(self, ident, part, params):
        page = self.document("person", ident)
        if page is None:
            return 404, encode(NOT_FOUND)
        credits = page.pop("combined_credits")
        derived = {"combined_credits": credits}
        for media in ("movie", "tv"):
            derived[f"{media}_credits"] = {
                side: [{k: v for k, v in item.items() if k != "media_type"}
                       for item in credits[side] if item["media_type"] == media] for side in ("cast", "crew")}
        if part is not None:
            if part not in derived:
                return 404, encode(NOT_FOUND)
            return 200, encode(dict(derived[part], id=page["id"]))
        for name in params.get("append_to_response", "").split(","):
            if name.strip() in derived:
                page[name.strip()] = derived[name.strip()]
        return 200, encode(page)

    def providers(self, media, params):
        """The services of a kind; with watch_region, those of that country, by its priority."""
        body = json.loads(self.read(f"3/watch/providers/{media}.json") or b'{"results": []}')
        region = params.get("watch_region")
        if region:
            kept = []
            for entry in body["results"]:
                if region in entry["display_priorities"]:
                    kept.append(dict(entry, display_priority=entry["display_priorities"][region]))
            body["results"] = sorted(kept, key=lambda e: (e["display_priority"], e["provider_id"]))
        return 200, encode(body)

    # Lists computed over the catalogue.
    def discover(self, media, params):
        page = self.page_number(params)
        if page is None:
            return 400, encode(BAD_PAGE)
        today, phase = self.today(), self.phase()
        tests = self.discover_tests(media, params, today, phase)
        found = [record for record in self.index[media] if all(test(record) for test in tests)]
        found = self.sorted(media, found, params.get("sort_by", "popularity.desc"))
        body = listing([record["item"] for record in found], page)
        if media == "movie" and self.home_row(params) and page > body["total_pages"]:
            # The twenty home rows ask for any page 1–500, and the service's tests expect a full
            # row on each, as the stored lists they were gave: past its end, a row is page 1 again.
            body = dict(listing([record["item"] for record in found], 1), page=page)
        return 200, encode(body)

    @staticmethod
    def home_row(params):
        """The call of a home row: /discover/movie?with_genres=<one id>[&page][&language]."""
        return set(params) <= HOME_ROW_PARAMETERS and params.get("with_genres", "").isdigit()

    def discover_tests(self, media, params, today, phase):
        """One predicate a filter asked for; unparseable values are ignored, as TMDB does."""
        tests = []
        item = lambda field: (lambda record: record["item"][field])

        for alternatives in groups(params.get("with_genres", ""), int):
            tests.append(lambda r, a=alternatives: any(g in r["item"]["genre_ids"] for g in a))
        excluded = {g for group in groups(params.get("without_genres", ""), int) for g in group}
        if excluded:
            tests.append(lambda r: not excluded & set(r["item"]["genre_ids"]))

        date_field = "release_date" if media == "movie" else "first_air_date"
        prefix = "primary_release_date" if media == "movie" else "first_air_date"
        low, high = day(params, prefix + ".gte"), day(params, prefix + ".lte")
        if low:
            tests.append(lambda r: item(date_field)(r) >= low)
        if high:
            tests.append(lambda r: item(date_field)(r) <= high)
        year = params.get("primary_release_year" if media == "movie" else "first_air_date_year",
                          params.get("year", ""))
        if year.isdigit():
            tests.append(lambda r: item(date_field)(r)[:4] == "%04d" % int(year))

        for field, name in (("vote_average", "vote_average"), ("vote_count", "vote_count")):
            lowest, highest = number(params, name + ".gte"), number(params, name + ".lte")
            if lowest is not None:
                tests.append(lambda r, f=field, v=lowest: r["item"][f] >= v)
            if highest is not None:
                tests.append(lambda r, f=field, v=highest: r["item"][f] <= v)

        # A title of unknown length passes no runtime filter; a series passes with any episode length.
        runtimes = (lambda r: [r["runtime"]] if r["runtime"] else []) if media == "movie" else (lambda r: r["runtime"])
        lowest, highest = number(params, "with_runtime.gte"), number(params, "with_runtime.lte")
        if lowest is not None or highest is not None:
            low_bound = -math.inf if lowest is None else lowest
            high_bound = math.inf if highest is None else highest
            tests.append(lambda r: any(low_bound <= m <= high_bound for m in runtimes(r)))

        languages = {code for group in groups(params.get("with_original_language", "")) for code in group}
        if languages:
            tests.append(lambda r: r["item"]["original_language"] in languages)

        for side, name in (("cast", "with_cast"), ("crew", "with_crew")):
            for alternatives in groups(params.get(name, ""), int):
                tests.append(lambda r, s=side, a=alternatives: any(p in r[s] for p in a))
        for alternatives in groups(params.get("with_people", ""), int):
            tests.append(lambda r, a=alternatives: any(p in r["cast"] or p in r["crew"] for p in a))

        if media == "movie":
            tests += self.certification_tests(params)
            tests += self.release_tests(params, today, phase)
        tests += self.offer_tests(media, params, phase)
        return tests

    @staticmethod
    def certification_tests(params):
        country = params.get("certification_country")
        if not country:
            return []
        order = RATINGS.get(country, [])
        rating = lambda r: r["certifications"].get(country, "")
        tests = []
        exact = {c for group in groups(params.get("certification", "")) for c in group}
        if exact:
            tests.append(lambda r: rating(r) in exact)
        for name, compare in (("certification.lte", lambda a, b: a <= b), ("certification.gte", lambda a, b: a >= b)):
            bound = params.get(name)
            if bound is not None:
                if bound not in order:
                    tests.append(lambda r: False)
                else:
                    tests.append(lambda r, b=order.index(bound), c=compare: rating(r) in order and
                                 c(order.index(rating(r)), b))
        return tests

    def release_tests(self, params, today, phase):
        """release_date.gte/.lte and with_release_type look at the releases of `region` (all
        countries without it); primary_release_date looks at the film's own date."""
        low, high = day(params, "release_date.gte"), day(params, "release_date.lte")
        kinds = {k for group in groups(params.get("with_release_type", ""), int) for k in group}
        if not (low or high or kinds):
            return []
        region = params.get("region") or None

        def test(record):
            return any((not kinds or kind in kinds) and (not low or date >= low) and (not high or date <= high)
                       for date, kind in self.releases(record, region, today, phase))
        return [test]

    def offer_tests(self, media, params, phase):
        """watch_region with with_watch_providers (services) and with_watch_monetization_types
        (flatrate, free, ads, rent, buy): "a|b" any, "a,b" all; offers of the kinds asked for only."""
        region = params.get("watch_region")
        services = groups(params.get("with_watch_providers", ""), int)
        kinds = groups(params.get("with_watch_monetization_types", ""))
        if not region or not (services or kinds):
            return []
        allowed = {kind for group in kinds for kind in group} or set(OFFER_KINDS)

        def test(record):
            offers = {(service, kind) for kind, ids in self.offers(media, record, region, phase).items()
                      if kind in allowed for service in ids}
            offered_services = {service for service, _ in offers}
            offered_kinds = {kind for _, kind in offers}
            return (bool(offers) and all(any(s in offered_services for s in group) for group in services)
                    and all(any(k in offered_kinds for k in group) for group in kinds))
        return [test]

    @staticmethod
    def sorted(media, records, sort_by):
        """TMDB's sort_by, field.asc or field.desc; ties by popularity, then id."""
        field, _, direction = sort_by.partition(".")
        title, original = ("title", "original_title") if media == "movie" else ("name", "original_name")
        keys = {"popularity": lambda i: i["popularity"], "vote_average": lambda i: i["vote_average"],
                "vote_count": lambda i: i["vote_count"], "revenue": lambda i: 0,
                title: lambda i: folded(i[title]), original: lambda i: folded(i[original])}
        for name in (("primary_release_date", "release_date") if media == "movie" else ("first_air_date",)):
            keys[name] = (lambda i: i["release_date"]) if media == "movie" else (lambda i: i["first_air_date"])
        if field not in keys or direction not in ("asc", "desc"):
            field, direction = "popularity", "desc"
        ordered = sorted(records, key=lambda r: (-r["item"]["popularity"], r["id"]))
        return sorted(ordered, key=lambda r: keys[field](r["item"]), reverse=direction == "desc")

    def in_cinemas(self, which, params):
        """now_playing: type 2 or 3 releases from six weeks ago to today; upcoming: from tomorrow
        to four weeks ahead; in `region` (every country without it). An item's release_date is
        that release's."""
        page = self.page_number(params)
        if page is None:
            return 400, encode(BAD_PAGE)
        today, phase = self.today(), self.phase()
        if which == "now_playing":
            low, high = today - datetime.timedelta(days=NOW_PLAYING_DAYS), today
        else:
            low, high = today + datetime.timedelta(days=1), today + datetime.timedelta(days=UPCOMING_DAYS)
        low, high = low.isoformat(), high.isoformat()
        region = params.get("region") or None
        found = []
        for record in self.index["movie"]:
            dates = sorted(date for date, kind in self.releases(record, region, today, phase)
                           if kind in (2, 3) and low <= date <= high)
            if dates:
                found.append(dict(record["item"], release_date=dates[0]))
        found.sort(key=lambda item: (-item["popularity"], item["id"]))
        return 200, encode(listing(found, page, {"dates": {"maximum": high, "minimum": low}}))

    def search(self, params, kind):
        page = self.page_number(params)
        if page is None:
            return 400, encode(BAD_PAGE)
        wanted = query_words(params.get("query", ""))
        if not wanted:
            return 200, encode(EMPTY_SEARCH)
        whole = " ".join(wanted)
        found, exact = [], []
        for title_words, names, item in self.searchable:
            if kind is not None and item["media_type"] != kind:
                continue
            if not all(any(word.startswith(part) for word in title_words) for part in wanted):
                continue
            if kind is not None:
                # search/movie and search/tv: the year of the release or first air date.
                date = item.get("release_date") or item.get("first_air_date") or ""
                year = params.get("primary_release_year" if kind == "movie" else "first_air_date_year") or \
                    params.get("year", "")
                if year and date[:4] != year:
                    continue
                item = {key: value for key, value in item.items() if key != "media_type"}
            # A title or name that is the query itself comes first, as on TMDB.
            (exact if whole in names else found).append(item)
        found = exact + found
        start = (page - 1) * PAGE_SIZE
        return 200, encode({"page": page, "results": found[start:start + PAGE_SIZE],
                            "total_pages": max(1, math.ceil(len(found) / PAGE_SIZE)),
                            "total_results": len(found)})


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "cineverse-demo-tmdb"

    def log_message(self, fmt, *args):  # quiet unless --verbose
        if self.server.verbose:
            sys.stderr.write("%s %s\n" % (self.address_string(), fmt % args))

    def do_GET(self):
        url = urlsplit(self.path)
        status, body = self.server.catalogue.answer(url.path, url.query)
        self.send_response(status)
        self.send_header("Content-Type", "application/json;charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def serve(catalogue, port=0, port_file=None, verbose=False):
    """Serves on 127.0.0.1:port until SIGTERM or Ctrl-C; the chosen port goes to port_file."""
    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    server.daemon_threads = True
    server.catalogue, server.verbose = catalogue, verbose
    if port_file:
        temp = port_file + ".tmp"
        with open(temp, "w") as handle:
            handle.write(str(server.server_address[1]))
        os.replace(temp, port_file)
    signal.signal(signal.SIGTERM, lambda *_: threading.Thread(target=server.shutdown).start())
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0, help="0: any free port (see --port-file)")
    parser.add_argument("--port-file", help="where to write the port once listening")
    parser.add_argument("--root", default=os.path.join(HERE, "tmdb"), help="the demo catalogue (default: demo/tmdb)")
    parser.add_argument("--offers-period", type=float, default=float(os.environ.get("DEMO_OFFERS_PERIOD", OFFERS_PERIOD)),
                        help="seconds each offers phase lasts (default: $DEMO_OFFERS_PERIOD, else %d)" % OFFERS_PERIOD)
    parser.add_argument("--offers-phase", type=int, help="a fixed offers phase instead of the clock's")
    parser.add_argument("--today", type=datetime.date.fromisoformat,
                        help="the day release dates count from (default: today, UTC)")
    parser.add_argument("--verbose", action="store_true", help="log every request")
    args = parser.parse_args()
    if args.offers_period <= 0:
        parser.error("--offers-period must be positive")
    catalogue = Catalogue(args.root, offers_period=args.offers_period)
    catalogue.pinned_phase, catalogue.pinned_today = args.offers_phase, args.today
    serve(catalogue, args.port, args.port_file, args.verbose)


if __name__ == "__main__":
    main()
