#!/usr/bin/env python3
"""Generates the offline demo catalogue in demo/tmdb/3/ (TMDB v3 answer shapes).

Titles are public-domain films (US releases before 1929, or films whose copyright lapsed)
or invented for this demo. No poster or backdrop paths: the demo references no image it
does not own, and the web client shows a placeholder instead.
Run: python3 demo/generate.py
"""
import json
import os

# (title, year, genre ids, overview). Public-domain films.
FILMS = [
    ("A Trip to the Moon", 1902, [878, 12, 14], "Des astronomes s'envolent vers la Lune dans un obus et y rencontrent les Sélénites."),
    ("The Great Train Robbery", 1903, [37, 80, 28], "A gang holds up a steam train and the posse rides after them."),
    ("The Birth of a Nation", 1915, [18, 36, 10752], "A historical epic of the Civil War era, remembered today as much for its controversy as its craft."),
    ("Intolerance", 1916, [18, 36], "Four stories across the ages are woven together around one theme."),
    ("The Cabinet of Dr. Caligari", 1920, [27, 9648, 53], "A fairground hypnotist and his somnambulist are suspected of a series of murders."),
    ("The Kid", 1921, [35, 18, 10751], "A tramp takes in an abandoned child and raises him as his own."),
    ("Nosferatu", 1922, [27, 14], "Un agent immobilier se rend dans les Carpates chez le comte Orlok."),
    ("Nanook of the North", 1922, [99], "A year in the life of an Inuit family on the shores of Hudson Bay."),
    ("Safety Last!", 1923, [35, 28, 10749], "A shop clerk climbs the outside of a department store to win his sweetheart."),
    ("Our Hospitality", 1923, [35, 10749, 12], "A young man returns home and falls in love with the daughter of a feuding family."),
    ("Sherlock Jr.", 1924, [35, 9648, 14], "A cinema projectionist dreams himself into the detective film he is showing."),
    ("The Thief of Bagdad", 1924, [28, 12, 14, 10749], "A thief wins the heart of a princess and a flying carpet along the way."),
    ("Greed", 1924, [18, 53], "A dentist and his wife are undone by a lottery win."),
    ("The Phantom of the Opera", 1925, [27, 10402, 18], "A masked figure haunts the Paris Opera and the soprano he adores."),
    ("The Gold Rush", 1925, [35, 12, 10751], "A lone prospector braves the Klondike, a blizzard and a hungry partner."),
    ("Battleship Potemkin", 1925, [18, 36, 10752], "Sailors mutiny over rotten rations, and Odessa rises with them."),
    ("The Lost World", 1925, [28, 12, 878, 14], "An expedition finds dinosaurs alive on a South American plateau."),
    ("Seven Chances", 1925, [35, 10749], "A man must marry by seven o'clock to inherit a fortune."),
    ("The General", 1926, [35, 28, 10752], "A locomotive engineer chases his stolen engine across enemy lines."),
    ("The Lodger", 1927, [53, 9648, 80], "A mysterious tenant arrives in London while a killer stalks the fog."),
    ("Metropolis", 1927, [878, 18], "Dans une ville futuriste, le fils du maître s'éprend d'une femme du peuple d'en bas."),
    ("Wings", 1927, [28, 10752, 18, 10749], "Two pilots, rivals in love, fly together over the Western Front."),
    ("Sunrise", 1927, [18, 10749], "A farmer tempted by a woman from the city rediscovers his wife."),
    ("The Jazz Singer", 1927, [10402, 18], "A cantor's son chooses the stage and the songs of his time."),
    ("It", 1927, [35, 10749], "A shop girl with a certain something sets her cap at the owner."),
    ("Steamboat Bill, Jr.", 1928, [28, 35, 12], "A college boy joins his father's riverboat just as a cyclone strikes."),
    ("The Passion of Joan of Arc", 1928, [18, 36], "Le procès de Jeanne d'Arc, filmé au plus près des visages."),
    ("The Man Who Laughs", 1928, [18, 10749, 27], "A man whose face was carved into a permanent grin finds love."),
    ("Speedy", 1928, [35, 28], "A baseball-mad soda jerk saves New York's last horse-drawn streetcar."),
    ("The Wind", 1928, [18, 37], "A young woman from Virginia struggles against the endless prairie wind."),
    ("Night of the Living Dead", 1968, [27, 53], "Strangers barricade themselves in a farmhouse as the dead walk."),
    ("His Girl Friday", 1940, [35, 10749], "An editor schemes to keep his star reporter, who is also his ex-wife."),
    ("Charade", 1963, [9648, 53, 10749, 35], "Une veuve parisienne est poursuivie par ceux qui cherchent l'or de son mari."),
    ("Detour", 1945, [80, 53], "A hitchhiking pianist falls into a fatal chain of chance."),
    ("The Little Shop of Horrors", 1960, [35, 27], "A florist's assistant raises a plant with an appetite for people."),
    ("Carnival of Souls", 1962, [27, 9648], "After a car accident, a church organist is drawn to a deserted pavilion."),
    ("Plan 9 from Outer Space", 1957, [878, 27], "Aliens raise the dead to stop humanity from building a doomsday weapon."),
    ("Reefer Madness", 1936, [18], "A cautionary tale that became an unintended comedy."),
    ("The Stranger", 1946, [53, 80, 18], "A war crimes investigator tracks a fugitive to a quiet Connecticut town."),
    ("Scarlet Street", 1945, [80, 18, 53], "A meek cashier and painter is ruined by a grifter and her lover."),
    ("McLintock!", 1963, [37, 35], "A cattle baron's estranged wife returns to town."),
    ("Angel and the Badman", 1947, [37, 10749], "A wounded gunfighter is nursed back to health by a Quaker family."),
    ("The Terror", 1963, [27, 9648], "A French officer follows a ghostly woman to a baron's castle."),
    ("Dementia 13", 1963, [27, 53], "A family gathering at an Irish castle turns murderous."),
    ("Santa Claus Conquers the Martians", 1964, [10751, 878, 35], "Martians kidnap Santa so that their children can have Christmas."),
    ("Jack and the Beanstalk", 1952, [10751, 14, 35], "A babysitter dreams a comic version of the fairy tale."),
    ("Gulliver's Travels", 1939, [16, 10751, 12], "A shipwrecked sailor wakes among the tiny people of Lilliput."),
    ("Superman: The Mechanical Monsters", 1941, [16, 28, 878], "Giant robots rob the banks of Metropolis."),
    ("Felix the Cat: Felix in Hollywood", 1923, [16, 35], "The cartoon cat tries his luck in the film capital."),
    ("Steamboat Days", 1928, [16, 10402], "Invented title: an animated riverboat sings its way down the Mississippi."),
    ("Le Royaume des fées", 1903, [16, 14, 878], "Un prince traverse mers et nuages pour délivrer une princesse."),
    ("Grass", 1925, [99, 12], "The migration of the Bakhtiari people across rivers and mountains."),
    ("Man with a Movie Camera", 1929, [99], "A day in the life of Soviet cities, seen by a roaming camera."),
    ("Manhatta", 1921, [99], "A city symphony of lower Manhattan, framed by Whitman's verse."),
    ("Rain", 1929, [99], "A summer shower falls on Amsterdam."),
    ("Battle of the Somme", 1916, [99, 10752, 36], "Footage filmed on the Western Front during the offensive."),
    ("In the Land of the Head Hunters", 1914, [99, 36], "A staged drama of Kwakwaka'wakw life on the Pacific coast."),
    ("Why We Fight: Prelude to War", 1942, [99, 10752, 36], "A wartime documentary on the road to global conflict."),
    ("Der Golem", 1920, [27, 14], "A rabbi brings a clay giant to life to protect the ghetto of Prague."),
    ("Häxan", 1922, [99, 27, 36], "A study of witchcraft through the ages, part essay, part nightmare."),
    ("The Hunchback of Notre Dame", 1923, [18, 27, 10749], "Quasimodo, the bell-ringer of Notre-Dame, and the dancer Esmeralda."),
    ("Robin Hood", 1922, [12, 28, 10749], "The Earl of Huntingdon becomes the outlaw of Sherwood."),
    ("The Mark of Zorro", 1920, [12, 28, 37], "A fop by day and a masked swordsman by night."),
    ("The Black Pirate", 1926, [12, 28], "A nobleman joins pirates to avenge his father."),
    ("The Navigator", 1924, [28, 35, 12], "Two rich heirs drift alone aboard an empty ocean liner."),
    ("Show People", 1928, [35, 10749], "A Georgia girl comes to Hollywood to be a dramatic star."),
    ("The Crowd", 1928, [18], "An ordinary man's life in the great city."),
    ("Salomé", 1923, [18, 10402], "A stylised staging of Wilde's play."),
    ("Broken Blossoms", 1919, [18, 10749], "A gentle shopkeeper protects a young woman from her brutal father."),
    ("Way Down East", 1920, [18, 10749], "A wronged young woman finds refuge on a New England farm."),
    ("The Ring", 1927, [18, 10749], "Two boxers fight for the same woman."),
    ("Blackmail", 1929, [53, 80], "A detective's girlfriend kills a man in self-defence, and someone saw."),
    ("Spies", 1928, [53, 80, 9648], "A secret service agent duels a master spy who runs a bank."),
    ("Dr. Mabuse the Gambler", 1922, [80, 53], "A master of disguise manipulates Berlin's gaming tables."),
    ("Underworld", 1927, [80, 18], "A gangster, his moll and a fallen lawyer in the city's night."),
    ("The Musketeers of Pig Alley", 1912, [80, 18], "A young couple meets the gangs of the Lower East Side."),
    ("The Battle at Elderbush Gulch", 1913, [37, 28], "Settlers and a cavalry troop under siege."),
    ("Hell's Hinges", 1916, [37, 18], "A gunman is reformed by a minister's sister in a lawless town."),
    ("The Covered Wagon", 1923, [37, 12], "A wagon train crosses the plains to Oregon."),
    ("The Iron Horse", 1924, [37, 12, 36], "The building of the transcontinental railroad."),
    ("Tumbleweeds", 1925, [37, 12], "A cowboy joins the Oklahoma land rush."),
    ("The Big Parade", 1925, [10752, 18, 10749], "An idle rich man enlists and learns what war is."),
    ("J'accuse", 1919, [10752, 18], "Le poète Jean Diaz et les morts de la Grande Guerre."),
    ("Shoulder Arms", 1918, [10752, 35], "A recruit dreams of heroics in the trenches."),
    ("Hearts of the World", 1918, [10752, 10749, 18], "Young lovers in a French village overrun by war."),
    ("The Four Horsemen of the Apocalypse", 1921, [10752, 18, 10749], "A family divided by the Great War."),
    ("The Unknown", 1927, [27, 53, 10749], "An armless knife thrower in a circus hides a secret."),
    ("The Cat and the Canary", 1927, [27, 9648, 35], "Heirs spend a night in a haunted mansion to hear a will."),
    ("The Bat", 1926, [9648, 80, 27], "A masked criminal haunts a rented country house."),
    ("The Last Laugh", 1924, [18], "A proud hotel doorman is demoted to washroom attendant."),
    ("Faust", 1926, [14, 18, 27], "Mephisto wagers with an archangel for the soul of an old scholar."),
    ("Peter Pan", 1924, [14, 12, 10751], "The boy who would not grow up takes the Darling children to Neverland."),
    ("Alice in Wonderland", 1915, [14, 10751], "Alice follows the White Rabbit down the hole."),
    ("The Wizard of Oz", 1925, [14, 35, 10751], "An early comic take on the Land of Oz."),
    ("Cinderella", 1914, [14, 10751, 10749], "The fairy tale of the glass slipper."),
    ("Pollyanna", 1920, [10751, 18], "An orphan's relentless cheer transforms a gloomy town."),
    ("Little Annie Rooney", 1925, [10751, 35, 18], "A tomboy of the tenements seeks to avenge her father."),
    ("Sparrows", 1926, [10751, 18, 53], "A girl leads orphans out of a swamp farm."),
    ("The Blot", 1921, [18], "A poor professor's family keeps up appearances."),
    ("Nell Gwyn", 1926, [36, 10749, 35], "The orange-seller who won a king's heart."),
    ("Napoléon", 1927, [36, 10752, 18], "La jeunesse de Bonaparte, jusqu'à la campagne d'Italie."),
    ("Queen Elizabeth", 1912, [36, 18], "Sarah Bernhardt as the queen and her doomed favourite."),
    ("Cabiria", 1914, [36, 12, 10752], "A girl is carried off in the wars between Rome and Carthage."),
    ("The Private Life of Helen of Troy", 1927, [36, 35], "A comic retelling of the war for Helen."),
    ("The King of Kings", 1927, [36, 18], "The last weeks of the life of Jesus."),
    ("Dream of a Rarebit Fiend", 1906, [14, 35], "A gourmand's cheese supper brings on wild dreams."),
    ("Frankenstein", 1910, [27, 878], "A young scientist creates a creature in his laboratory."),
    ("20,000 Leagues Under the Sea", 1916, [12, 878], "Captain Nemo and the Nautilus beneath the waves."),
    ("Aelita", 1924, [878, 18], "A Soviet engineer dreams of the queen of Mars."),
    ("The Sky Ship", 1918, [878, 12], "A Danish expedition flies to Mars."),
    ("A Ride for Life", 1927, [28, 53], "An invented chase across frozen lakes to deliver a vaccine."),
    ("The Broadway Melody", 1929, [10402, 10749], "Two sisters try to make it on Broadway."),
    ("Applause", 1929, [10402, 18], "A burlesque star sacrifices all for her daughter."),
    ("The Love Parade", 1929, [10402, 35, 10749], "A queen marries a count who refuses to be a mere consort."),
    ("Le Chant de la Seine", 1928, [10402, 10749], "Titre inventé : un accordéoniste de guinguette et une lavandière."),
    ("Ragtime Nights", 1926, [10402, 35], "Invented title: a piano player keeps a speakeasy dancing."),
    # Invented for this demo (no such films exist).
    ("Le Petit Automate", 1927, [16, 10751], "Titre inventé : un jouet mécanique s'échappe de la vitrine d'un horloger."),
    ("Inkwell Parade", 1926, [16, 35, 10402], "Invented title: cartoon characters march out of an inkwell in time to a band."),
    ("The Paper Dragon", 1928, [16, 14, 10751], "Invented title: a folded dragon comes alive on a child's desk."),
    ("Moonbeam Circus", 1925, [16, 35], "Invented title: an animated circus performs on the rings of Saturn."),
    ("Le Rêve du Ramoneur", 1924, [16, 14], "Titre inventé : un ramoneur s'envole au-dessus des toits de Paris."),
    ("Clockwork Harbour", 1929, [16, 12, 878], "Invented title: tin sailors steer a wind-up ship across a bathtub sea."),
    ("Silhouettes", 1923, [16, 10749, 10402], "Invented title: cut-paper lovers dance a waltz in shadow play."),
    ("The Foggy Quay", 1927, [80, 9648], "Invented title: a dock watchman stumbles on a smuggling ring."),
    ("Salt and Stone", 1926, [99], "Invented title: a year with the salt workers of the Guérande marshes."),
    ("Wheat", 1928, [99], "Invented title: from sowing to bread in a Beauce village."),
    ("Harbour at Dawn", 1924, [99, 10402], "Invented title: a Marseille port wakes up to a piano score."),
    ("Le Violon de Minuit", 1925, [10402, 9648], "Titre inventé : un violon joue seul chaque nuit dans un conservatoire fermé."),
    ("Jazz on the Ferry", 1929, [10402, 35], "Invented title: a band stranded on a river ferry plays until dawn."),
    ("The Locked Observatory", 1926, [9648, 878], "Invented title: an astronomer vanishes from a room locked from inside."),
    ("Three Clues in Brighton", 1928, [9648, 80, 35], "Invented title: a seaside holiday turns into a search for a stolen pearl."),
    ("Dust Road Sheriff", 1927, [37, 28], "Invented title: a reluctant sheriff faces a gang at a water well."),
    ("Canyon Echo", 1926, [37, 10749], "Invented title: a mail rider and a rancher's daughter in a border canyon."),
]

