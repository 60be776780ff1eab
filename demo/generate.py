#!/usr/bin/env python3
"""Generates the offline demo catalogue from demo/titles.py:
  tmdb/3/…        TMDB v3 answers (the shapes of shared/spec/tmdb.md): the twenty lists, a page a
                  film (/movie/{id}) and a series (/tv/{id}) with every appended call, /configuration
                  and the genre lists;
  tmdb/search.json every searchable film, series and person, for demo/tmdb_standin.py;
  images/*.svg    posters, backdrops, portraits and logos (demo/artwork.py).
The same input gives the same bytes; files it no longer writes are removed.
Run: python3 demo/generate.py [--out DIR]   (DIR defaults to demo/)
"""
import argparse
import base64
import datetime
import hashlib
import json
import os

import artwork
from titles import FILMS, NETWORKS, PROVIDERS, REGION_PROVIDERS, SERIES

HERE = os.path.dirname(os.path.abspath(__file__))
FILM_IDS, SERIES_IDS, PERSON_IDS = 900000, 950000, 970000

MOVIE_GENRES = {28: "Action", 12: "Aventure", 16: "Animation", 35: "Comédie", 80: "Crime", 99: "Documentaire",
                18: "Drame", 10751: "Familial", 14: "Fantastique", 36: "Histoire", 27: "Horreur", 10402: "Musique",
                9648: "Mystère", 10749: "Romance", 878: "Science-Fiction", 53: "Thriller", 10752: "Guerre",
                37: "Western"}
TV_GENRES = {10759: "Action & Aventure", 16: "Animation", 35: "Comédie", 80: "Crime", 99: "Documentaire",
             18: "Drame", 10751: "Familial", 10762: "Enfants", 9648: "Mystère", 10763: "Actualités",
             10764: "Téléréalité", 10765: "Science-Fiction & Fantastique", 10766: "Feuilleton", 10767: "Talk-show",
             10768: "Guerre & Politique", 37: "Western"}
# The genres of the discover lists (contract.md), each with at least MINIMUM films.
LIST_GENRES = [28, 12, 16, 35, 80, 99, 18, 10751, 14, 36, 27, 10402, 9648, 10749, 878, 53, 10752, 37]
MINIMUM = 12

COUNTRIES = {"US": "États-Unis d'Amérique", "GB": "Royaume-Uni", "DE": "Allemagne", "FR": "France",
             "SU": "Union soviétique", "SE": "Suède", "DK": "Danemark", "IT": "Italie", "NL": "Pays-Bas",
             "JP": "Japon", "CH": "Suisse", "NO": "Norvège", "BE": "Belgique", "ES": "Espagne"}
LANGUAGES = {"en": ("English", "English"), "fr": ("French", "Français"), "de": ("German", "Deutsch"),
             "ru": ("Russian", "Русский"), "sv": ("Swedish", "svenska"), "da": ("Danish", "Dansk"),
             "it": ("Italian", "Italiano"), "nl": ("Dutch", "Nederlands"), "ja": ("Japanese", "日本語"),
             "no": ("Norwegian", "Norsk"), "es": ("Spanish", "Español")}
SERIES_LANGUAGES = {"FR": "fr", "BE": "fr", "CH": "fr", "JP": "ja", "DE": "de", "ES": "es", "IT": "it", "NO": "no"}

CONFIGURATION = {
    "change_keys": ["adult", "air_date", "also_known_as", "alternative_titles", "biography", "birthday", "budget",
                    "cast", "certifications", "character_names", "created_by", "crew", "deathday", "episode",
                    "episode_number", "episode_run_time", "general", "genres", "guest_stars", "homepage", "images",
                    "imdb_id", "languages", "name", "network", "origin_country", "original_name", "original_title",
                    "overview", "parts", "place_of_birth", "plot_keywords", "production_code",
                    "production_companies", "production_countries", "releases", "revenue", "runtime", "season",
                    "season_number", "season_regular", "spoken_languages", "status", "tagline", "title",
                    "translations", "type", "video", "videos"],
    # The demo's images are served by the site itself (nginx: /demo-images/<size>/<file>).
    "images": {"base_url": "/demo-images/", "secure_base_url": "/demo-images/",
               "backdrop_sizes": ["w300", "w780", "w1280", "original"],
               "logo_sizes": ["w45", "w92", "w154", "w185", "w300", "w500", "original"],
               "poster_sizes": ["w92", "w154", "w185", "w342", "w500", "w780", "original"],
               "profile_sizes": ["w45", "w185", "h632", "original"],
               "still_sizes": ["w92", "w185", "w300", "original"]},
}


