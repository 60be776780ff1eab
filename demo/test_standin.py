#!/usr/bin/env python3
"""The demo catalogue and its TMDB stand-in: search, the shapes of film and series pages
(shared/spec/tmdb.md), discover with every filter and sort checked against the pages, person
pages and their credits, sagas, recommendations, the services, now playing and upcoming dated
from today, the offers that change with the phase, the title that needs escaping, the
Letterboxd export, unknown ids, the artwork every answer points at, generate.py's determinism,
and the integration tests' fake TMDB answering through the same module (its controls too).
Run: python3 demo/test_standin.py   (ctest: `demo`)
"""
import csv
import datetime
import io
import json
import math
import os
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ElementTree
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True  # the tests may run as a user who cannot write demo/
import tmdb_standin  # noqa: E402

ROOT = os.path.join(HERE, "tmdb")
IMAGES = os.path.join(HERE, "images")
FAKE = os.path.join(HERE, "..", "tests", "fake_tmdb", "fake_tmdb.py")
# The service's calls (shared/spec/tmdb.md, "Search, film and series pages").
MOVIE_QUERY = ("language=fr-FR&append_to_response=credits,videos,watch/providers,similar,release_dates"
               "&include_video_language=fr,en,null")
TV_QUERY = ("language=fr-FR&append_to_response=aggregate_credits,videos,watch/providers,similar,content_ratings"
            "&include_video_language=fr,en,null")
FRENCH_MOVIE_GENRES = {"Action", "Aventure", "Animation", "Comédie", "Crime", "Documentaire", "Drame", "Familial",
                       "Fantastique", "Histoire", "Horreur", "Musique", "Mystère", "Romance", "Science-Fiction",
                       "Thriller", "Guerre", "Western"}
NOSFERATU, METROPOLIS = 900006, 900020
LETTERBOXD = os.path.join(HERE, "letterboxd")
EXPORT = os.path.join(HERE, "letterboxd-export.zip")


def pinned(phase=0, today=None, **options):
    """A catalogue whose offers phase (and day, if given) do not follow the clock."""
    catalogue = tmdb_standin.Catalogue(ROOT, **options)
    catalogue.pinned_phase, catalogue.pinned_today = phase, today
    return catalogue


# The tests' catalogue: phase 0, as the fake TMDB starts; today is the real day.
CATALOGUE = pinned()
with open(os.path.join(ROOT, "dynamic.json"), encoding="utf-8") as handle:
    DYNAMIC = json.load(handle)


def answer(path, query=""):
    status, body = CATALOGUE.answer(path, query)
    return status, json.loads(body)


def search(text, page=None):
    query = "query=" + urllib.parse.quote(text) + "&include_adult=false&language=fr-FR"
    if page is not None:
        query += "&page=%s" % page
    return answer("/3/search/multi", query)


def ids(kind):
    return sorted(int(name[:-5]) for name in os.listdir(os.path.join(ROOT, "3", kind)))


def movie(ident):
    status, page = answer("/3/movie/%d" % ident, MOVIE_QUERY)
    assert status == 200, ident
    return page


def tv(ident):
    status, page = answer("/3/tv/%d" % ident, TV_QUERY)
    assert status == 200, ident
    return page


def trailer_step(videos):
    """Which step of the page's trailer rule (contract.md) picks this title's trailer."""
    official = [v for v in videos if v["official"]]
    if any(v["type"] == "Trailer" and v["iso_639_1"] == "fr" for v in official):
        return "french trailer"
    if any(v["type"] == "Trailer" and v["iso_639_1"] == "en" for v in videos):
        return "english trailer"
    if any(v["type"] == "Teaser" for v in videos):
        return "teaser"
    return "none"


class Search(unittest.TestCase):
    def titles(self, text):
        status, body = search(text)
        self.assertEqual(status, 200)
        return [(item["media_type"], item.get("title") or item.get("name")) for item in body["results"]]

    def test_a_word_prefix_finds_the_title(self):
        self.assertIn(("movie", "Nosferatu"), self.titles("nosf"))
        self.assertIn(("movie", "Metropolis"), self.titles("metro"))
        self.assertIn(("movie", "Night of the Living Dead"), self.titles("liv"))  # not only the first word
        self.assertNotIn(("movie", "Nosferatu"), self.titles("feratu"))         # a prefix, not any substring

    def test_case_and_accents_are_ignored(self):
        for text in ("NOSFÉ", "Nosfe", "nOsF"):
            self.assertIn(("movie", "Nosferatu"), self.titles(text), text)
        for text in ("haxan", "HÄX", "häxan"):
            self.assertIn(("movie", "Häxan"), self.titles(text), text)
        self.assertIn(("movie", "Napoléon"), self.titles("napoleon"))
        self.assertIn(("movie", "J'accuse"), self.titles("j'accuse"))
        self.assertIn(("movie", "J'accuse"), self.titles("jaccuse"))

    def test_original_titles_and_names_match_too(self):
        self.assertIn(("movie", "Nosferatu"), self.titles("symphonie des grauens"))
        self.assertIn(("tv", "月の庭 (Tsuki no Niwa)"), self.titles("月の庭"))
        self.assertIn(("tv", "The Clockmakers"), self.titles("horlogers"))

    def test_every_word_of_the_query_must_match(self):
        self.assertEqual(self.titles("night living"), [("movie", "Night of the Living Dead")])
        self.assertEqual(self.titles("night ferry"), [("tv", "The Night Ferry")])
        self.assertEqual(self.titles("nosferatu zzz"), [])

    def test_people_are_found_with_what_they_are_known_for(self):
        status, body = search("schreck")
        person = next(item for item in body["results"] if item["media_type"] == "person")
        self.assertEqual(person["name"], "Max Schreck")
        self.assertEqual(person["known_for_department"], "Acting")
        self.assertTrue(person["profile_path"].endswith(".svg"))
        known = person["known_for"]
        self.assertEqual([(k["media_type"], k["id"], k["title"]) for k in known], [("movie", NOSFERATU, "Nosferatu")])
        self.assertIsNotNone(known[0]["poster_path"])
        directors = [p for p in search("murnau")[1]["results"] if p["media_type"] == "person"]
        self.assertEqual(directors[0]["known_for_department"], "Directing")
        self.assertEqual(len(directors[0]["known_for"]), 3)  # his four films, the three most popular

    def test_films_series_and_people_come_mixed(self):
        status, body = search("the")
        kinds = {item["media_type"] for page in range(1, body["total_pages"] + 1)
                 for item in search("the", page)[1]["results"]}
        self.assertEqual(kinds, {"movie", "tv", "person"})
        for item in body["results"]:
            self.assertIn("title" if item["media_type"] == "movie" else "name", item)

    def test_pages_of_twenty_with_true_totals(self):
        status, first = search("the")
        total = first["total_results"]
        self.assertGreater(total, 40)
        self.assertEqual(first["total_pages"], math.ceil(total / 20))
        seen = []
        for page in range(1, first["total_pages"] + 1):
            status, body = search("the", page)
            self.assertEqual((body["page"], body["total_results"], body["total_pages"]),
                             (page, total, first["total_pages"]))
            self.assertEqual(len(body["results"]), 20 if page < first["total_pages"] else total - 20 * (page - 1))
            seen += [(item["media_type"], item["id"]) for item in body["results"]]
        self.assertEqual(len(seen), total)
        self.assertEqual(len(set(seen)), total)
        status, beyond = search("the", first["total_pages"] + 1)
        self.assertEqual((status, beyond["results"], beyond["total_results"]), (200, [], total))

    def test_an_empty_query_gives_the_empty_envelope(self):
        empty = {"page": 1, "results": [], "total_pages": 1, "total_results": 0}
        for query in ("query=", "query=%20%20", "", "query=&page=3"):
            self.assertEqual(answer("/3/search/multi", query), (200, empty), query)

    def test_no_match_and_bad_pages(self):
        self.assertEqual(search("zzzzqx")[1], {"page": 1, "results": [], "total_pages": 1, "total_results": 0})
        for page in ("0", "501", "abc", "-1"):
            status, body = search("the", page)
            self.assertEqual((status, body["status_code"]), (400, 22), page)


