#!/usr/bin/env python3
"""A stand-in for TMDB v3 answering from the demo catalogue (demo/tmdb/), loopback only.

    tmdb_standin.py [--port N] [--port-file FILE] [--root DIR] [--verbose]

Answers the calls the service makes, in TMDB's shapes (shared/spec/tmdb.md):
  /3/trending/{movie,tv}/week, /3/discover/movie?with_genres=N   the lists (any page: the same
                                                                 results, with that page number)
  /3/movie/{id}, /3/tv/{id}       the page, with only the appended calls asked for
                                  (append_to_response) and the videos of the asked languages
                                  (language, include_video_language); 404 status 34 if unknown
  /3/search/multi?query=Q         films, series and people whose title or name has a word
                                  starting with each word of Q (case and accents ignored), 20 a page
  /3/configuration, and any other DIR/3/<path>.json
Importable: Catalogue(root).answer(path, query) → (status, body bytes); the integration tests'
fake TMDB (tests/fake_tmdb/fake_tmdb.py) serves its normal answers through it.
"""
import argparse
import json
import math
import os
import re
import signal
import sys
import threading
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
APPENDED = {"movie": ("credits", "videos", "watch/providers", "similar", "release_dates"),
            "tv": ("aggregate_credits", "videos", "watch/providers", "similar", "content_ratings")}
LIST_PATHS = {"/3/trending/movie/week", "/3/trending/tv/week", "/3/discover/movie"}
APOSTROPHES = "'\u2019\u02bc"


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


class Catalogue:
    """Maps a request (path, raw query string) to TMDB's answer (status, JSON bytes)."""

    def __init__(self, root=os.path.join(HERE, "tmdb")):
        self.root = os.path.abspath(root)
        self.files = {}
        self.files_lock = threading.Lock()
        self.searchable = []
        index = os.path.join(self.root, "search.json")
        if os.path.isfile(index):
            with open(index, encoding="utf-8") as handle:
                for item in json.load(handle)["results"]:
                    names = [item.get(key, "") for key in ("title", "original_title", "name", "original_name")]
                    self.searchable.append((set().union(*(words(name) for name in names if name)), item))

    def answer(self, path, query=""):
        params = {key: values[0] for key, values in parse_qs(query, keep_blank_values=True).items()}
        if path == "/3/search/multi":
            return self.search(params)
        match = re.fullmatch(r"/3/(movie|tv)/([^/]+)", path)
        if match:
            return self.title_page(match.group(1), match.group(2), params)
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

    @staticmethod
    def page_number(params):
        """TMDB's page: 1 when absent, an error outside 1–500."""
        text = params.get("page", "1")
        if not re.fullmatch(r"[0-9]{1,3}", text) or not 1 <= int(text) <= 500:
            return None
        return int(text)

    def list_page(self, path, params):
        page = self.page_number(params)
        if page is None:
            return 400, encode(BAD_PAGE)
        if path == "/3/discover/movie":
            genre = params.get("with_genres", "")
            if not genre.isdigit():
                return 404, encode(NOT_FOUND)
            path += "/" + genre
        status, data = self.static(path)
        if status != 200 or page == 1:
            return status, data
        body = json.loads(data)
        body["page"] = page
        return 200, encode(body)

    def title_page(self, media_type, ident, params):
        if not ident.isdigit():
            return 404, encode(NOT_FOUND)
        data = self.read(f"3/{media_type}/{int(ident)}.json")
        if data is None:
            return 404, encode(NOT_FOUND)
        page = json.loads(data)
        asked = {name.strip() for name in params.get("append_to_response", "").split(",")}
        for name in APPENDED[media_type]:
            if name not in asked:
                del page[name]
        if "videos" in page:
            # TMDB returns the videos of `language` plus those of include_video_language
            # ("null": no language).
            languages = {params.get("language", "en-US").split("-")[0]}
            for language in params.get("include_video_language", "").split(","):
                if language.strip():
                    languages.add(None if language.strip() == "null" else language.strip())
            page["videos"]["results"] = [v for v in page["videos"]["results"] if v["iso_639_1"] in languages]
        return 200, encode(page)

    def search(self, params):
        page = self.page_number(params)
        if page is None:
            return 400, encode(BAD_PAGE)
        wanted = query_words(params.get("query", ""))
        if not wanted:
            return 200, encode(EMPTY_SEARCH)
        found = [item for title_words, item in self.searchable
                 if all(any(word.startswith(part) for word in title_words) for part in wanted)]
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
    parser.add_argument("--verbose", action="store_true", help="log every request")
    args = parser.parse_args()
    serve(Catalogue(args.root), args.port, args.port_file, args.verbose)


if __name__ == "__main__":
    main()