def digest(*parts):
    return hashlib.sha256("|".join(str(part) for part in parts).encode()).digest()


def credit_id(*parts):
    return digest("credit", *parts).hex()[:24]


def youtube_key(*parts):
    """Invented: the demo never loads YouTube."""
    return base64.urlsafe_b64encode(digest("video", *parts)).decode()[:11]


def film_id(index):
    return FILM_IDS + index


def series_id(index):
    return SERIES_IDS + index


def film_popularity(index):
    return round(80.0 - index * 0.55, 3)


def series_popularity(index):
    return round(60.0 - index * 1.3, 3)


def title_popularity(title):
    media_type, index = title
    return film_popularity(index) if media_type == "movie" else series_popularity(index)


def film_item(index, media_type=False):
    film = FILMS[index]
    item = {
        "adult": False,
        "backdrop_path": f"/backdrop-{film_id(index)}.svg",
        "genre_ids": film["genres"],
        "id": film_id(index),
        "original_language": film["original_language"],
        "original_title": film["original_title"],
        "overview": film["overview"],
        "popularity": film_popularity(index),
        "poster_path": f"/poster-{film_id(index)}.svg",
        "release_date": f"{film['year']}-01-01",
        "title": film["title"],
        "video": False,
        "vote_average": round(6.0 + (index * 37 % 30) / 10.0, 1),
        "vote_count": 100 + index * 13,
    }
    if media_type:
        item["media_type"] = "movie"
    return item


def series_item(index, media_type=True):
    show = SERIES[index]
    item = {
        "adult": False,
        "backdrop_path": f"/backdrop-{series_id(index)}.svg",
        "genre_ids": show["genres"],
        "id": series_id(index),
        "origin_country": [show["country"]],
        "original_language": SERIES_LANGUAGES.get(show["country"], "en"),
        "original_name": show["original_name"],
        "overview": show["overview"],
        "popularity": series_popularity(index),
        "poster_path": f"/poster-{series_id(index)}.svg",
        "first_air_date": show["first_air_date"],
        "name": show["name"],
        "vote_average": round(7.0 + (index * 17 % 25) / 10.0, 1),
        "vote_count": 40 + index * 7,
    }
    if media_type:
        item["media_type"] = "tv"
    return item


def envelope(results, page=1):
    return {"page": page, "results": results, "total_pages": 1, "total_results": len(results)}


class People:
    """Everyone credited, an id each in order of first appearance, with what they did."""

    def __init__(self):
        self.ids = {}
        self.credits = {}  # id → [(department, media type, title index)]

    def credit(self, name, department, media_type, index):
        if name not in self.ids:
            self.ids[name] = PERSON_IDS + len(self.ids) + 1
            self.credits[self.ids[name]] = []
        person = self.ids[name]
        self.credits[person].append((department, media_type, index))
        return person

    def department(self, person):
        counts = {}
        for department, _, _ in self.credits[person]:
            counts[department] = counts.get(department, 0) + 1
        # Acting wins ties: actor-directors (Keaton, Chaplin) are known for their roles.
        order = ["Acting", "Directing", "Writing"]
        return max(order, key=lambda d: (counts.get(d, 0), -order.index(d)))

    def titles(self, person):
        """Each title once, the most popular first."""
        seen = []
        for _, media_type, index in self.credits[person]:
            if (media_type, index) not in seen:
                seen.append((media_type, index))
        return sorted(seen, key=lambda title: (-title_popularity(title), title))

    def popularity(self, person):
        titles = self.titles(person)
        return round(sum(map(title_popularity, titles)) / 8.0 + len(titles) * 0.5, 3)

    def summary(self, name):
        person = self.ids[name]
        return {"adult": False, "gender": 0, "id": person, "known_for_department": self.department(person),
                "name": name, "original_name": name, "popularity": self.popularity(person),
                "profile_path": f"/profile-{person}.svg"}

    def search_item(self, name):
        item = self.summary(name)
        item["known_for"] = [film_item(i, True) if kind == "movie" else series_item(i, True)
                             for kind, i in self.titles(item["id"])[:3]]
        item["media_type"] = "person"
        return item