class Pages(unittest.TestCase):
    def test_the_catalogue_is_big_enough(self):
        self.assertGreaterEqual(len(ids("movie")), 60)
        self.assertGreaterEqual(len(ids("tv")), 12)
        self.assertFalse(set(ids("movie")) & set(ids("tv")))

    def test_every_list_item_has_a_page_and_images(self):
        lists = [os.path.join(directory, name) for directory, _, names in os.walk(os.path.join(ROOT, "3"))
                 for name in names if "discover" in directory or "trending" in directory]
        self.assertEqual(len(lists), 20)
        for file in lists:
            with open(file, encoding="utf-8") as handle:
                body = json.load(handle)
            self.assertGreaterEqual(len(body["results"]), 12, file)
            for item in body["results"]:
                kind = "tv" if "first_air_date" in item else "movie"
                self.assertIn(item["id"], ids(kind), file)
                self.assertIsNotNone(item["poster_path"], file)
                self.assertIsNotNone(item["backdrop_path"], file)

    def test_a_film_page_has_tmdb_keys(self):
        page = movie(NOSFERATU)
        for key in ("id", "title", "original_title", "overview", "tagline", "release_date", "runtime", "genres",
                    "poster_path", "backdrop_path", "vote_average", "vote_count", "status", "imdb_id", "credits",
                    "videos", "watch/providers", "similar", "release_dates"):
            self.assertIn(key, page)
        self.assertEqual((page["title"], page["original_title"]), ("Nosferatu", "Nosferatu, eine Symphonie des Grauens"))
        self.assertEqual(page["genres"], [{"id": 27, "name": "Horreur"}, {"id": 14, "name": "Fantastique"}])
        self.assertEqual(page["credits"]["cast"][0]["name"], "Max Schreck")
        self.assertEqual(page["credits"]["cast"][0]["character"], "Comte Orlok")
        self.assertIn({"name": "F. W. Murnau", "job": "Director"},
                      [{"name": c["name"], "job": c["job"]} for c in page["credits"]["crew"]])
        france = page["watch/providers"]["results"]["FR"]
        self.assertTrue(all(france.get(offer) for offer in ("flatrate", "rent", "buy")))
        self.assertEqual(trailer_step(page["videos"]["results"]), "french trailer")

    def test_every_film_page_is_well_formed(self):
        films = set(ids("movie"))
        for ident in films:
            page = movie(ident)
            self.assertEqual(page["id"], ident)
            self.assertTrue(page["overview"] and page["tagline"], ident)
            self.assertTrue({g["name"] for g in page["genres"]} <= FRENCH_MOVIE_GENRES, ident)
            self.assertTrue(page["runtime"] is None or page["runtime"] > 0, ident)
            cast = page["credits"]["cast"]
            self.assertEqual([c["order"] for c in cast], list(range(len(cast))), ident)
            for person in cast:
                self.assertTrue({"id", "name", "character", "profile_path", "order"} <= person.keys())
            crew = page["credits"]["crew"]
            self.assertTrue(any(c["job"] == "Director" and c["department"] == "Directing" for c in crew), ident)
            for video in page["videos"]["results"]:
                self.assertTrue({"site", "key", "name", "type", "official", "iso_639_1", "published_at"} <= video.keys())
                self.assertIn(video["iso_639_1"], ("fr", "en", None), ident)
            for region, entry in page["watch/providers"]["results"].items():
                self.assertIn("watch?locale=" + region, entry["link"])
                for offer in ("flatrate", "rent", "buy"):
                    for provider in entry.get(offer, []):
                        self.assertTrue({"provider_id", "provider_name", "logo_path", "display_priority"} <= provider.keys())
            similar = page["similar"]
            self.assertTrue({"page", "results", "total_pages", "total_results"} <= similar.keys())
            self.assertTrue(6 <= len(similar["results"]) <= 20, ident)
            self.assertTrue({s["id"] for s in similar["results"]} <= films - {ident}, ident)
            france = [r for r in page["release_dates"]["results"] if r["iso_3166_1"] == "FR"]
            self.assertEqual(len(france), 1, ident)
            for release in france[0]["release_dates"]:
                self.assertIsInstance(release["certification"], str)
                self.assertIsInstance(release["type"], int)

    def test_the_catalogue_exercises_every_case_of_a_film_page(self):
        pages = [movie(ident) for ident in ids("movie")]
        steps = {trailer_step(p["videos"]["results"]) for p in pages}
        self.assertEqual(steps, {"french trailer", "english trailer", "teaser", "none"})
        regions = [p["watch/providers"]["results"] for p in pages]
        self.assertTrue(any("FR" not in r and r for r in regions))       # elsewhere only
        self.assertTrue(any(not r for r in regions))                      # nowhere
        self.assertTrue(any("FR" in r and "flatrate" not in r["FR"] for r in regions))
        self.assertTrue(all(len(r) != 1 or "FR" not in r for r in regions))  # FR never alone
        certifications = {d["certification"] for p in pages for r in p["release_dates"]["results"]
                          if r["iso_3166_1"] == "FR" for d in r["release_dates"] if d["type"] == 3}
        self.assertIn("", certifications)
        self.assertTrue(certifications - {""})
        # Some films were never in French cinemas: no theatrical (3) or limited (2) release there.
        french = [{d["type"] for r in p["release_dates"]["results"] if r["iso_3166_1"] == "FR" for d in r["release_dates"]}
                  for p in pages]
        self.assertTrue(any(not kinds & {2, 3} for kinds in french))
        self.assertTrue(all(kinds for kinds in french))
        self.assertTrue(any(p["runtime"] is None for p in pages))

    def test_only_the_appended_calls_and_languages_asked_for(self):
        status, bare = answer("/3/movie/%d" % NOSFERATU, "language=fr-FR")
        for key in ("credits", "videos", "watch/providers", "similar", "release_dates"):
            self.assertNotIn(key, bare)
        status, french = answer("/3/movie/%d" % NOSFERATU, "language=fr-FR&append_to_response=videos")
        self.assertEqual({v["iso_639_1"] for v in french["videos"]["results"]}, {"fr"})
        self.assertNotIn("de", {v["iso_639_1"] for v in movie(NOSFERATU)["videos"]["results"]})
        status, german = answer("/3/movie/%d" % NOSFERATU, "language=de-DE&append_to_response=videos")
        self.assertEqual({v["iso_639_1"] for v in german["videos"]["results"]}, {"de"})

    def test_every_series_page_is_well_formed(self):
        all_series = set(ids("tv"))
        for ident in all_series:
            page = tv(ident)
            for key in ("name", "original_name", "first_air_date", "last_air_date", "number_of_seasons",
                        "number_of_episodes", "episode_run_time", "created_by", "networks", "seasons", "genres",
                        "overview", "tagline", "poster_path", "backdrop_path", "aggregate_credits",
                        "content_ratings", "videos", "watch/providers", "similar"):
                self.assertIn(key, page, ident)
            self.assertEqual(page["number_of_seasons"], len(page["seasons"]))
            self.assertEqual(page["number_of_episodes"], sum(s["episode_count"] for s in page["seasons"]))
            self.assertLessEqual(page["first_air_date"], page["last_air_date"])
            self.assertIsInstance(page["episode_run_time"], list)
            for creator in page["created_by"]:
                self.assertTrue({"id", "name", "profile_path"} <= creator.keys())
            for network in page["networks"]:
                self.assertTrue({"id", "name", "logo_path", "origin_country"} <= network.keys())
            cast = page["aggregate_credits"]["cast"]
            self.assertEqual([c["order"] for c in cast], list(range(len(cast))), ident)
            for person in cast:
                self.assertTrue(person["roles"] and {"character", "episode_count"} <= person["roles"][0].keys())
                self.assertLessEqual(person["total_episode_count"], page["number_of_episodes"])
            for rating in page["content_ratings"]["results"]:
                self.assertTrue({"iso_3166_1", "rating"} <= rating.keys())
            similar = page["similar"]["results"]
            self.assertTrue(6 <= len(similar) <= 20, ident)
            self.assertTrue({s["id"] for s in similar} <= all_series - {ident}, ident)

    def test_the_catalogue_exercises_every_case_of_a_series_page(self):
        pages = [tv(ident) for ident in ids("tv")]
        self.assertTrue(any(not p["episode_run_time"] for p in pages))
        self.assertTrue(any(p["episode_run_time"] for p in pages))
        french = [[r["rating"] for r in p["content_ratings"]["results"] if r["iso_3166_1"] == "FR"] for p in pages]
        self.assertIn([], french)
        self.assertIn([""], french)
        self.assertTrue(any(r and r[0] for r in french))
        # The most-played role is not always listed first.
        self.assertTrue(any(max(c["roles"], key=lambda r: r["episode_count"]) is not c["roles"][0]
                            for p in pages for c in p["aggregate_credits"]["cast"]))
        self.assertEqual({trailer_step(p["videos"]["results"]) for p in pages},
                         {"french trailer", "english trailer", "teaser", "none"})
        self.assertTrue(any("FR" in p["watch/providers"]["results"] for p in pages))
        self.assertTrue(any("FR" not in p["watch/providers"]["results"] for p in pages))

    def test_unknown_ids_are_tmdb_404s(self):
        for path in ("/3/movie/1", "/3/movie/999999999", "/3/tv/%d" % NOSFERATU, "/3/movie/%d" % ids("tv")[0],
                     "/3/movie/abc", "/3/movie/-5", "/3/tv/", "/3/nothing", "/3/../demo/titles.py"):
            status, body = answer(path, MOVIE_QUERY)
            self.assertEqual((status, body["status_code"], body["success"]), (404, 34, False), path)

    def test_trending_answers_any_page_with_the_same_results(self):
        status, first = answer("/3/trending/movie/week", "language=fr-FR")
        status, second = answer("/3/trending/movie/week", "page=2&language=fr-FR")
        self.assertEqual((status, second["page"], second["results"]), (200, 2, first["results"]))
        self.assertEqual(answer("/3/trending/movie/week", "page=501")[0], 400)
        self.assertEqual(answer("/3/discover/movie", "with_genres=1")[1]["results"], [])

    def test_configuration(self):
        status, body = answer("/3/configuration")
        images = body["images"]
        self.assertEqual(status, 200)
        for key in ("secure_base_url", "poster_sizes", "backdrop_sizes", "profile_sizes", "logo_sizes"):
            self.assertIn(key, images)
        self.assertIn("w342", images["poster_sizes"])
        self.assertIsInstance(body["change_keys"], list)


