#!/usr/bin/env python3
"""Generates the offline demo catalogue from demo/titles.py and demo/people.py:
  tmdb/3/…          TMDB v3 answers (the shapes of shared/spec/tmdb.md): the twenty lists, a page a
                    film (/movie/{id}) and a series (/tv/{id}) with every appended call, a page a
                    person (/person/{id}, with combined_credits), the sagas (/collection/{id}), the
                    services (/watch/providers/{movie,tv}), /configuration and the genre lists;
  tmdb/search.json  every searchable film, series and person, for demo/tmdb_standin.py;
  tmdb/index.json   what /discover filters and sorts on, a record a film and a series;
  tmdb/dynamic.json what the stand-in computes at answer time: French release dates relative
                    to today, and the French offers that change with the offers phase;
  images/*.svg      posters, backdrops, portraits and logos (demo/artwork.py);
  letterboxd-export.zip  demo/letterboxd/*.csv zipped as Letterboxd's "Export your data" does.
The same input gives the same bytes; files it no longer writes are removed.
Run: python3 demo/generate.py [--out DIR]   (DIR defaults to demo/)
"""
import argparse
import base64
import datetime
import hashlib
import io
import json
import os
import zipfile

import artwork
from people import PEOPLE
from titles import (COLLECTIONS, FILMS, FRENCH_NON_THEATRICAL, FRENCH_RELEASES, NETWORKS, OFFERS_PHASES, PROVIDERS,
                    REGION_PRIORITIES, REGION_PROVIDERS, ROTATING_OFFERS, SERIES)

HERE = os.path.dirname(os.path.abspath(__file__))
FILM_IDS, SERIES_IDS, PERSON_IDS, COLLECTION_IDS = 900000, 950000, 970000, 990000
# The size of the first catalogue (films, series): the people of titles added since get ids
# after all of its people, so that no id already handed out changes.
FIRST_EDITION = (133, 14)
LETTERBOXD_FILES = ["profile.csv", "diary.csv", "ratings.csv", "reviews.csv", "watched.csv", "watchlist.csv"]
# The moment the demo export was made (the zip entries' date).
LETTERBOXD_EXPORTED = (2026, 1, 15, 9, 30, 0)

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



FILM_INDEX = {film["title"]: index for index, film in enumerate(FILMS)}
SERIES_INDEX = {show["name"]: index for index, show in enumerate(SERIES)}
FRENCH_RELEASE = {FILM_INDEX[title]: {"offsets": offsets, "type": kind, "note": note, "certification": cert}
                  for title, offsets, kind, note, cert in FRENCH_RELEASES}
ROTATING = {(media, FILM_INDEX[title] if media == "movie" else SERIES_INDEX[title]): states
            for media, title, states in ROTATING_OFFERS}
COLLECTION_OF = {FILM_INDEX[title]: number for number, saga in enumerate(COLLECTIONS) for title in saga["parts"]}
OFFER_KINDS = ["flatrate", "rent", "buy", "free", "ads"]
PROVIDER_NAMES = dict(PROVIDERS)


def film_id(index):
    return FILM_IDS + index


def series_id(index):
    return SERIES_IDS + index


def collection_id(number):
    return COLLECTION_IDS + number + 1


def film_popularity(index):
    return round(80.0 - index * 0.55, 3)


def series_popularity(index):
    return round(60.0 - index * 1.3, 3)


def title_popularity(title):
    media_type, index = title
    return film_popularity(index) if media_type == "movie" else series_popularity(index)


def film_votes(index):
    votes = FILMS[index]["votes"]
    return votes if votes else (round(6.0 + (index * 37 % 30) / 10.0, 1), 100 + index * 13)


def invented(film):
    return film["overview"].startswith("Titre inventé")


def film_item(index, media_type=False):
    film = FILMS[index]
    average, count = film_votes(index)
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
        "vote_average": average,
        "vote_count": count,
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


def title_item(media_type, index, with_media_type=False):
    return film_item(index, with_media_type) if media_type == "movie" else series_item(index, with_media_type)


def title_year(media_type, index):
    return FILMS[index]["year"] if media_type == "movie" else int(SERIES[index]["first_air_date"][:4])


def title_name(media_type, index):
    return FILMS[index]["title"] if media_type == "movie" else SERIES[index]["name"]