def register_people():
    people = People()
    for index, film in enumerate(FILMS):
        for name in film["directors"]:
            people.credit(name, "Directing", "movie", index)
        for name, _ in film["cast"]:
            people.credit(name, "Acting", "movie", index)
    for index, show in enumerate(SERIES):
        for name in show["creators"]:
            people.credit(name, "Writing", "tv", index)
        for name, _ in show["cast"]:
            people.credit(name, "Acting", "tv", index)
    return people


# Trailers: each kind exercises one step of the page's trailer rule (contract.md: an official
# Trailer in the language, else in English, else a Teaser, else none).
VIDEO_KINDS = ["french trailer", "english trailer", "teaser only", "none", "extras only"]


def video(media, ident, number, language, kind, name, official=True):
    region = {"fr": "FR", "en": "US", "de": "DE", None: "US"}[language]
    month, day = 1 + (ident + number) % 12, 1 + (ident * 7 + number) % 28
    return {"iso_639_1": language, "iso_3166_1": region, "name": name, "key": youtube_key(media, ident, number),
            "site": "YouTube", "size": 1080, "type": kind, "official": official,
            "published_at": f"{2012 + (ident + number) % 12}-{month:02d}-{day:02d}T10:00:00.000Z",
            "id": digest("video id", media, ident, number).hex()[:24]}


def videos(media, ident, index, original_language):
    kind = VIDEO_KINDS[(index + 4) % len(VIDEO_KINDS)]
    v = lambda number, *rest, **named: video(media, ident, number, *rest, **named)
    results = {
        "french trailer": [v(1, "fr", "Teaser", "Teaser"), v(2, "fr", "Trailer", "Bande-annonce officielle"),
                           v(3, "en", "Trailer", "Official Trailer"), v(4, "fr", "Featurette", "Dans les coulisses")],
        "english trailer": [v(1, "fr", "Trailer", "Bande-annonce (montage amateur)", official=False),
                            v(2, "fr", "Teaser", "Teaser"), v(3, "en", "Trailer", "Official Trailer")],
        "teaser only": [v(1, None, "Clip", "Extrait sans paroles"),
                        v(2, "fr" if index % 2 else "en", "Teaser", "Teaser")],
        "none": [],
        "extras only": [v(1, "fr", "Featurette", "Making-of"), v(2, "en", "Clip", "Clip")],
    }[kind]
    if original_language == "de":
        # Asked for in fr, en and no language, a German trailer must not come back.
        results.insert(0, v(9, "de", "Trailer", "Offizieller Trailer"))
    return {"results": results}


# Watch providers: which regions and offers a title has, by pattern.
PROVIDER_PATTERNS = [
    {"FR": ("flatrate", "rent", "buy"), "US": ("flatrate", "rent", "buy"), "BE": ("flatrate",)},
    {"FR": ("flatrate",), "US": ("rent", "buy")},
    {"FR": ("rent", "buy"), "US": ("flatrate",)},
    {"FR": ("buy",), "US": ("rent",)},
    {"US": ("flatrate", "buy")},  # nothing in France
    {},                           # nowhere
]
PROVIDER_NAMES = dict(PROVIDERS)