# The service's calls with every appended call, and the ids of some titles by name.
FULL_MOVIE = MOVIE_QUERY.replace("release_dates", "release_dates,recommendations")
FULL_TV = TV_QUERY.replace("content_ratings", "content_ratings,recommendations")
FRENCH_RATINGS = ["U", "10", "12", "16", "18"]
PROVIDER_NAMES = [(e["provider_id"], e["provider_name"])
                  for e in json.loads(tmdb_standin.Catalogue(ROOT).answer("/3/watch/providers/movie", "watch_region=FR")[1])
                  ["results"]]
ROTATING = {}  # title → id of the titles whose French offers change with the phase
for _key in DYNAMIC["offers"]:
    _media, _ident = _key.split("/")
    with open(os.path.join(ROOT, "3", _media, _ident + ".json"), encoding="utf-8") as _handle:
        _page = json.load(_handle)
    ROTATING[_page.get("title") or _page.get("name")] = int(_ident)


def tomorrow(iso):
    return (datetime.date.fromisoformat(iso) + datetime.timedelta(days=1)).isoformat()


def get(catalogue, path, query=""):
    status, body = catalogue.answer(path, query)
    return status, json.loads(body)


def film_pages(catalogue=CATALOGUE):
    return {ident: get(catalogue, "/3/movie/%d" % ident, FULL_MOVIE)[1] for ident in ids("movie")}


def series_pages(catalogue=CATALOGUE):
    return {ident: get(catalogue, "/3/tv/%d" % ident, FULL_TV)[1] for ident in ids("tv")}


FILMS = film_pages()
SERIES = series_pages()


def french_offers(page):
    """{kind: [provider ids]} of a page's French offers."""
    france = page["watch/providers"]["results"].get("FR", {})
    return {kind: [p["provider_id"] for p in france[kind]] for kind in tmdb_standin.OFFER_KINDS if kind in france}


def french_rating(page):
    for country in page["release_dates"]["results"]:
        if country["iso_3166_1"] == "FR":
            ratings = [d["certification"] for d in country["release_dates"] if d["certification"]]
            return ratings[0] if ratings else ""
    return ""


def french_releases(page):
    return next(c["release_dates"] for c in page["release_dates"]["results"] if c["iso_3166_1"] == "FR")


def every_page(test, catalogue, path, query):
    """The whole list, page by page, checking the envelope on the way."""
    status, first = get(catalogue, path, query)
    test.assertEqual(status, 200, query)
    total, pages = first["total_results"], first["total_pages"]
    test.assertEqual(pages, max(1, math.ceil(total / 20)), query)
    found = []
    for page in range(1, pages + 1):
        status, body = get(catalogue, path, query + "&page=%d" % page)
        test.assertEqual((status, body["page"], body["total_results"], body["total_pages"]), (200, page, total, pages))
        test.assertEqual(len(body["results"]), 20 if page < pages else total - 20 * (pages - 1), query)
        found += body["results"]
    status, beyond = get(catalogue, path, query + "&page=%d" % (pages + 1))
    params = dict(urllib.parse.parse_qsl(query))
    if path == "/3/discover/movie" and tmdb_standin.Catalogue.home_row(params):
        # A home row's call: past the last page, page 1 again (the service's tests rely on it).
        test.assertEqual((status, beyond["page"], beyond["results"], beyond["total_results"]),
                         (200, pages + 1, found[:20], total), query)
    else:
        test.assertEqual((status, beyond["results"], beyond["total_results"]), (200, [], total), query)
    return found


