#!/usr/bin/env python3
"""The demo catalogue and its TMDB stand-in: search, the shapes of film and series pages
(shared/spec/tmdb.md), unknown ids, the artwork every answer points at, generate.py's
determinism, and the integration tests' fake TMDB answering through the same module.
Run: python3 demo/test_standin.py   (ctest: `demo`)
"""
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
CATALOGUE = tmdb_standin.Catalogue(ROOT)


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

    def test_lists_answer_any_page_with_the_same_results(self):
        status, first = answer("/3/discover/movie", "with_genres=37&language=fr-FR")
        status, second = answer("/3/discover/movie", "with_genres=37&page=2&language=fr-FR")
        self.assertEqual((status, second["page"], second["results"]), (200, 2, first["results"]))
        self.assertEqual(answer("/3/discover/movie", "with_genres=1")[0], 404)
        self.assertEqual(answer("/3/trending/movie/week", "page=501")[0], 400)

    def test_configuration(self):
        status, body = answer("/3/configuration")
        images = body["images"]
        self.assertEqual(status, 200)
        for key in ("secure_base_url", "poster_sizes", "backdrop_sizes", "profile_sizes", "logo_sizes"):
            self.assertIn(key, images)
        self.assertIn("w342", images["poster_sizes"])
        self.assertIsInstance(body["change_keys"], list)


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

    def test_not_found_mode_answers_one_path_with_404(self):
        self.fake.post("/__control/mode", {"mode": "not_found", "path": "/3/movie/%d" % NOSFERATU})
        status, _, body = self.fake.get("/3/movie/%d?api_key=demo-test-key" % NOSFERATU)
        self.assertEqual((status, json.loads(body)["status_code"]), (404, 34))
        self.assertEqual(self.fake.get("/3/movie/%d?api_key=demo-test-key" % METROPOLIS)[0], 200)


if __name__ == "__main__":
    unittest.main(verbosity=2)