def watch_providers(media, ident, index):
    dice = artwork.Dice(f"providers {media} {ident}")
    results = {}
    for region, offers in PROVIDER_PATTERNS[index % len(PROVIDER_PATTERNS)].items():
        entry = {"link": f"https://www.themoviedb.org/{media}/{ident}/watch?locale={region}"}
        for offer in offers:
            available = REGION_PROVIDERS[region][offer]
            count = min(len(available), dice.integer(1, 2))
            start = dice.integer(0, len(available) - 1)
            chosen = sorted((available[(start + i) % len(available)] for i in range(count)), key=available.index)
            entry[offer] = [{"logo_path": f"/logo-provider-{p}.svg", "provider_id": p,
                             "provider_name": PROVIDER_NAMES[p], "display_priority": available.index(p) + 1}
                            for p in chosen]
        results[region] = entry
    return {"results": results}


def certification(index, genres):
    if index % 5 == 2:
        return ""
    if 27 in genres:
        return "16" if index % 2 else "12"
    if 16 in genres or 10751 in genres:
        return "U"
    if {53, 80, 10752} & set(genres):
        return "12"
    return "U" if index % 3 else "10"


def release_dates(index, film):
    date = f"{film['year']}-01-01T00:00:00.000Z"
    entry = lambda cert, kind: {"certification": cert, "descriptors": [], "iso_639_1": "", "note": "",
                                "release_date": date, "type": kind}
    france = [entry(certification(index, film["genres"]), 3)]
    if index % 4 == 1:
        france.insert(0, entry("", 1))  # a premiere without certification comes first
    return {"results": [{"iso_3166_1": "FR", "release_dates": france},
                        {"iso_3166_1": "US", "release_dates": [entry("NR" if index % 3 else "", 3)]}]}


def similar(index, pool, genres_of, year_of, count):
    mine = set(genres_of(index))
    others = [j for j in range(pool) if j != index]
    others.sort(key=lambda j: (-len(mine & set(genres_of(j))), abs(year_of(j) - year_of(index)), j))
    return others[:count]


def film_page(index, people):
    film = FILMS[index]
    item = film_item(index)
    ident = item["id"]
    cast = []
    for order, (name, character) in enumerate(film["cast"]):
        entry = people.summary(name)
        entry.update({"cast_id": order + 1, "character": character, "credit_id": credit_id(ident, name, character),
                      "order": order})
        cast.append(entry)
    crew = []
    for name in film["directors"]:
        entry = people.summary(name)
        entry.update({"credit_id": credit_id(ident, name, "Director"), "department": "Directing", "job": "Director"})
        crew.append(entry)
    language = film["original_language"]
    chosen = similar(index, len(FILMS), lambda j: FILMS[j]["genres"], lambda j: FILMS[j]["year"], 6 + index % 7)
    page = {
        "adult": False,
        "backdrop_path": item["backdrop_path"],
        "belongs_to_collection": None,
        "budget": 0,
        "genres": [{"id": g, "name": MOVIE_GENRES[g]} for g in film["genres"]],
        "homepage": "",
        "id": ident,
        "imdb_id": None,
        "origin_country": [film["country"]],
        "original_language": language,
        "original_title": film["original_title"],
        "overview": film["overview"],
        "popularity": item["popularity"],
        "poster_path": item["poster_path"],
        "production_companies": [],
        "production_countries": [{"iso_3166_1": film["country"], "name": COUNTRIES[film["country"]]}],
        "release_date": item["release_date"],
        "revenue": 0,
        "runtime": film["runtime"],
        "spoken_languages": [{"english_name": LANGUAGES[language][0], "iso_639_1": language,
                              "name": LANGUAGES[language][1]}],
        "status": "Released",
        "tagline": film["tagline"],
        "title": film["title"],
        "video": False,
        "vote_average": item["vote_average"],
        "vote_count": item["vote_count"],
        "credits": {"cast": cast, "crew": crew},
        "videos": videos("movie", ident, index, language),
        "watch/providers": watch_providers("movie", ident, index),
        "similar": envelope([film_item(j) for j in chosen]),
        "release_dates": release_dates(index, film),
    }
    return page


def add_days(iso_date, days):
    return (datetime.date.fromisoformat(iso_date) + datetime.timedelta(days=days)).isoformat()