class Discover(unittest.TestCase):
    """/discover/{movie,tv}: each filter against the pages' own data, with titles on both sides."""

    def found(self, query, media="movie", catalogue=CATALOGUE):
        items = every_page(self, catalogue, "/3/discover/" + media, query)
        found = [item["id"] for item in items]
        self.assertEqual(len(found), len(set(found)), query)
        return found

    def check(self, query, passes, media="movie", pages=None):
        """The titles found are exactly those whose page passes, and some do not."""
        pages = pages or (FILMS if media == "movie" else SERIES)
        expected = {ident for ident, page in pages.items() if passes(page)}
        self.assertTrue(expected, "no title passes " + query)
        self.assertTrue(set(pages) - expected, "every title passes " + query)
        self.assertEqual(set(self.found(query, media)), expected, query)

    def test_the_home_rows_are_page_one_of_discover_by_genre(self):
        lists = os.path.join(ROOT, "3", "discover", "movie")
        for name in os.listdir(lists):
            with open(os.path.join(lists, name), "rb") as handle:
                stored = handle.read().rstrip(b"\n")
            genre = name[:-5]
            self.assertEqual(CATALOGUE.answer("/3/discover/movie", "with_genres=%s&language=fr-FR" % genre)[1], stored)
            self.assertEqual(CATALOGUE.answer("/3/discover/movie", "with_genres=%s&page=1&language=en-US" % genre)[1],
                             stored)
            # Later pages go on through the genre's films, each once; past the last one, a row
            # is page 1 again, with a full row whatever the page asked for.
            genre_films = {i for i, p in FILMS.items() if int(genre) in [g["id"] for g in p["genres"]]}
            self.assertEqual(set(self.found("with_genres=%s&language=fr-FR" % genre)), genre_films)
            status, far = get(CATALOGUE, "/3/discover/movie", "with_genres=%s&page=477&language=fr-FR" % genre)
            self.assertEqual((status, far["page"], far["results"]), (200, 477, json.loads(stored)["results"]))
        # Any other question ends where its results do.
        self.assertEqual(get(CATALOGUE, "/3/discover/movie", "with_genres=18&sort_by=popularity.desc&page=477")[1]
                         ["results"], [])

    def test_genres_all_and_any(self):
        genres = lambda page: {g["id"] for g in page["genres"]}
        self.check("with_genres=35,10749", lambda p: {35, 10749} <= genres(p))
        self.check("with_genres=35|10749", lambda p: bool({35, 10749} & genres(p)))
        self.check("with_genres=27|9648,53", lambda p: bool({27, 9648} & genres(p)) and 53 in genres(p))
        self.check("without_genres=18|35", lambda p: not {18, 35} & genres(p))
        self.check("with_genres=18,80&sort_by=title.asc", lambda p: {18, 80} <= genres(p), "tv")

    def test_release_dates_of_films_and_first_air_dates_of_series(self):
        self.check("primary_release_date.gte=1925-01-01&primary_release_date.lte=1929-12-31",
                   lambda p: "1925-01-01" <= p["release_date"] <= "1929-12-31")
        self.check("primary_release_date.gte=1930-01-01", lambda p: p["release_date"] >= "1930-01-01")
        self.check("primary_release_year=1927", lambda p: p["release_date"].startswith("1927"))
        self.check("first_air_date.gte=2021-01-01&first_air_date.lte=2023-06-30",
                   lambda p: "2021-01-01" <= p["first_air_date"] <= "2023-06-30", "tv")

    def test_ratings_and_votes(self):
        self.check("vote_average.gte=8", lambda p: p["vote_average"] >= 8)
        self.check("vote_count.gte=1000", lambda p: p["vote_count"] >= 1000)
        self.check("vote_average.gte=7.5&vote_count.gte=500", lambda p: p["vote_average"] >= 7.5 and p["vote_count"] >= 500)
        self.check("vote_average.gte=8&vote_count.gte=80", lambda p: p["vote_average"] >= 8 and p["vote_count"] >= 80,
                   "tv")

    def test_runtimes(self):
        self.check("with_runtime.gte=60&with_runtime.lte=100", lambda p: p["runtime"] is not None and 60 <= p["runtime"] <= 100)
        self.check("with_runtime.lte=20", lambda p: p["runtime"] is not None and p["runtime"] <= 20)
        self.check("with_runtime.gte=50", lambda p: any(m >= 50 for m in p["episode_run_time"]), "tv")

    def test_original_languages(self):
        self.check("with_original_language=fr", lambda p: p["original_language"] == "fr")
        self.check("with_original_language=de|ru", lambda p: p["original_language"] in ("de", "ru"))
        self.check("with_original_language=en", lambda p: p["original_language"] == "en", "tv")
        self.assertGreaterEqual(len({p["original_language"] for p in FILMS.values()}), 6)

    def test_french_certifications(self):
        for bound in FRENCH_RATINGS[:-1]:
            self.check("certification_country=FR&certification.lte=" + bound,
                       lambda p: french_rating(p) in FRENCH_RATINGS[:FRENCH_RATINGS.index(bound) + 1])
        self.check("certification_country=FR&certification.gte=16", lambda p: french_rating(p) in ("16", "18"))
        self.check("certification_country=FR&certification=U|10", lambda p: french_rating(p) in ("U", "10"))
        # Every French rating is used, and some films have none (never matched by a bound).
        ratings = {french_rating(p) for p in FILMS.values()}
        self.assertEqual(ratings, set(FRENCH_RATINGS) | {""})
        self.assertEqual(self.found("certification_country=FR&certification.lte=TP"), [])
        # Without the country, the bound means nothing (as on TMDB).
        self.assertEqual(len(self.found("certification.lte=U")), len(FILMS))

    def test_services_and_monetization_in_france(self):
        offered = lambda p, kinds=tmdb_standin.OFFER_KINDS: {s for k, ids in french_offers(p).items() if k in kinds
                                                            for s in ids}
        for media in ("movie", "tv"):
            self.check("watch_region=FR&with_watch_providers=9101|9102", lambda p: bool({9101, 9102} & offered(p)),
                       media)
        self.check("watch_region=FR&with_watch_providers=9101,9104", lambda p: {9101, 9104} <= offered(p))
        for kind in tmdb_standin.OFFER_KINDS:
            self.check("watch_region=FR&with_watch_monetization_types=" + kind, lambda p: kind in french_offers(p))
        self.check("watch_region=FR&with_watch_monetization_types=free|ads",
                   lambda p: bool({"free", "ads"} & set(french_offers(p))))
        self.check("watch_region=FR&with_watch_monetization_types=flatrate,rent",
                   lambda p: {"flatrate", "rent"} <= set(french_offers(p)))
        # A service counts only through the kinds of offer asked for.
        self.check("watch_region=FR&with_watch_providers=9104&with_watch_monetization_types=rent",
                   lambda p: 9104 in offered(p, ("rent",)))
        self.check("watch_region=US&with_watch_providers=9111",
                   lambda p: 9111 in {s for e in [p["watch/providers"]["results"].get("US", {})]
                                      for k in tmdb_standin.OFFER_KINDS for s in [x["provider_id"] for x in e.get(k, [])]})
        # Without watch_region the service filters mean nothing (as on TMDB).
        self.assertEqual(len(self.found("with_watch_providers=9101")), len(FILMS))

    def test_people(self):
        chaplin = next(p["id"] for p in search("chaplin")[1]["results"] if p.get("name") == "Charlie Chaplin")
        cast = lambda p: {c["id"] for c in p["credits"]["cast"]}
        crew = lambda p: {c["id"] for c in p["credits"]["crew"]}
        self.check("with_cast=%d" % chaplin, lambda p: chaplin in cast(p))
        self.check("with_crew=%d" % chaplin, lambda p: chaplin in crew(p))
        self.check("with_people=%d" % chaplin, lambda p: chaplin in cast(p) | crew(p))

    def test_regional_release_dates_and_types(self):
        today = CATALOGUE.today()
        low = (today - datetime.timedelta(days=42)).isoformat()
        self.check("region=FR&release_date.gte=%s&with_release_type=2|3" % low,
                   lambda p: any(d["type"] in (2, 3) and d["release_date"][:10] >= low for d in french_releases(p)))
        self.check("region=FR&with_release_type=2", lambda p: any(d["type"] == 2 for d in french_releases(p)))

    def test_sorts(self):
        keys = {"popularity": lambda p: p["popularity"], "vote_average": lambda p: p["vote_average"],
                "vote_count": lambda p: p["vote_count"], "primary_release_date": lambda p: p["release_date"],
                "release_date": lambda p: p["release_date"], "title": lambda p: tmdb_standin.folded(p["title"]),
                "original_title": lambda p: tmdb_standin.folded(p["original_title"])}
        for field, key in keys.items():
            for direction in ("asc", "desc"):
                query = "sort_by=%s.%s&with_genres=18|35" % (field, direction)
                found = [key(FILMS[i]) for i in self.found(query)]
                self.assertEqual(found, sorted(found, reverse=direction == "desc"), query)
        self.assertEqual(self.found("with_genres=18"), self.found("with_genres=18&sort_by=popularity.desc"))
        self.assertEqual(self.found("with_genres=18&sort_by=nonsense"), self.found("with_genres=18"))
        tv_keys = {"first_air_date": lambda p: p["first_air_date"], "name": lambda p: tmdb_standin.folded(p["name"]),
                   "vote_average": lambda p: p["vote_average"], "popularity": lambda p: p["popularity"]}
        for field, key in tv_keys.items():
            for direction in ("asc", "desc"):
                found = [key(SERIES[i]) for i in self.found("sort_by=%s.%s" % (field, direction), "tv")]
                self.assertEqual(found, sorted(found, reverse=direction == "desc"), field)

    def test_the_rating_sort_needs_a_vote_floor(self):
        top = self.found("sort_by=vote_average.desc")[0]
        self.assertLess(FILMS[top]["vote_count"], 10)
        self.assertEqual(FILMS[top]["vote_average"], max(p["vote_average"] for p in FILMS.values()))
        floored = self.found("sort_by=vote_average.desc&vote_count.gte=50")
        self.assertNotIn(top, floored)
        self.assertGreaterEqual(FILMS[floored[0]]["vote_count"], 50)

    def test_paging(self):
        for query in ("", "with_genres=18", "sort_by=title.asc"):
            self.assertEqual(len(self.found(query)), get(CATALOGUE, "/3/discover/movie", query)[1]["total_results"])
        self.assertEqual(len(self.found("")), len(FILMS))
        self.assertEqual(len(self.found("", "tv")), len(SERIES))
        self.assertEqual(self.found("vote_count.gte=100000"), [])
        self.assertEqual(get(CATALOGUE, "/3/discover/movie", "vote_count.gte=100000")[1],
                         {"page": 1, "results": [], "total_pages": 1, "total_results": 0})
        for page in ("0", "501", "x", "-2"):
            status, body = get(CATALOGUE, "/3/discover/movie", "page=" + page)
            self.assertEqual((status, body["status_code"]), (400, 22), page)
        status, body = get(CATALOGUE, "/3/discover/movie", "page=500")
        self.assertEqual((status, body["results"], body["total_results"]), (200, [], len(FILMS)))

    def test_items_are_the_list_items(self):
        with open(os.path.join(ROOT, "3", "discover", "movie", "18.json"), encoding="utf-8") as handle:
            shape = set(json.load(handle)["results"][0])
        for item in get(CATALOGUE, "/3/discover/movie", "page=2")[1]["results"]:
            self.assertEqual(set(item), shape)
        for item in get(CATALOGUE, "/3/discover/tv", "")[1]["results"]:
            self.assertTrue({"name", "original_name", "first_air_date", "origin_country"} <= set(item))
            self.assertNotIn("media_type", item)