# Invented TV series (trending TV).
SERIES = [
    ("Les Brigades du Rail", "Cheminots et inspecteurs dans la France de 1925.", "FR"),
    ("Harbour Lights", "A lighthouse keeper's family on a stormy coast.", "GB"),
    ("月の庭 (Tsuki no Niwa)", "Une jardinière de Kyoto et les visiteurs de la pleine lune.", "JP"),
    ("Prairie Telegraph", "An invented western about a frontier telegraph office.", "US"),
    ("Nocturne à Montmartre", "Musiciens, peintres et noctambules de la Butte.", "FR"),
    ("The Clockmakers", "Three generations of a Geneva clockmaking family.", "CH"),
    ("Expedition Aurora", "An airship crew charts the polar sky.", "NO"),
    ("Le Cabinet des Curiosités", "Chaque épisode, un objet mystérieux et son histoire.", "BE"),
    ("Silent Stars", "Behind the scenes of an invented 1920s film studio.", "US"),
    ("Die Sternwarte", "Astronomers on a Bavarian mountain top.", "DE"),
    ("Casa Azul", "Una familia de pescadores en la costa gallega.", "ES"),
    ("The Night Ferry", "Passengers cross the Channel and carry their secrets.", "GB"),
    ("Marché Noir", "Un commissaire face aux trafics de l'après-guerre.", "FR"),
    ("Lanterna Magica", "Un proiezionista itinerante attraversa l'Italia.", "IT"),
]