def series_page(index, people):
    show = SERIES[index]
    item = series_item(index, media_type=False)
    ident = item["id"]
    total = show["seasons"] * show["episodes"]
    cast = []
    for order, (name, roles) in enumerate(show["cast"]):
        if isinstance(roles, str):
            roles = [(roles, total)]
        entry = people.summary(name)
        entry.update({"roles": [{"credit_id": credit_id(ident, name, role), "character": role, "episode_count": count}
                                for role, count in roles],
                      "total_episode_count": min(total, sum(count for _, count in roles)), "order": order})
        cast.append(entry)
    crew = []
    for name in show["creators"]:
        entry = people.summary(name)
        entry.update({"department": "Writing", "jobs": [{"credit_id": credit_id(ident, name, "Writer"),
                                                         "job": "Writer", "episode_count": total}],
                      "total_episode_count": total})
        crew.append(entry)
    seasons = []
    for number in range(1, show["seasons"] + 1):
        seasons.append({"air_date": add_days(show["first_air_date"], 364 * (number - 1)),
                        "episode_count": show["episodes"], "id": ident * 100 + number, "name": f"Saison {number}",
                        "overview": "", "poster_path": item["poster_path"], "season_number": number,
                        "vote_average": round(7.0 + (index + number) % 20 / 10.0, 1)})
    last_air_date = add_days(seasons[-1]["air_date"], 7 * (show["episodes"] - 1))
    network = next(n for n in NETWORKS if n[1] == show["network"])
    country = show["country"]
    language = item["original_language"]
    ratings = [{"descriptors": [], "iso_3166_1": "US", "rating": "TV-14" if index % 2 else "TV-PG"}]
    if show["rating"] is not None:
        ratings.insert(0, {"descriptors": [], "iso_3166_1": "FR", "rating": show["rating"]})
    chosen = similar(index, len(SERIES), lambda j: SERIES[j]["genres"],
                     lambda j: int(SERIES[j]["first_air_date"][:4]), 6 + index % 5)
    page = {
        "adult": False,
        "backdrop_path": item["backdrop_path"],
        "created_by": [{"id": people.ids[name], "credit_id": credit_id(ident, name, "Creator"), "name": name,
                        "original_name": name, "gender": 0, "profile_path": f"/profile-{people.ids[name]}.svg"}
                       for name in show["creators"]],
        "episode_run_time": show["run_time"],
        "first_air_date": show["first_air_date"],
        "genres": [{"id": g, "name": TV_GENRES[g]} for g in show["genres"]],
        "homepage": "",
        "id": ident,
        "in_production": not show["ended"],
        "languages": [language],
        "last_air_date": last_air_date,
        "last_episode_to_air": {"id": ident * 1000 + total, "name": f"Épisode {show['episodes']}", "overview": "",
                                "air_date": last_air_date, "episode_number": show["episodes"],
                                "season_number": show["seasons"], "episode_type": "finale" if show["ended"] else "standard",
                                "runtime": show["run_time"][0] if show["run_time"] else None,
                                "show_id": ident, "still_path": item["backdrop_path"], "vote_average": 0.0,
                                "vote_count": 0},
        "name": show["name"],
        "next_episode_to_air": None,
        "networks": [{"id": network[0], "logo_path": f"/logo-network-{network[0]}.svg", "name": network[1],
                      "origin_country": network[2]}],
        "number_of_episodes": total,
        "number_of_seasons": show["seasons"],
        "origin_country": [country],
        "original_language": language,
        "original_name": show["original_name"],
        "overview": show["overview"],
        "popularity": item["popularity"],
        "poster_path": item["poster_path"],
        "production_companies": [],
        "production_countries": [{"iso_3166_1": country, "name": COUNTRIES[country]}],
        "seasons": seasons,
        "spoken_languages": [{"english_name": LANGUAGES[language][0], "iso_639_1": language,
                              "name": LANGUAGES[language][1]}],
        "status": "Ended" if show["ended"] else "Returning Series",
        "tagline": show["tagline"],
        "type": show["type"],
        "vote_average": item["vote_average"],
        "vote_count": item["vote_count"],
        "aggregate_credits": {"cast": cast, "crew": crew},
        "content_ratings": {"results": ratings},
        # Offset from the films' patterns so that series get every kind too.
        "videos": videos("tv", ident, index + 2, language),
        "watch/providers": watch_providers("tv", ident, index + 1),
        "similar": envelope([series_item(j, media_type=False) for j in chosen]),
    }
    return page