def title_country(media_type, index):
    return FILMS[index]["country"] if media_type == "movie" else SERIES[index]["country"]


def envelope(results, page=1, total=None):
    total = len(results) if total is None else total
    return {"page": page, "results": results, "total_pages": max(1, -(-total // 20)), "total_results": total}


def series_roles(show, cast_roles):
    """A series cast member's roles as [(role, episode count)]: a plain role is every episode."""
    total = show["seasons"] * show["episodes"]
    return [(cast_roles, total)] if isinstance(cast_roles, str) else list(cast_roles)


class People:
    """Everyone credited, an id each in order of first appearance, with each of their roles."""

    def __init__(self):
        self.ids = {}
        self.credits = {}  # id → [{"media_type", "index", "department", "job" | "character", …}]

    def credit(self, name, media_type, index, **role):
        if name not in self.ids:
            self.ids[name] = PERSON_IDS + len(self.ids) + 1
            self.credits[self.ids[name]] = []
        person = self.ids[name]
        self.credits[person].append(dict(role, media_type=media_type, index=index))
        return person

    def department(self, person):
        # Counted a title each (a series creator is also its writer: one Writing credit).
        seen = {(c["media_type"], c["index"], "Writing" if c["department"] == "Creator" else c["department"])
                for c in self.credits[person]}
        counts = {}
        for _, _, department in seen:
            counts[department] = counts.get(department, 0) + 1
        # Acting wins ties: actor-directors (Keaton, Chaplin) are known for their roles.
        order = ["Acting", "Directing", "Writing"]
        return max(order, key=lambda d: (counts.get(d, 0), -order.index(d)))

    def titles(self, person):
        """Each title once, the most popular first."""
        seen = []
        for c in self.credits[person]:
            if (c["media_type"], c["index"]) not in seen:
                seen.append((c["media_type"], c["index"]))
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
        item["known_for"] = [title_item(kind, i, True) for kind, i in self.titles(item["id"])[:3]]
        item["media_type"] = "person"
        return item

    def real(self, person):
        """Credited in a film that exists (the others are the invented titles' and the series')."""
        return any(c["media_type"] == "movie" and not invented(FILMS[c["index"]]) for c in self.credits[person])


def register_people():
    people = People()

    def film_credits(index):
        ident = film_id(index)
        for name in FILMS[index]["directors"]:
            people.credit(name, "movie", index, department="Directing", job="Director",
                          credit_id=credit_id(ident, name, "Director"))
        for order, (name, character) in enumerate(FILMS[index]["cast"]):
            people.credit(name, "movie", index, department="Acting", character=character, order=order,
                          credit_id=credit_id(ident, name, character))

    def series_credits(index):
        show, ident = SERIES[index], series_id(index)
        total = show["seasons"] * show["episodes"]
        for name in show["creators"]:
            people.credit(name, "tv", index, department="Creator", job="Creator",
                          credit_id=credit_id(ident, name, "Creator"))
            people.credit(name, "tv", index, department="Writing", job="Writer", episode_count=total,
                          credit_id=credit_id(ident, name, "Writer"))
        for name, roles in show["cast"]:
            for role, count in series_roles(show, roles):
                people.credit(name, "tv", index, department="Acting", character=role, episode_count=count,
                              credit_id=credit_id(ident, name, role))

    first_films, first_series = FIRST_EDITION
    for films, shows in ((range(first_films), range(first_series)),
                         (range(first_films, len(FILMS)), range(first_series, len(SERIES)))):
        for index in films:
            film_credits(index)
        for index in shows:
            series_credits(index)
    return people


# Person pages. Real people's facts come from people.py; a real person without an entry there,
# and every invented person, get a biography drawn from their credits in the demo.
PRODUCTIONS = {"US": ("américaine", "américaines"), "GB": ("britannique", "britanniques"),
               "DE": ("allemande", "allemandes"), "FR": ("française", "françaises"),
               "SU": ("soviétique", "soviétiques"), "SE": ("suédoise", "suédoises"), "DK": ("danoise", "danoises"),
               "IT": ("italienne", "italiennes"), "NL": ("néerlandaise", "néerlandaises"),
               "JP": ("japonaise", "japonaises"), "CH": ("suisse", "suisses"), "NO": ("norvégienne", "norvégiennes"),
               "BE": ("belge", "belges"), "ES": ("espagnole", "espagnoles")}
TOWNS = {"FR": ["Lyon", "Bordeaux", "Lille", "Nantes", "Marseille", "Toulouse"], "GB": ["Bristol", "Leeds", "Penzance",
         "Édimbourg"], "US": ["Chicago", "Boston", "Denver", "Saint-Louis"], "JP": ["Kyoto", "Osaka"],
         "DE": ["Munich", "Hambourg"], "ES": ["Vigo", "Saint-Jacques-de-Compostelle"], "IT": ["Turin", "Bologne"],
         "NO": ["Bergen", "Tromsø"], "CH": ["Genève", "Lausanne"], "BE": ["Liège", "Namur"]}
COUNTRY_NAMES = {"FR": "France", "GB": "Royaume-Uni", "US": "États-Unis", "JP": "Japon", "DE": "Allemagne",
                 "ES": "Espagne", "IT": "Italie", "NO": "Norvège", "CH": "Suisse", "BE": "Belgique"}


def listing(parts):
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " et " + parts[-1]


def credits_sentences(credits):
    """What a person did in the demo, in French: "Réalisation de « X » (1921). Rôles : …"."""
    def label(c):
        return f"« {title_name(c['media_type'], c['index'])} » ({title_year(c['media_type'], c['index'])})"
    ordered = sorted(credits, key=lambda c: (title_year(c["media_type"], c["index"]), c["media_type"], c["index"]))
    sentences = []
    directed = [label(c) for c in ordered if c["department"] == "Directing"]
    created = [label(c) for c in ordered if c["department"] == "Creator"]
    # One role played in several titles is named once: "Fantômas dans « A » (1913) et « B » (1914)".
    characters = {}
    for c in ordered:
        if c["department"] == "Acting":
            characters.setdefault(c["character"], []).append(label(c))
    roles = [f"{character} dans {listing(labels)}" for character, labels in characters.items()]
    if directed:
        sentences.append("Réalisation : " + listing(directed) + ".")
    if created:
        sentences.append(("Création de la série " if len(created) == 1 else "Création des séries ")
                         + listing(created) + ".")
    if roles:
        sentences.append(("Rôle : " if len(roles) == 1 else "Rôles : ") + " ; ".join(roles) + ".")
    return sentences


def era_sentence(credits):
    titles = sorted({(c["media_type"], c["index"]) for c in credits})
    countries = []
    for title in sorted(titles, key=lambda t: title_year(*t)):
        if title_country(*title) not in countries:
            countries.append(title_country(*title))
    years = sorted(title_year(*title) for title in titles)
    kinds = "films" if all(media == "movie" for media, _ in titles) else "titres"
    if len(titles) == 1:
        noun = "Ce film est une production" if kinds == "films" else "Ce titre est une production"
        return f"{noun} {PRODUCTIONS[countries[0]][0]} de {years[0]}."
    adjectives = listing([PRODUCTIONS[country][1] for country in countries])
    span = f"de {years[0]}" if years[0] == years[-1] else f"tournées entre {years[0]} et {years[-1]}"
    return f"Ces {kinds} sont des productions {adjectives} {span}."


def invented_facts(people, person, name):
    credits = people.credits[person]
    first = min((title_year(c["media_type"], c["index"]), c["media_type"], c["index"]) for c in credits)
    country = title_country(first[1], first[2])
    dice = artwork.Dice(f"person {name}")
    born = first[0] - dice.integer(24, 44) if first[0] < 1950 else first[0] - dice.integer(25, 55)
    day = lambda year: f"{year}-{dice.integer(1, 12):02d}-{dice.integer(1, 28):02d}"
    birthday = day(born)
    deathday = day(min(2015, born + dice.integer(60, 90))) if first[0] < 1950 else None
    town = dice.pick(TOWNS.get(country, TOWNS["FR"]))
    place = f"{town}, {COUNTRY_NAMES.get(country, 'France')}"
    biography = " ".join([f"Personne inventée pour ce catalogue de démonstration, originaire de {town}."]
                         + credits_sentences(credits))
    return {"birthday": birthday, "deathday": deathday, "place_of_birth": place, "biography": biography}


def person_facts(people, name):
    person = people.ids[name]
    if not people.real(person):
        return invented_facts(people, person, name)
    if name in PEOPLE:
        return PEOPLE[name]
    credits = people.credits[person]
    return {"birthday": None, "deathday": None, "place_of_birth": None,
            "biography": " ".join(credits_sentences(credits) + [era_sentence(credits)])}


def combined_credits(people, person):
    cast, crew = [], []
    for c in people.credits[person]:
        item = title_item(c["media_type"], c["index"])
        if c["department"] == "Acting":
            item.update({"character": c["character"], "credit_id": c["credit_id"]})
            if c["media_type"] == "movie":
                item["order"] = c["order"]
            else:
                item.update({"episode_count": c["episode_count"], "first_credit_air_date": item["first_air_date"]})
            item["media_type"] = c["media_type"]
            cast.append(item)
        else:
            item.update({"credit_id": c["credit_id"], "department": c["department"], "job": c["job"]})
            if "episode_count" in c:
                item["episode_count"] = c["episode_count"]
            item["media_type"] = c["media_type"]
            crew.append(item)
    date = lambda item: item.get("release_date") or item.get("first_air_date")
    key = lambda item: (date(item), item["id"], item["credit_id"])
    return {"cast": sorted(cast, key=key), "crew": sorted(crew, key=key)}


def person_page(people, name):
    person = people.ids[name]
    facts = person_facts(people, name)
    return {"adult": False, "also_known_as": [], "biography": facts["biography"], "birthday": facts["birthday"],
            "deathday": facts["deathday"], "gender": 0, "homepage": None, "id": person, "imdb_id": None,
            "known_for_department": people.department(person), "name": name,
            "place_of_birth": facts["place_of_birth"], "popularity": people.popularity(person),
            "profile_path": f"/profile-{person}.svg", "combined_credits": combined_credits(people, person)}


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
FREE, ADS = REGION_PROVIDERS["FR"]["free"][0], REGION_PROVIDERS["FR"]["ads"][0]


def provider(region, ident):
    return {"logo_path": f"/logo-provider-{ident}.svg", "provider_id": ident, "provider_name": PROVIDER_NAMES[ident],
            "display_priority": REGION_PRIORITIES[region].index(ident) + 1}


def region_entry(media, ident, region, offers):
    """A region's offers as TMDB gives them: the link, then each kind, services by priority."""
    entry = {"link": f"https://www.themoviedb.org/{media}/{ident}/watch?locale={region}"}
    for kind in OFFER_KINDS:
        if offers.get(kind):
            entry[kind] = [provider(region, p) for p in sorted(offers[kind], key=REGION_PRIORITIES[region].index)]
    return entry


def watch_providers(media, ident, index, pattern):
    dice = artwork.Dice(f"providers {media} {ident}")
    offers_by_region = {}
    for region, kinds in PROVIDER_PATTERNS[pattern % len(PROVIDER_PATTERNS)].items():
        offers = {}
        for kind in kinds:
            available = REGION_PROVIDERS[region][kind]
            count = min(len(available), dice.integer(1, 2))
            start = dice.integer(0, len(available) - 1)
            offers[kind] = [available[(start + i) % len(available)] for i in range(count)]
        offers_by_region[region] = offers
    # Some titles offered in France are also free, or free with ads.
    if "FR" in offers_by_region:
        if pattern % 9 == 1:
            offers_by_region["FR"]["free"] = [FREE]
        if pattern % 9 == 5:
            offers_by_region["FR"]["ads"] = [ADS]
    rotating = ROTATING.get((media, index))
    if rotating is not None:
        # Phase 0's offers; the stand-in shows the phase of the moment.
        offers_by_region.pop("FR", None)
        if rotating[0]:
            offers_by_region = {"FR": rotating[0], **offers_by_region}
    return {"results": {region: region_entry(media, ident, region, offers)
                        for region, offers in offers_by_region.items()}}


def offer_ids(providers):
    """{region: {kind: [provider ids]}} of a page's watch/providers."""
    return {region: {kind: [p["provider_id"] for p in entry[kind]] for kind in OFFER_KINDS if kind in entry}
            for region, entry in providers["results"].items()}


def rotating_states(media, index):
    ident = film_id(index) if media == "movie" else series_id(index)
    return [region_entry(media, ident, "FR", state) if state else None for state in ROTATING[(media, index)]]


# French ratings (U: tous publics), in order.
FRENCH_RATINGS = ["U", "10", "12", "16", "18"]


def certification(index):
    film = FILMS[index]
    release = FRENCH_RELEASE.get(index)
    if release and release["certification"] is not None:
        return release["certification"]
    if film["certification"] is not None:
        return film["certification"]
    genres = film["genres"]
    if index % 5 == 2:
        return ""
    if 27 in genres:
        return "16" if index % 2 else "12"
    if 16 in genres or 10751 in genres:
        return "U"
    if {53, 80, 10752} & set(genres):
        return "12"
    return "U" if index % 3 else "10"


def release_entry(cert, kind, date, note=""):
    return {"certification": cert, "descriptors": [], "iso_639_1": "", "note": note, "release_date": date, "type": kind}


def release_dates(index, film):
    """On disk, every French release is historical (theatrical but for FRENCH_NON_THEATRICAL);
    for the films of FRENCH_RELEASES the stand-in puts their release relative to today in its
    place (dynamic.json)."""
    date = f"{film['year']}-01-01T00:00:00.000Z"
    france = [release_entry(certification(index), FRENCH_NON_THEATRICAL.get(film["title"], 3), date)]
    if index % 4 == 1 and index not in FRENCH_RELEASE and film["title"] not in FRENCH_NON_THEATRICAL:
        france.insert(0, release_entry("", 1, date))  # a premiere without certification comes first
    return {"results": [{"iso_3166_1": "FR", "release_dates": france},
                        {"iso_3166_1": "US", "release_dates": [release_entry("NR" if index % 3 else "", 3, date)]}]}


def dated_releases(index):
    """The French release of a film of FRENCH_RELEASES, its dates as offsets from today."""
    release = FRENCH_RELEASE[index]
    return [{"certification": certification(index), "descriptors": [], "iso_639_1": "", "note": release["note"],
             "offsets": release["offsets"], "type": release["type"]}]


def similar(index, pool, genres_of, year_of, count):
    mine = set(genres_of(index))
    others = [j for j in range(pool) if j != index]
    others.sort(key=lambda j: (-len(mine & set(genres_of(j))), abs(year_of(j) - year_of(index)), j))
    return others[:count]


def film_people(index):
    return set(FILMS[index]["directors"]) | {name for name, _ in FILMS[index]["cast"]}


def film_recommendations(index):
    """Not similar's genres: the same director first, then shared cast, then the same years."""
    film, mine = FILMS[index], film_people(index)
    directors = set(film["directors"])
    others = [j for j in range(len(FILMS)) if j != index]
    others.sort(key=lambda j: (not directors & set(FILMS[j]["directors"]), -len(mine & film_people(j)),
                               abs(FILMS[j]["year"] - film["year"]), -film_popularity(j), j))
    return others[:8 + index % 5]


def series_people(index):
    show = SERIES[index]
    return set(show["creators"]) | {name for name, _ in show["cast"]}


def series_recommendations(index):
    """Not similar's genres: shared creators and cast first, then the same network, the same
    country, then the best rated."""
    show, mine = SERIES[index], series_people(index)
    others = [j for j in range(len(SERIES)) if j != index]
    others.sort(key=lambda j: (-len(mine & series_people(j)), SERIES[j]["network"] != show["network"],
                               SERIES[j]["country"] != show["country"], -series_item(j)["vote_average"], j))
    return others[:5 + index % 4]


def collection_summary(number):
    ident = collection_id(number)
    return {"id": ident, "name": COLLECTIONS[number]["name"], "poster_path": f"/poster-{ident}.svg",
            "backdrop_path": f"/backdrop-{ident}.svg"}


def collection_page(number):
    saga = COLLECTIONS[number]
    parts = sorted((FILM_INDEX[title] for title in saga["parts"]), key=lambda i: (film_item(i)["release_date"], i))
    page = collection_summary(number)
    return {"id": page["id"], "name": page["name"], "overview": saga["overview"], "poster_path": page["poster_path"],
            "backdrop_path": page["backdrop_path"], "parts": [film_item(i, True) for i in parts]}


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
        "belongs_to_collection": collection_summary(COLLECTION_OF[index]) if index in COLLECTION_OF else None,
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
        "watch/providers": watch_providers("movie", ident, index, index),
        "similar": envelope([film_item(j) for j in chosen]),
        "recommendations": envelope([film_item(j) for j in film_recommendations(index)]),
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
        roles = series_roles(show, roles)
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
        "watch/providers": watch_providers("tv", ident, index, index + 1),
        "similar": envelope([series_item(j, media_type=False) for j in chosen]),
        "recommendations": envelope([series_item(j, media_type=False) for j in series_recommendations(index)]),
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

    def binary(self, relative, content):
        path = os.path.join(self.root, relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as handle:
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


def letterboxd_zip():
    """demo/letterboxd/*.csv as Letterboxd's export ZIP: the files at the top, a fixed date,
    stored (not deflated, so that the bytes are the same with any zlib)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for name in LETTERBOXD_FILES:
            with open(os.path.join(HERE, "letterboxd", name), "rb") as handle:
                content = handle.read()
            info = zipfile.ZipInfo(name, date_time=LETTERBOXD_EXPORTED)
            info.create_system = 3
            info.external_attr = 0o644 << 16
            archive.writestr(info, content)
    return buffer.getvalue()


def discover_records(people):
    """tmdb/index.json: for each title, its list item and what /discover filters on."""
    def releases(page):
        return {entry["iso_3166_1"]: [[d["release_date"][:10], d["type"]] for d in entry["release_dates"]]
                for entry in page["release_dates"]["results"]}

    def certifications(page):
        found = {}
        for entry in page["release_dates"]["results"]:
            ratings = [d["certification"] for d in entry["release_dates"] if d["certification"]]
            found[entry["iso_3166_1"]] = ratings[0] if ratings else ""
        return found

    movies = []
    for index, film in enumerate(FILMS):
        page = film_page(index, people)
        movies.append({"id": film_id(index), "item": film_item(index), "runtime": film["runtime"],
                       "certifications": certifications(page), "releases": releases(page),
                       "offers": offer_ids(page["watch/providers"]),
                       "cast": [people.ids[name] for name, _ in film["cast"]],
                       "crew": [people.ids[name] for name in film["directors"]]})
    shows = []
    for index, show in enumerate(SERIES):
        page = series_page(index, people)
        shows.append({"id": series_id(index), "item": series_item(index, media_type=False),
                      "runtime": show["run_time"], "offers": offer_ids(page["watch/providers"]),
                      "cast": [people.ids[name] for name, _ in show["cast"]],
                      "crew": [people.ids[name] for name in show["creators"]]})
    return {"movie": movies, "tv": shows}


def provider_list(pages):
    """/watch/providers/{movie,tv}: the services the kind's pages name (in any phase), with their
    display priority in each region they serve."""
    named = set()
    for page in pages:
        for entry in page["watch/providers"]["results"].values():
            for kind in OFFER_KINDS:
                named.update(p["provider_id"] for p in entry.get(kind, []))
    results = []
    for ident, name in PROVIDERS:
        if ident in named:
            priorities = {region: order.index(ident) + 1 for region, order in REGION_PRIORITIES.items()
                          if ident in order}
            results.append({"display_priorities": priorities, "display_priority": min(priorities.values()),
                            "logo_path": f"/logo-provider-{ident}.svg", "provider_name": name, "provider_id": ident})
    return {"results": results}


def generate(root):
    out = Output(root)
    people = register_people()

    indexed = range(len(FILMS))
    trending = [film_item(i, True) for i in indexed if FILMS[i]["year"] < 1929][:20]
    out.json("tmdb/3/trending/movie/week.json", envelope(trending))
    out.json("tmdb/3/trending/tv/week.json", envelope([series_item(i) for i in range(len(SERIES))]))
    # The home rows' lists: page 1 of /discover/movie?with_genres=N, the stand-in's own answer
    # (by popularity, which follows the catalogue's order).
    for genre in LIST_GENRES:
        chosen = [film_item(i) for i in indexed if genre in FILMS[i]["genres"]]
        if len(chosen) < MINIMUM:
            raise SystemExit(f"genre {genre} has only {len(chosen)} films")
        out.json(f"tmdb/3/discover/movie/{genre}.json", envelope(chosen[:20], total=len(chosen)))

    film_pages = [film_page(index, people) for index in indexed]
    series_pages = [series_page(index, people) for index in range(len(SERIES))]
    for index, page in enumerate(film_pages):
        out.json(f"tmdb/3/movie/{film_id(index)}.json", page)
    for index, page in enumerate(series_pages):
        out.json(f"tmdb/3/tv/{series_id(index)}.json", page)
    for name in people.ids:
        out.json(f"tmdb/3/person/{people.ids[name]}.json", person_page(people, name))
    for number in range(len(COLLECTIONS)):
        out.json(f"tmdb/3/collection/{collection_id(number)}.json", collection_page(number))
    # Every phase's offers count: a service a rotating title reaches only later is listed too.
    rotated = {kind: [{"watch/providers": {"results": {"FR": state}}} for media, index in sorted(ROTATING)
                      if media == kind for state in rotating_states(media, index) if state]
               for kind in ("movie", "tv")}
    out.json("tmdb/3/watch/providers/movie.json", provider_list(film_pages + rotated["movie"]))
    out.json("tmdb/3/watch/providers/tv.json", provider_list(series_pages + rotated["tv"]))
    out.json("tmdb/3/configuration.json", CONFIGURATION)
    out.json("tmdb/3/genre/movie/list.json", {"genres": [{"id": g, "name": v} for g, v in MOVIE_GENRES.items()]})
    out.json("tmdb/3/genre/tv/list.json", {"genres": [{"id": g, "name": v} for g, v in TV_GENRES.items()]})

    searchable = [film_item(i, True) for i in indexed] + [series_item(i) for i in range(len(SERIES))]
    searchable += [people.search_item(name) for name in people.ids]
    searchable.sort(key=lambda item: (-item["popularity"], item["id"]))
    out.json("tmdb/search.json", {"results": searchable})
    out.json("tmdb/index.json", discover_records(people))
    out.json("tmdb/dynamic.json", {
        "offers_phases": OFFERS_PHASES,
        "releases": {str(film_id(index)): dated_releases(index) for index in sorted(FRENCH_RELEASE)},
        "offers": {f"{media}/{film_id(index) if media == 'movie' else series_id(index)}": rotating_states(media, index)
                   for media, index in sorted(ROTATING)},
    })

    for index, film in enumerate(FILMS):
        out.text(f"images/poster-{film_id(index)}.svg", artwork.poster(film["title"], film["year"], film["genres"],
                                                                       film_id(index)))
        out.text(f"images/backdrop-{film_id(index)}.svg", artwork.backdrop(film["genres"], film_id(index)))
    for index, show in enumerate(SERIES):
        out.text(f"images/poster-{series_id(index)}.svg",
                 artwork.poster(show["name"], show["first_air_date"][:4], show["genres"], series_id(index), "SÉRIE"))
        out.text(f"images/backdrop-{series_id(index)}.svg", artwork.backdrop(show["genres"], series_id(index)))
    for number, saga in enumerate(COLLECTIONS):
        years = sorted(FILMS[FILM_INDEX[title]]["year"] for title in saga["parts"])
        span = str(years[0]) if years[0] == years[-1] else f"{years[0]}–{years[-1]}"
        out.text(f"images/poster-{collection_id(number)}.svg",
                 artwork.poster(saga["name"].replace(" - Saga", ""), span, saga["genres"], collection_id(number),
                                "SAGA"))
        out.text(f"images/backdrop-{collection_id(number)}.svg", artwork.backdrop(saga["genres"], collection_id(number)))
    for name, person in people.ids.items():
        out.text(f"images/profile-{person}.svg", artwork.portrait(name, person))
    for provider_id, name in PROVIDERS:
        out.text(f"images/logo-provider-{provider_id}.svg", artwork.provider_logo(name, provider_id))
    for network, name, _ in NETWORKS:
        out.text(f"images/logo-network-{network}.svg", artwork.network_logo(name, network))
    out.binary("letterboxd-export.zip", letterboxd_zip())

    out.prune("tmdb", ".json")
    out.prune("images", ".svg")


def main():
    parser = argparse.ArgumentParser(description="Generates the offline demo catalogue.")
    parser.add_argument("--out", default=HERE, help="directory receiving tmdb/, images/ and the Letterboxd "
                                                    "export (default: demo/)")
    generate(parser.parse_args().out)


if __name__ == "__main__":
    main()