GENRES = [28, 12, 16, 35, 80, 99, 18, 10751, 14, 36, 27, 10402, 9648, 10749, 878, 53, 10752, 37]
MINIMUM = 12
HERE = os.path.dirname(os.path.abspath(__file__))


def movie(index, film, trending):
    title, year, genres, overview = film
    item = {
        "adult": False,
        "backdrop_path": None,
        "genre_ids": genres,
        "id": 900000 + index,
        "original_language": "fr" if title.startswith(("Le ", "La ", "J'", "Napol")) else "en",
        "original_title": title,
        "overview": overview,
        "popularity": round(80.0 - index * 0.55, 3),
        "poster_path": None,
        "release_date": f"{year}-01-01",
        "title": title,
        "video": False,
        "vote_average": round(6.0 + (index * 37 % 30) / 10.0, 1),
        "vote_count": 100 + index * 13,
    }
    if trending:
        item["media_type"] = "movie"
    return item


def series(index, show):
    name, overview, country = show
    return {
        "adult": False,
        "backdrop_path": None,
        "genre_ids": [18],
        "id": 950000 + index,
        "origin_country": [country],
        "original_language": {"FR": "fr", "BE": "fr", "JP": "ja", "DE": "de", "ES": "es", "IT": "it",
                              "NO": "no", "CH": "fr"}.get(country, "en"),
        "original_name": name,
        "overview": overview,
        "popularity": round(60.0 - index * 1.3, 3),
        "poster_path": None,
        "first_air_date": f"{2019 + index % 6}-0{1 + index % 9}-15",
        "name": name,
        "vote_average": round(7.0 + (index * 17 % 25) / 10.0, 1),
        "vote_count": 40 + index * 7,
        "media_type": "tv",
    }


def page(results):
    return {"page": 1, "results": results, "total_pages": 1, "total_results": len(results)}


def write(relative, body):
    path = os.path.join(HERE, "tmdb", "3", relative)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        # Compact, as TMDB answers: the catalogue routes pass the `results` bytes through.
        json.dump(body, handle, ensure_ascii=False, separators=(",", ":"))
        handle.write("\n")


def main():
    indexed = list(enumerate(FILMS))
    trending = [movie(i, f, True) for i, f in indexed if f[1] < 1929][:20]
    write("trending/movie/week.json", page(trending))
    write("trending/tv/week.json", page([series(i, s) for i, s in enumerate(SERIES)]))
    for genre in GENRES:
        chosen = [movie(i, f, False) for i, f in indexed if genre in f[2]]
        if len(chosen) < MINIMUM:
            raise SystemExit(f"genre {genre} has only {len(chosen)} films")
        write(f"discover/movie/{genre}.json", page(chosen[:20]))


if __name__ == "__main__":
    main()