class People(unittest.TestCase):
    """/person/{id} for everyone credited, with combined_credits drawn from the titles."""

    @classmethod
    def setUpClass(cls):
        cls.persons = {}
        for name in os.listdir(os.path.join(ROOT, "3", "person")):
            status, page = answer("/3/person/" + name[:-5], "append_to_response=combined_credits&language=fr-FR")
            assert status == 200, name
            cls.persons[page["id"]] = page

    def credits_of(self, page):
        return page["combined_credits"]["cast"] + page["combined_credits"]["crew"]

    def test_everyone_credited_has_a_page_with_that_credit(self):
        def find(person, **wanted):
            page = self.persons[person]
            return [c for c in self.credits_of(page) if all(c.get(k) == v for k, v in wanted.items())]
        credited = set()
        for ident, page in FILMS.items():
            for c in page["credits"]["cast"]:
                self.assertEqual(self.persons[c["id"]]["name"], c["name"])
                self.assertEqual(len(find(c["id"], id=ident, media_type="movie", character=c["character"],
                                          credit_id=c["credit_id"], order=c["order"])), 1, (ident, c["name"]))
                credited.add(c["id"])
            for c in page["credits"]["crew"]:
                self.assertEqual(len(find(c["id"], id=ident, media_type="movie", job=c["job"],
                                          department=c["department"], credit_id=c["credit_id"])), 1, (ident, c["name"]))
                credited.add(c["id"])
        for ident, page in SERIES.items():
            for c in page["aggregate_credits"]["cast"]:
                for role in c["roles"]:
                    self.assertEqual(len(find(c["id"], id=ident, media_type="tv", character=role["character"],
                                              credit_id=role["credit_id"], episode_count=role["episode_count"])), 1)
                credited.add(c["id"])
            for creator in page["created_by"]:
                self.assertEqual(len(find(creator["id"], id=ident, job="Creator", credit_id=creator["credit_id"])), 1)
                self.assertEqual(len(find(creator["id"], id=ident, job="Writer")), 1)
                credited.add(creator["id"])
        self.assertEqual(credited, set(self.persons))

    def test_a_page_has_tmdb_keys_and_plausible_facts(self):
        for page in self.persons.values():
            for key in ("id", "name", "biography", "birthday", "deathday", "place_of_birth", "profile_path",
                        "known_for_department", "popularity", "combined_credits"):
                self.assertIn(key, page)
            self.assertGreater(len(page["biography"]), 40, page["name"])
            self.assertIn(page["known_for_department"], ("Acting", "Directing", "Writing"))
            self.assertEqual(page["profile_path"], "/profile-%d.svg" % page["id"])
            for key in ("birthday", "deathday"):
                if page[key] is not None:
                    datetime.date.fromisoformat(page[key])
            if page["birthday"] and page["deathday"]:
                self.assertLess(page["birthday"], page["deathday"], page["name"])
            for item in self.credits_of(page):
                self.assertIn(item["media_type"], ("movie", "tv"))
                kind = "title" if item["media_type"] == "movie" else "name"
                title = (FILMS if item["media_type"] == "movie" else SERIES)[item["id"]]
                self.assertEqual(item[kind], title[kind])
                self.assertEqual(item["poster_path"], title["poster_path"])
            self.assertTrue(self.credits_of(page), page["name"])

    def test_real_people_have_facts_and_invented_people_say_so(self):
        by_name = {page["name"]: page for page in self.persons.values()}
        chaplin = by_name["Charlie Chaplin"]
        self.assertEqual((chaplin["birthday"], chaplin["deathday"]), ("1889-04-16", "1977-12-25"))
        self.assertIn("Londres", chaplin["place_of_birth"])
        self.assertEqual(by_name["Louis Feuillade"]["birthday"], "1873-02-19")
        self.assertIn("Fantômas", by_name["René Navarre"]["biography"])
        for name in ("Rosalind Ashcombe", "Jasper Tull", "Mireille Castagnac"):
            self.assertTrue(by_name[name]["biography"].startswith("Personne inventée"), name)
        for name in ("Lillian Gish", "Max Schreck", "Justus D. Barnes"):
            self.assertNotIn("inventé", by_name[name]["biography"], name)
        self.assertIn("The Great Train Robbery", by_name["Justus D. Barnes"]["biography"])

    def test_one_item_per_role(self):
        by_name = {page["name"]: page for page in self.persons.values()}
        for name, title in (("Charlie Chaplin", "The Kid"), ("Georges Méliès", "A Trip to the Moon"),
                            ("Orson Welles", "The Stranger")):
            roles = [c for c in self.credits_of(by_name[name]) if c.get("title") == title]
            self.assertEqual(sorted("character" in c for c in roles), [False, True], name)
            self.assertEqual([c["job"] for c in roles if "job" in c], ["Director"])
        # A series role each: one item per character played.
        labarthe = by_name["Inès Labarthe"]["combined_credits"]["cast"]
        self.assertEqual(sorted(c["character"] for c in labarthe), ["Rose Barraud", "Rose Barraud (jeune)"])

    def test_search_results_agree_with_person_pages(self):
        with open(os.path.join(ROOT, "search.json"), encoding="utf-8") as handle:
            people = [item for item in json.load(handle)["results"] if item["media_type"] == "person"]
        self.assertEqual({p["id"] for p in people}, set(self.persons))
        for item in people:
            page = self.persons[item["id"]]
            for key in ("name", "known_for_department", "popularity", "profile_path"):
                self.assertEqual(item[key], page[key], (item["name"], key))
            credited = {(c["media_type"], c["id"]) for c in self.credits_of(page)}
            self.assertTrue({(k["media_type"], k["id"]) for k in item["known_for"]} <= credited)

    def test_appends_and_unknown_ids(self):
        status, bare = answer("/3/person/%d" % min(self.persons), "language=fr-FR")
        self.assertEqual(status, 200)
        self.assertNotIn("combined_credits", bare)
        status, both = answer("/3/person/%d" % min(self.persons), "append_to_response=movie_credits,tv_credits")
        self.assertTrue({"movie_credits", "tv_credits"} <= set(both))
        status, alone = answer("/3/person/%d/combined_credits" % min(self.persons))
        self.assertEqual(alone["id"], min(self.persons))
        for path in ("/3/person/1", "/3/person/abc", "/3/person/%d" % NOSFERATU, "/3/person/%d/nothing" % min(self.persons)):
            status, body = answer(path)
            self.assertEqual((status, body["status_code"]), (404, 34), path)


class Collections(unittest.TestCase):
    def test_sagas_and_the_films_that_belong_to_them(self):
        sagas = sorted(int(name[:-5]) for name in os.listdir(os.path.join(ROOT, "3", "collection")))
        self.assertGreaterEqual(len(sagas), 2)
        members = {}
        for ident in sagas:
            status, saga = answer("/3/collection/%d" % ident, "language=fr-FR")
            self.assertEqual(status, 200)
            for key in ("id", "name", "overview", "poster_path", "backdrop_path", "parts"):
                self.assertIn(key, saga)
            self.assertGreaterEqual(len(saga["parts"]), 2)
            dates = [part["release_date"] for part in saga["parts"]]
            self.assertEqual(dates, sorted(dates))
            summary = {key: saga[key] for key in ("id", "name", "poster_path", "backdrop_path")}
            for part in saga["parts"]:
                self.assertEqual(part["media_type"], "movie")
                self.assertEqual(FILMS[part["id"]]["belongs_to_collection"], summary)
                self.assertEqual(part["title"], FILMS[part["id"]]["title"])
                members[part["id"]] = ident
        self.assertIn("Fantômas", json.dumps([answer("/3/collection/%d" % i)[1]["name"] for i in sagas],
                                              ensure_ascii=False))
        for ident, page in FILMS.items():
            if ident not in members:
                self.assertIsNone(page["belongs_to_collection"])
        for path in ("/3/collection/1", "/3/collection/abc", "/3/collection/%d" % NOSFERATU):
            self.assertEqual(answer(path)[0], 404, path)


class Recommendations(unittest.TestCase):
    def test_every_page_recommends_other_titles_than_similar(self):
        for pages in (FILMS, SERIES):
            for ident, page in pages.items():
                recommended = page["recommendations"]
                self.assertTrue({"page", "results", "total_pages", "total_results"} <= set(recommended))
                chosen = [item["id"] for item in recommended["results"]]
                self.assertTrue(5 <= len(chosen) <= 20, ident)
                self.assertTrue(set(chosen) <= set(pages) - {ident}, ident)
                self.assertNotEqual(chosen, [item["id"] for item in page["similar"]["results"]], ident)

    def test_a_director_s_other_films_come_first(self):
        murnau = FILMS[NOSFERATU]["recommendations"]["results"]
        directed = [i for i, p in FILMS.items() if i != NOSFERATU and
                    "F. W. Murnau" in [c["name"] for c in p["credits"]["crew"]]]
        self.assertEqual({item["id"] for item in murnau[:len(directed)]}, set(directed))

    def test_only_when_appended(self):
        self.assertNotIn("recommendations", movie(NOSFERATU))
        status, alone = answer("/3/movie/%d/recommendations" % NOSFERATU)
        self.assertEqual(alone["results"], FILMS[NOSFERATU]["recommendations"]["results"])