class Output:
    """Writes under a directory and, at the end, removes the generated files not written."""

    def __init__(self, root):
        self.root = os.path.abspath(root)
        self.written = set()

    def text(self, relative, content):
        path = os.path.join(self.root, relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(content)
        self.written.add(path)

    def json(self, relative, body):
        # Compact, as TMDB answers: the catalogue routes pass the `results` bytes through.
        self.text(relative, json.dumps(body, ensure_ascii=False, separators=(",", ":")) + "\n")

    def prune(self, relative, suffix):
        top = os.path.join(self.root, relative)
        for directory, _, files in os.walk(top, topdown=False):
            for name in files:
                path = os.path.join(directory, name)
                if name.endswith(suffix) and path not in self.written:
                    os.remove(path)
            if directory != top and not os.listdir(directory):
                os.rmdir(directory)


def generate(root):
    out = Output(root)
    people = register_people()

    indexed = range(len(FILMS))
    trending = [film_item(i, True) for i in indexed if FILMS[i]["year"] < 1929][:20]
    out.json("tmdb/3/trending/movie/week.json", envelope(trending))
    out.json("tmdb/3/trending/tv/week.json", envelope([series_item(i) for i in range(len(SERIES))]))
    for genre in LIST_GENRES:
        chosen = [film_item(i) for i in indexed if genre in FILMS[i]["genres"]]
        if len(chosen) < MINIMUM:
            raise SystemExit(f"genre {genre} has only {len(chosen)} films")
        out.json(f"tmdb/3/discover/movie/{genre}.json", envelope(chosen[:20]))

    for index in indexed:
        out.json(f"tmdb/3/movie/{film_id(index)}.json", film_page(index, people))
    for index in range(len(SERIES)):
        out.json(f"tmdb/3/tv/{series_id(index)}.json", series_page(index, people))
    out.json("tmdb/3/configuration.json", CONFIGURATION)
    out.json("tmdb/3/genre/movie/list.json", {"genres": [{"id": g, "name": v} for g, v in MOVIE_GENRES.items()]})
    out.json("tmdb/3/genre/tv/list.json", {"genres": [{"id": g, "name": v} for g, v in TV_GENRES.items()]})

    searchable = [film_item(i, True) for i in indexed] + [series_item(i) for i in range(len(SERIES))]
    searchable += [people.search_item(name) for name in people.ids]
    searchable.sort(key=lambda item: (-item["popularity"], item["id"]))
    out.json("tmdb/search.json", {"results": searchable})

    for index, film in enumerate(FILMS):
        out.text(f"images/poster-{film_id(index)}.svg", artwork.poster(film["title"], film["year"], film["genres"],
                                                                       film_id(index)))
        out.text(f"images/backdrop-{film_id(index)}.svg", artwork.backdrop(film["genres"], film_id(index)))
    for index, show in enumerate(SERIES):
        out.text(f"images/poster-{series_id(index)}.svg",
                 artwork.poster(show["name"], show["first_air_date"][:4], show["genres"], series_id(index), "SÉRIE"))
        out.text(f"images/backdrop-{series_id(index)}.svg", artwork.backdrop(show["genres"], series_id(index)))
    for name, person in people.ids.items():
        out.text(f"images/profile-{person}.svg", artwork.portrait(name, person))
    for provider, name in PROVIDERS:
        out.text(f"images/logo-provider-{provider}.svg", artwork.provider_logo(name, provider))
    for network, name, _ in NETWORKS:
        out.text(f"images/logo-network-{network}.svg", artwork.network_logo(name, network))

    out.prune("tmdb", ".json")
    out.prune("images", ".svg")


def main():
    parser = argparse.ArgumentParser(description="Generates the offline demo catalogue.")
    parser.add_argument("--out", default=HERE, help="directory receiving tmdb/ and images/ (default: demo/)")
    generate(parser.parse_args().out)


if __name__ == "__main__":
    main()