class Providers(unittest.TestCase):
    def test_the_services_of_france(self):
        offered = {}
        for phase in range(DYNAMIC["offers_phases"]):
            catalogue = pinned(phase)
            for media, pages in (("movie", film_pages(catalogue)), ("tv", series_pages(catalogue))):
                for page in pages.values():
                    for kind, services in french_offers(page).items():
                        offered.setdefault(media, set()).update(services)
        for media in ("movie", "tv"):
            status, body = answer("/3/watch/providers/" + media, "watch_region=FR&language=fr-FR")
            self.assertEqual(status, 200)
            results = body["results"]
            for entry in results:
                self.assertTrue({"provider_id", "provider_name", "logo_path", "display_priority",
                                 "display_priorities"} <= set(entry))
                self.assertEqual(entry["display_priority"], entry["display_priorities"]["FR"])
            priorities = [e["display_priority"] for e in results]
            self.assertEqual(priorities, sorted(priorities))
            self.assertEqual({e["provider_id"] for e in results}, offered[media], media)
        # Pages name a service with the list's priority and logo.
        listed = {e["provider_id"]: e for e in answer("/3/watch/providers/movie", "watch_region=FR")[1]["results"]}
        for page in FILMS.values():
            for entries in page["watch/providers"]["results"].get("FR", {}).values():
                for service in entries if isinstance(entries, list) else []:
                    self.assertEqual(service["display_priority"], listed[service["provider_id"]]["display_priority"])
                    self.assertEqual(service["logo_path"], listed[service["provider_id"]]["logo_path"])
        everywhere = answer("/3/watch/providers/movie")[1]["results"]
        self.assertGreater(len(everywhere), len(listed))
        self.assertEqual(answer("/3/watch/providers/movie", "watch_region=JP")[1]["results"], [])

    def test_every_kind_of_offer_exists_in_france(self):
        kinds = {kind for page in list(FILMS.values()) + list(SERIES.values()) for kind in french_offers(page)}
        self.assertEqual(kinds, set(tmdb_standin.OFFER_KINDS))


class InFrenchCinemas(unittest.TestCase):
    """now_playing and upcoming, and the film pages' French release, dated from today."""

    DAY = datetime.date(2031, 3, 15)

    def dated(self, catalogue, phase=0):
        """{id: (date, type)} of the films whose French release is dated from today."""
        found = {}
        for ident, entries in DYNAMIC["releases"].items():
            offsets = entries[0]["offsets"]
            date = catalogue.today() + datetime.timedelta(days=offsets[phase % len(offsets)])
            found[int(ident)] = (date.isoformat(), entries[0]["type"])
        return found

    def check(self, catalogue, phase=0):
        today = catalogue.today()
        dated = self.dated(catalogue, phase)
        pages = film_pages(catalogue)
        for ident, (date, kind) in dated.items():
            france = french_releases(pages[ident])
            self.assertEqual([(d["release_date"], d["type"]) for d in france], [(date + "T00:00:00.000Z", kind)])
        for ident, page in pages.items():
            if ident not in dated:
                self.assertTrue(all(d["release_date"].startswith(page["release_date"][:4])
                                    for d in french_releases(page)), ident)
        windows = {"now_playing": (today - datetime.timedelta(days=42), today),
                   "upcoming": (today + datetime.timedelta(days=1), today + datetime.timedelta(days=28))}
        for which, (low, high) in windows.items():
            status, body = get(catalogue, "/3/movie/" + which, "region=FR&language=fr-FR")
            self.assertEqual(status, 200)
            self.assertEqual(body["dates"], {"maximum": high.isoformat(), "minimum": low.isoformat()})
            expected = {ident for ident, (date, kind) in dated.items() if kind in (2, 3)
                        and low.isoformat() <= date <= high.isoformat()}
            self.assertTrue(expected, which)
            self.assertEqual({item["id"] for item in body["results"]}, expected, which)
            for item in body["results"]:
                self.assertEqual(item["release_date"], dated[item["id"]][0])
            popularity = [item["popularity"] for item in body["results"]]
            self.assertEqual(popularity, sorted(popularity, reverse=True))
            self.assertEqual(get(catalogue, "/3/movie/" + which, "region=US")[1]["results"], [])
        return dated

    def test_dates_follow_the_day(self):
        for today in (self.DAY, datetime.date(2027, 12, 31)):
            dated = self.check(pinned(today=today))
            dates = sorted(date for date, _ in dated.values())
            # Some films are out of both windows, and one has a limited release only.
            self.assertTrue(dates[0] < (today - datetime.timedelta(days=42)).isoformat())
            self.assertTrue(dates[-1] > (today + datetime.timedelta(days=28)).isoformat())
            self.assertIn(2, [kind for _, kind in dated.values()])

    def test_today_is_the_clock_s_day(self):
        moment = datetime.datetime(2030, 6, 1, 23, 30, tzinfo=datetime.timezone.utc).timestamp()
        catalogue = tmdb_standin.Catalogue(ROOT, clock=lambda: moment)
        catalogue.pinned_phase = 0
        self.assertEqual(catalogue.today(), datetime.date(2030, 6, 1))
        self.check(catalogue)
        real = datetime.datetime.now(datetime.timezone.utc).date().isoformat()
        self.assertIn(get(CATALOGUE, "/3/movie/now_playing", "region=FR")[1]["dates"]["maximum"], (real, tomorrow(real)))

    def test_a_film_opens_in_cinemas_as_the_phases_go(self):
        moving = [int(i) for i, entries in DYNAMIC["releases"].items() if len(set(entries[0]["offsets"])) > 1]
        self.assertTrue(moving)
        states = []
        for phase in range(DYNAMIC["offers_phases"]):
            self.check(pinned(phase, self.DAY), phase)
            playing = {i["id"] for i in get(pinned(phase, self.DAY), "/3/movie/now_playing", "region=FR")[1]["results"]}
            states.append(moving[0] in playing)
        self.assertEqual(set(states), {True, False})


class RotatingOffers(unittest.TestCase):
    """French offers that change with the phase, consistently on pages and in discover."""

    def test_each_phase_shows_its_state_and_nothing_else_moves(self):
        phases = DYNAMIC["offers_phases"]
        reference = None
        for phase in range(phases + 1):
            catalogue = pinned(phase)
            pages = {("movie", i): p for i, p in film_pages(catalogue).items()}
            pages.update({("tv", i): p for i, p in series_pages(catalogue).items()})
            for key, states in DYNAMIC["offers"].items():
                media, ident = key.split("/")
                page = pages[(media, int(ident))]
                state = states[phase % phases]
                self.assertEqual(page["watch/providers"]["results"].get("FR"), state, (key, phase))
                self.assertEqual(list(page["watch/providers"]["results"])[:1] == ["FR"], state is not None)
                offered = {p["provider_id"] for kind in tmdb_standin.OFFER_KINDS for p in (state or {}).get(kind, [])}
                for service, _ in PROVIDER_NAMES:
                    found = every_page(self, catalogue, "/3/discover/" + media,
                                       "watch_region=FR&with_watch_providers=%d" % service)
                    self.assertEqual(int(ident) in [item["id"] for item in found], service in offered,
                                     (key, phase, service))
            still = {key: page["watch/providers"] for key, page in pages.items()
                     if "%s/%d" % key not in DYNAMIC["offers"]}
            reference = reference or still
            self.assertEqual(still, reference, phase)

    def test_the_story_of_robin_hood(self):
        ident = ROTATING["Robin Hood"]
        flatrate = lambda phase: [p["provider_id"] for p in movie_in(phase, ident).get("flatrate", [])]
        self.assertEqual(flatrate(0), [9101])
        self.assertEqual(flatrate(1), [9101, 9102])          # arrives on Fondu Enchaîné
        self.assertEqual(flatrate(2), [9102])                # leaves Bobine
        self.assertEqual(flatrate(3), [])                    # leaves subscription…
        self.assertTrue(movie_in(3, ident).get("rent"))      # …and becomes rentable
        self.assertEqual(flatrate(4), flatrate(0))
        aurora = get(pinned(3), "/3/tv/%d" % ROTATING["Expedition Aurora"], FULL_TV)[1]
        self.assertNotIn("FR", aurora["watch/providers"]["results"])    # nowhere in France for a while
        self.assertIn("US", aurora["watch/providers"]["results"])

    def test_the_phase_follows_the_clock_and_its_period(self):
        catalogue = tmdb_standin.Catalogue(ROOT, offers_period=10, clock=lambda: 25.0)
        self.assertEqual(catalogue.phase(), 2)
        self.assertEqual(get(catalogue, "/3/movie/%d" % ROTATING["Robin Hood"], FULL_MOVIE)[1],
                         get(pinned(2), "/3/movie/%d" % ROTATING["Robin Hood"], FULL_MOVIE)[1])
        self.assertEqual(tmdb_standin.Catalogue(ROOT, offers_period=10, clock=lambda: 39.9).phase(), 3)


def movie_in(phase, ident):
    return get(pinned(phase), "/3/movie/%d" % ident, FULL_MOVIE)[1]["watch/providers"]["results"].get("FR", {})


class EscapedTitle(unittest.TestCase):
    TITLE = 'Le "Chat" & la <Souris>'

    def test_quotes_brackets_and_ampersand_survive_as_data(self):
        ident = next(i for i, p in FILMS.items() if p["title"] == self.TITLE)
        page = FILMS[ident]
        self.assertTrue(page["overview"].startswith("Titre inventé"))
        for text in (page["overview"], page["tagline"]):
            self.assertTrue(set('"<>&') <= set(text), text)
        raw = CATALOGUE.answer("/3/movie/%d" % ident, FULL_MOVIE)[1].decode()
        self.assertIn('"title":"Le \\"Chat\\" & la <Souris>"', raw)
        self.assertIn("<b>Relâche</b>", raw)
        found = [item["id"] for item in search("chat souris")[1]["results"]]
        self.assertIn(ident, found)
        self.assertEqual(search(self.TITLE)[1]["results"][0]["title"], self.TITLE)
        poster = os.path.join(IMAGES, page["poster_path"][1:])
        with open(poster, encoding="utf-8") as handle:
            svg = handle.read()
        self.assertIn("&lt;Souris&gt;", svg)
        self.assertIn("&amp;", svg)
        self.assertIn("Souris", "".join(ElementTree.parse(poster).getroot().itertext()))


class LetterboxdExport(unittest.TestCase):
    HEADERS = {
        "watched.csv": ["Date", "Name", "Year", "Letterboxd URI"],
        "watchlist.csv": ["Date", "Name", "Year", "Letterboxd URI"],
        "ratings.csv": ["Date", "Name", "Year", "Letterboxd URI", "Rating"],
        "diary.csv": ["Date", "Name", "Year", "Letterboxd URI", "Rating", "Rewatch", "Tags", "Watched Date"],
        "reviews.csv": ["Date", "Name", "Year", "Letterboxd URI", "Rating", "Rewatch", "Review", "Tags", "Watched Date"],
        "profile.csv": ["Date Joined", "Username", "Given Name", "Family Name", "Email Address", "Location", "Website",
                        "Bio", "Pronoun", "Favorite Films"],
    }
    UNKNOWN = "The Phantom Carriage"

    @classmethod
    def setUpClass(cls):
        cls.files = {}
        for name in cls.HEADERS:
            with open(os.path.join(LETTERBOXD, name), encoding="utf-8", newline="") as handle:
                cls.files[name] = list(csv.reader(handle))

    def rows(self, name):
        header, *rows = self.files[name]
        return [dict(zip(header, row)) for row in rows]

    def test_the_files_are_letterboxd_s(self):
        self.assertEqual(sorted(os.listdir(LETTERBOXD)), sorted(self.HEADERS))
        for name, header in self.HEADERS.items():
            self.assertEqual(self.files[name][0], header, name)
            for row in self.files[name][1:]:
                self.assertEqual(len(row), len(header), (name, row))
        for name in ("watched.csv", "watchlist.csv", "ratings.csv", "diary.csv", "reviews.csv"):
            for row in self.rows(name):
                datetime.date.fromisoformat(row["Date"])
                self.assertRegex(row["Year"], r"^(18|19|20)[0-9]{2}$")
                self.assertRegex(row["Letterboxd URI"], r"^https://boxd\.it/[0-9A-Za-z]+$")
                if row.get("Rating"):
                    self.assertIn(float(row["Rating"]), [x / 2 for x in range(1, 11)])
                if "Rewatch" in row:
                    self.assertIn(row["Rewatch"], ("", "Yes"))
                if "Watched Date" in row:
                    datetime.date.fromisoformat(row["Watched Date"])
        profile = self.rows("profile.csv")
        self.assertEqual(len(profile), 1)
        watched = {row["Letterboxd URI"] for row in self.rows("watched.csv")}
        self.assertTrue(set(profile[0]["Favorite Films"].split(", ")) <= watched)

    def test_it_has_what_an_import_must_handle(self):
        diary = self.rows("diary.csv")
        entries = [tuple(row.values()) for row in diary]
        self.assertLess(len(set(entries)), len(entries), "a duplicated row")
        rewatched = [row["Name"] for row in diary if row["Rewatch"] == "Yes"]
        self.assertTrue(rewatched and all(sum(r["Name"] == n for r in diary) > 1 for n in rewatched))
        names = {row["Name"] for name in ("watched.csv", "diary.csv") for row in self.rows(name)}
        self.assertTrue(any(any(ord(ch) > 127 for ch in n) for n in names), "accents")
        self.assertIn(EscapedTitle.TITLE, names)
        self.assertIn(self.UNKNOWN, names)
        self.assertTrue(any("\n" in row["Review"] for row in self.rows("reviews.csv")))
        self.assertTrue(any("," in row["Tags"] for row in diary))
        self.assertGreaterEqual(len(diary) + len(self.rows("watchlist.csv")), 25)

    def test_every_known_row_is_found_by_search(self):
        seen = {(row["Name"], row["Year"]) for name in self.HEADERS if name != "profile.csv" for row in self.rows(name)}
        self.assertGreaterEqual(len(seen), 25)
        for name, year in sorted(seen):
            results = search(name)[1]["results"]
            films = [i for i in results if i["media_type"] == "movie" and i["release_date"][:4] == year]
            by_year = get(CATALOGUE, "/3/search/movie", "query=%s&year=%s&language=fr-FR"
                          % (urllib.parse.quote(name), year))[1]["results"]
            if name == self.UNKNOWN:
                self.assertEqual([i for i in results if i["media_type"] == "movie" and i["title"] == name], [])
                self.assertEqual(by_year, [])
                continue
            self.assertTrue(films, name)
            self.assertEqual(films[0]["title"], name)
            self.assertEqual(by_year[0]["title"], name)
            self.assertNotIn("media_type", by_year[0])

    def test_the_zip_holds_the_files(self):
        with zipfile.ZipFile(EXPORT) as archive:
            self.assertEqual(sorted(archive.namelist()), sorted(self.HEADERS))
            for info in archive.infolist():
                with open(os.path.join(LETTERBOXD, info.filename), "rb") as handle:
                    self.assertEqual(archive.read(info), handle.read())
            self.assertIsNone(archive.testzip())
        with open(EXPORT, "rb") as handle, zipfile.ZipFile(io.BytesIO(handle.read())) as archive:
            self.assertEqual(archive.read("diary.csv").decode("utf-8").splitlines()[0],
                             ",".join(self.HEADERS["diary.csv"]))


def image_paths(value, found):
    if isinstance(value, dict):
        for key, inner in value.items():
            if key.endswith("_path") and key != "file_path":
                found.add(inner)
            else:
                image_paths(inner, found)
    elif isinstance(value, list):
        for inner in value:
            image_paths(inner, found)
    return found


class Images(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.paths = set()
        for directory, _, names in os.walk(ROOT):
            for name in names:
                with open(os.path.join(directory, name), encoding="utf-8") as handle:
                    image_paths(json.load(handle), cls.paths)

    def test_every_title_person_provider_and_network_has_an_image(self):
        self.assertNotIn(None, self.paths)
        kinds = {path.split("-")[0] for path in self.paths}
        self.assertEqual(kinds, {"/poster", "/backdrop", "/profile", "/logo"})

    def test_each_referenced_image_exists_with_its_size(self):
        ratios = {"poster": 2 / 3, "backdrop": 16 / 9, "profile": 2 / 3}
        for path in self.paths:
            self.assertRegex(path, r"^/[a-z0-9-]+\.svg$")
            root = ElementTree.parse(os.path.join(IMAGES, path[1:])).getroot()
            self.assertEqual(root.tag, "{http://www.w3.org/2000/svg}svg", path)
            width, height = int(root.get("width")), int(root.get("height"))
            self.assertTrue(width > 0 and height > 0, path)
            self.assertEqual(root.get("viewBox"), "0 0 %d %d" % (width, height), path)
            kind = path[1:].split("-")[0]
            if kind in ratios:
                self.assertAlmostEqual(width / height, ratios[kind], places=3, msg=path)

    def test_no_image_is_left_unreferenced(self):
        self.assertEqual({"/" + name for name in os.listdir(IMAGES)}, self.paths)

    def test_a_poster_carries_its_title_and_year_and_posters_differ(self):
        page = movie(METROPOLIS)
        texts = "".join(ElementTree.parse(os.path.join(IMAGES, page["poster_path"][1:])).getroot().itertext())
        self.assertIn("Metropolis", texts)
        self.assertIn("1927", texts)
        posters = []
        for ident in ids("movie") + ids("tv"):
            with open(os.path.join(IMAGES, "poster-%d.svg" % ident), "rb") as handle:
                posters.append(handle.read())
        self.assertEqual(len(set(posters)), len(posters))


class Generation(unittest.TestCase):
    def generate(self, into):
        subprocess.run([sys.executable, "-B", os.path.join(HERE, "generate.py"), "--out", into], check=True)

    def tree(self, top):
        files = {}
        for directory, _, names in os.walk(top):
            for name in names:
                with open(os.path.join(directory, name), "rb") as handle:
                    files[os.path.relpath(os.path.join(directory, name), top)] = handle.read()
        return files

    def test_generating_twice_gives_the_committed_files(self):
        with tempfile.TemporaryDirectory() as first, tempfile.TemporaryDirectory() as second:
            self.generate(first)
            self.generate(second)
            for part in ("tmdb", "images"):
                generated = self.tree(os.path.join(first, part))
                self.assertEqual(generated, self.tree(os.path.join(second, part)), "generate.py is not deterministic")
                committed = self.tree(os.path.join(HERE, part))
                self.assertEqual(sorted(generated), sorted(committed), "run python3 demo/generate.py")
                changed = [name for name in generated if generated[name] != committed[name]]
                self.assertEqual(changed, [], "run python3 demo/generate.py")
            with open(os.path.join(first, "letterboxd-export.zip"), "rb") as one, \
                    open(os.path.join(second, "letterboxd-export.zip"), "rb") as other, open(EXPORT, "rb") as committed:
                zipped = one.read()
                self.assertEqual(zipped, other.read(), "generate.py is not deterministic")
                self.assertEqual(zipped, committed.read(), "run python3 demo/generate.py")

    def test_a_removed_title_leaves_no_file_behind(self):
        with tempfile.TemporaryDirectory() as into:
            stale = os.path.join(into, "tmdb", "3", "movie", "1.json")
            os.makedirs(os.path.dirname(stale))
            open(stale, "w").close()
            self.generate(into)
            self.assertFalse(os.path.exists(stale))


class Process:
    """A server started for a test class on a free loopback port, stopped by its pid."""

    def __init__(self, command):
        self.directory = tempfile.TemporaryDirectory()
        port_file = os.path.join(self.directory.name, "port")
        self.process = subprocess.Popen(command + ["--port", "0", "--port-file", port_file])
        deadline = time.monotonic() + 20
        while not os.path.exists(port_file):
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("%s did not start" % command)
            time.sleep(0.05)
        with open(port_file) as handle:
            self.base = "http://127.0.0.1:%s" % handle.read()

    def get(self, path, headers=None):
        request = urllib.request.Request(self.base + path, headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read()

    def post(self, path, body):
        request = urllib.request.Request(self.base + path, data=json.dumps(body).encode(), method="POST")
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)
        self.directory.cleanup()


class StandInOverHttp(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Process([sys.executable, "-B", os.path.join(HERE, "tmdb_standin.py"), "--root", ROOT])

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def test_search_as_libcurl_escapes_it(self):
        status, headers, body = self.server.get("/3/search/multi?query=h%C3%A4x%20&include_adult=false&page=1"
                                                "&language=fr-FR")
        self.assertEqual((status, headers["Content-Type"]), (200, "application/json;charset=utf-8"))
        self.assertEqual([item["title"] for item in json.loads(body)["results"]], ["Häxan"])

    def test_pages_and_unknown_ids(self):
        status, _, body = self.server.get("/3/movie/%d?%s" % (NOSFERATU, MOVIE_QUERY))
        self.assertEqual((status, json.loads(body)["title"]), (200, "Nosferatu"))
        status, _, body = self.server.get("/3/tv/1?" + TV_QUERY)
        self.assertEqual((status, json.loads(body)["status_code"]), (404, 34))

    def test_lists_are_the_files_bytes(self):
        status, headers, body = self.server.get("/3/trending/movie/week?page=1&language=fr-FR")
        with open(os.path.join(ROOT, "3", "trending", "movie", "week.json"), "rb") as handle:
            self.assertEqual((status, body), (200, handle.read().rstrip(b"\n")))
        self.assertEqual(int(headers["Content-Length"]), len(body))


class FakeTmdbAnswersThroughTheStandIn(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.fake = Process([sys.executable, "-B", FAKE, "--fixtures", ROOT, "--api-key", "demo-test-key"])

    @classmethod
    def tearDownClass(cls):
        cls.fake.stop()

    def setUp(self):
        self.fake.post("/__control/reset", {})

    def test_same_answers_counted_and_keyed(self):
        path = "/3/search/multi?query=nosf&page=1&api_key=demo-test-key"
        status, _, body = self.fake.get(path)
        self.assertEqual((status, body), (200, CATALOGUE.answer("/3/search/multi", "query=nosf&page=1")[1]))
        self.assertEqual(self.fake.get("/3/search/multi?query=nosf")[0], 401)
        self.assertEqual(json.loads(self.fake.get("/__control/counts")[2]), {"/3/search/multi": 2})

    def offers(self, body):
        request = urllib.request.Request(self.fake.base + "/__control/offers", data=json.dumps(body).encode(),
                                         method="POST")
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.loads(response.read())

    def french_flatrate(self, ident):
        status, _, body = self.fake.get("/3/movie/%d?api_key=demo-test-key&append_to_response=watch/providers" % ident)
        france = json.loads(body)["watch/providers"]["results"].get("FR", {})
        return [p["provider_id"] for p in france.get("flatrate", [])]

    def test_the_offers_phase_starts_at_zero_is_set_advanced_and_reset(self):
        robin_hood = ROTATING["Robin Hood"]
        state = json.loads(self.fake.get("/__control/offers")[2])
        self.assertEqual(state, {"phase": 0, "pinned": True, "period": 600, "phases": 4})
        self.assertEqual(self.french_flatrate(robin_hood), [9101])
        self.assertEqual(self.offers({"phase": 1})["phase"], 1)
        self.assertEqual(self.french_flatrate(robin_hood), [9101, 9102])
        self.assertEqual(self.offers({"advance": 1})["phase"], 2)
        self.assertEqual(self.french_flatrate(robin_hood), [9102])
        for wrong in ({"phase": "soon"}, {"period": 0}, {"advance": None}):
            with self.assertRaises(urllib.error.HTTPError) as refused:
                self.offers(wrong)
            refused.exception.close()
            self.assertEqual(refused.exception.code, 400, wrong)
        self.assertEqual(json.loads(self.fake.get("/__control/offers")[2])["phase"], 2)
        status, _, body = self.fake.get("/3/discover/movie?api_key=demo-test-key&watch_region=FR"
                                        "&with_watch_providers=9101&with_watch_monetization_types=flatrate")
        self.assertNotIn(robin_hood, [item["id"] for item in json.loads(body)["results"]])
        # From the clock: a phase every half second, so it moves on its own.
        state = self.offers({"period": 0.5})
        self.assertFalse(state["pinned"])
        first = state["phase"]
        deadline = time.monotonic() + 10
        while json.loads(self.fake.get("/__control/offers")[2])["phase"] == first and time.monotonic() < deadline:
            time.sleep(0.1)
        self.assertNotEqual(json.loads(self.fake.get("/__control/offers")[2])["phase"], first)
        self.fake.post("/__control/reset", {})
        self.assertEqual(json.loads(self.fake.get("/__control/offers")[2]),
                         {"phase": 0, "pinned": True, "period": 600, "phases": 4})
        self.assertEqual(self.french_flatrate(robin_hood), [9101])

    def test_the_day_can_be_pinned(self):
        request = urllib.request.Request(self.fake.base + "/__control/today", data=b'{"date": "2031-03-15"}',
                                         method="POST")
        with urllib.request.urlopen(request, timeout=10) as response:
            self.assertEqual(json.loads(response.read()), {"today": "2031-03-15"})
        status, _, body = self.fake.get("/3/movie/now_playing?api_key=demo-test-key&region=FR")
        self.assertEqual(json.loads(body)["dates"], {"maximum": "2031-03-15", "minimum": "2031-02-01"})
        self.fake.post("/__control/reset", {})
        real = datetime.datetime.now(datetime.timezone.utc).date().isoformat()
        self.assertIn(json.loads(self.fake.get("/__control/today")[2])["today"], (real, tomorrow(real)))

    def test_not_found_mode_answers_one_path_with_404(self):
        self.fake.post("/__control/mode", {"mode": "not_found", "path": "/3/movie/%d" % NOSFERATU})
        status, _, body = self.fake.get("/3/movie/%d?api_key=demo-test-key" % NOSFERATU)
        self.assertEqual((status, json.loads(body)["status_code"]), (404, 34))
        self.assertEqual(self.fake.get("/3/movie/%d?api_key=demo-test-key" % METROPOLIS)[0], 200)


if __name__ == "__main__":
    unittest.main(verbosity=2)
