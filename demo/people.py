"""The demo's real people: what generate.py puts on their person pages (/person/{id}).

Each entry is (birthday, deathday, place of birth, biography), written for this demo in French.
Dates and places are given only where they are well established; otherwise they are None
(TMDB's null) and the biography keeps to what is sure. A real person without an entry gets a
short biography drawn from their credits in the demo (generate.py). The invented people (those
of the titles whose overview starts with "Titre inventé", and of the series) are drawn by
generate.py too, and say that they are invented.
"""


def person(birthday, deathday, place, biography):
    return {"birthday": birthday, "deathday": deathday, "place_of_birth": place, "biography": biography}


PEOPLE = {
    # Directors
    "Georges Méliès": person(
        "1861-12-08", "1938-01-21", "Paris, France",
        "Illusionniste et directeur du théâtre Robert-Houdin, il découvre le cinématographe des frères Lumière "
        "en 1895 et en fait un art de la féerie et du trucage. Dans son studio vitré de Montreuil, il tourne "
        "plus de cinq cents films pour sa marque Star Film, dont « Le Voyage dans la Lune ». Ruiné, il tient "
        "ensuite une boutique de jouets à la gare Montparnasse, avant d'être redécouvert à la fin des années 1920."),
    "Edwin S. Porter": person(
        "1870-04-21", "1941-04-30", "Connellsville, Pennsylvanie, États-Unis",
        "Opérateur puis réalisateur pour la compagnie de Thomas Edison, il met en scène en 1903 « The Great "
        "Train Robbery », l'un des premiers westerns et un jalon du montage narratif. Il dirige ensuite des "
        "films pour la Famous Players avant de quitter la mise en scène au milieu des années 1910."),
    "D. W. Griffith": person(
        "1875-01-22", "1948-07-23", "La Grange, Kentucky, États-Unis",
        "Ancien comédien de théâtre, il tourne des centaines de courts métrages pour la Biograph à partir de "
        "1908 et y affine le langage du cinéma : gros plans, montage alterné, mouvements d'appareil. « The "
        "Birth of a Nation », succès immense et film ouvertement raciste, puis « Intolerance » font de lui la "
        "figure dominante du cinéma américain des années 1910. Il fonde United Artists en 1919 avec Charlie "
        "Chaplin, Mary Pickford et Douglas Fairbanks."),
    "Robert Wiene": person(
        "1873-04-27", "1938-07-17", "Breslau, Allemagne (aujourd'hui Wrocław, Pologne)",
        "Réalisateur allemand, il signe en 1920 « Le Cabinet du docteur Caligari », manifeste de "
        "l'expressionnisme aux décors peints. Il tourne ensuite en Allemagne et en Autriche, dont « Les Mains "
        "d'Orlac », avant de s'exiler en France, où il meurt en 1938."),
    "Charlie Chaplin": person(
        "1889-04-16", "1977-12-25", "Walworth, Londres, Angleterre, Royaume-Uni",
        "Né dans la misère du sud de Londres, il débute au music-hall dans la troupe de Fred Karno avant "
        "d'être engagé par Mack Sennett en 1913. Son vagabond au chapeau melon et à la canne en fait la plus "
        "grande vedette du monde ; il écrit, réalise, produit et met en musique ses films, de « The Kid » aux "
        "« Temps modernes ». Interdit de retour aux États-Unis en 1952, il finit sa vie en Suisse."),
    "F. W. Murnau": person(
        "1888-12-28", "1931-03-11", "Bielefeld, Allemagne",
        "Formé au théâtre auprès de Max Reinhardt, il devient l'un des maîtres du cinéma allemand avec "
        "« Nosferatu », « Le Dernier des hommes » et « Faust ». Appelé à Hollywood par William Fox, il y tourne "
        "« L'Aurore », puis « Tabou » dans les mers du Sud. Il meurt dans un accident de voiture en Californie, "
        "quelques jours avant la première de ce dernier film."),
    "Robert J. Flaherty": person(
        "1884-02-16", "1951-07-23", "Iron Mountain, Michigan, États-Unis",
        "Explorateur et prospecteur dans le Grand Nord canadien, il en rapporte « Nanook of the North », "
        "souvent présenté comme le premier long métrage documentaire. Il poursuit avec « Moana » aux Samoa, "
        "puis « L'Homme d'Aran » en Irlande, mêlant observation et mise en scène."),
    "Fred C. Newmeyer": person(
        None, None, None,
        "Réalisateur américain de comédies, il dirige avec Sam Taylor plusieurs longs métrages de Harold "
        "Lloyd, dont « Safety Last! », célèbre pour la scène de l'horloge."),
    "Sam Taylor": person(
        None, None, None,
        "Scénariste et réalisateur américain, il co-signe avec Fred C. Newmeyer plusieurs comédies de Harold "
        "Lloyd, dont « Safety Last! », puis dirige Mary Pickford et Douglas Fairbanks dans « La Mégère "
        "apprivoisée » (1929)."),
    "Buster Keaton": person(
        "1895-10-04", "1966-02-01", "Piqua, Kansas, États-Unis",
        "Enfant de la balle, il monte sur scène dès ses premières années dans le numéro de ses parents. Après "
        "des courts métrages avec Roscoe Arbuckle, il réalise et interprète ses propres films, de « Sherlock "
        "Jr. » à « The General », avec un visage impassible qui lui vaut le surnom de « l'homme qui ne rit "
        "jamais ». Un Oscar d'honneur salue sa carrière en 1960."),
    "Raoul Walsh": person(
        "1887-03-11", "1980-12-31", "New York, États-Unis",
        "Acteur chez Griffith avant de passer à la réalisation, il dirige Douglas Fairbanks dans « The Thief of "
        "Bagdad ». Il perd un œil en 1928 et porte dès lors un bandeau ; sa carrière, toute d'action et "
        "d'aventure, se prolonge jusqu'aux années 1960, de « La Grande Évasion » à « L'enfer est à lui »."),
    "Erich von Stroheim": person(
        "1885-09-22", "1957-05-12", "Vienne, Autriche-Hongrie",
        "Émigré aux États-Unis, il débute comme figurant et conseiller chez Griffith. Réalisateur d'une "
        "exigence sans limite, il voit « Greed » amputé de plusieurs heures par le studio. Acteur inoubliable, "
        "il est le commandant von Rauffenstein de « La Grande Illusion » et le majordome de « Boulevard du "
        "crépuscule » ; il finit sa vie en France."),
    "Sergei Eisenstein": person(
        "1898-01-22", "1948-02-11", "Riga, Empire russe (aujourd'hui Lettonie)",
        "Venu du théâtre d'avant-garde, il théorise le « montage des attractions » et l'applique dans « La "
        "Grève » puis « Le Cuirassé Potemkine », dont la séquence de l'escalier d'Odessa est l'une des plus "
        "étudiées du cinéma. Il tourne ensuite « Octobre », « Alexandre Nevski » et « Ivan le Terrible »."),
    "Alfred Hitchcock": person(
        "1899-08-13", "1980-04-29", "Leytonstone, Londres, Angleterre, Royaume-Uni",
        "Il entre au cinéma comme dessinateur d'intertitres avant de réaliser « The Lodger », son premier "
        "film vraiment hitchcockien ; « Blackmail » est l'un des premiers films parlants britanniques. "
        "Installé à Hollywood à partir de 1939, il devient le maître du suspense, de « Fenêtre sur cour » à "
        "« Psychose »."),
    "Fritz Lang": person(
        "1890-12-05", "1976-08-02", "Vienne, Autriche-Hongrie",
        "Peintre avant d'être cinéaste, il devient après la Grande Guerre l'un des maîtres du cinéma allemand : "
        "« Docteur Mabuse le joueur », « Les Nibelungen », « Metropolis », « M le maudit ». Il quitte "
        "l'Allemagne en 1933 et poursuit sa carrière à Hollywood, où il signe des films noirs comme « La Rue "
        "rouge »."),
    "William A. Wellman": person(
        "1896-02-29", "1975-12-09", "Brookline, Massachusetts, États-Unis",
        "Engagé dans l'aviation française pendant la Première Guerre mondiale, il met cette expérience au "
        "service de « Wings », premier film récompensé par l'Oscar du meilleur film. Il aborde ensuite tous les "
        "genres, de « L'Ennemi public » à « L'Étrange Incident »."),
    "Alan Crosland": person(
        "1894-08-10", "1936-07-16", "New York, États-Unis",
        "Réalisateur de la Warner Bros., il met en scène « Don Juan » (1926), premier long métrage à musique "
        "et effets sonores synchronisés, puis « The Jazz Singer », qui lance le cinéma parlant. Il meurt en "
        "1936 des suites d'un accident de voiture."),
    "Clyde Bruckman": person(
        None, None, None,
        "Auteur de gags pour Buster Keaton, il co-réalise avec lui « The General ». Il écrit et dirige ensuite "
        "des comédies pour Harold Lloyd, W. C. Fields et le duo Laurel et Hardy."),
    "Carl Theodor Dreyer": person(
        "1889-02-03", "1968-03-20", "Copenhague, Danemark",
        "Journaliste puis scénariste au Danemark, il tourne en Suède, en Allemagne et en France, où il filme "
        "« La Passion de Jeanne d'Arc » au plus près des visages. Suivent « Vampyr », « Dies Irae », « Ordet » "
        "et « Gertrud », œuvres d'une rigueur et d'une intensité rares."),
    "Paul Leni": person(
        "1885-07-08", "1929-09-02", "Stuttgart, Allemagne",
        "Peintre et décorateur, figure de l'expressionnisme allemand (« Le Cabinet des figures de cire »), il "
        "est appelé à Hollywood par Universal. Il y réalise « The Cat and the Canary », qui fixe les codes du "
        "film de maison hantée, et « The Man Who Laughs », avant de mourir prématurément en 1929."),
    "Victor Sjöström": person(
        "1879-09-20", "1960-01-03", "Årjäng, Värmland, Suède",
        "Pilier de l'âge d'or du cinéma suédois (« La Charrette fantôme »), il part pour Hollywood, où il "
        "dirige Lillian Gish dans « La Lettre écarlate » et « The Wind ». Revenu en Suède, il finit sa carrière "
        "comme acteur, inoubliable dans « Les Fraises sauvages » d'Ingmar Bergman."),
    "George A. Romero": person(
        "1940-02-04", "2017-07-16", "New York, États-Unis",
        "Installé à Pittsburgh, il y tourne avec une petite équipe « Night of the Living Dead », qui invente le "
        "mort-vivant moderne. Il prolonge ce cycle avec « Zombie » et « Le Jour des morts-vivants », chroniques "
        "acides de la société américaine."),
    "Howard Hawks": person(
        "1896-05-30", "1977-12-26", "Goshen, Indiana, États-Unis",
        "Passionné d'aviation et de course automobile, il aborde tous les genres avec la même aisance : "
        "comédie (« L'Impossible Monsieur Bébé », « His Girl Friday »), film noir (« Le Grand Sommeil »), "
        "western (« Rio Bravo »). Ses héros sont des professionnels, ses héroïnes parlent aussi vite qu'eux."),
    "Stanley Donen": person(
        "1924-04-13", "2019-02-21", "Columbia, Caroline du Sud, États-Unis",
        "Danseur et chorégraphe à Broadway puis à la MGM, il co-réalise avec Gene Kelly « Chantons sous la "
        "pluie ». Il signe ensuite des comédies élégantes, dont « Charade » avec Cary Grant et Audrey Hepburn."),
    "Edgar G. Ulmer": person(
        "1904-09-17", "1972-09-30", "Olomouc, Moravie, Autriche-Hongrie (aujourd'hui République tchèque)",
        "Décorateur formé auprès de Max Reinhardt et de Murnau, il réalise « Le Chat noir » pour Universal, "
        "puis se spécialise dans les petits budgets, dont « Detour », tourné en quelques jours et devenu un "
        "classique du film noir."),
    "Roger Corman": person(
        "1926-04-05", "2024-05-09", "Detroit, Michigan, États-Unis",
        "Producteur et réalisateur infatigable, surnommé le « roi de la série B », il tourne vite et pour peu, "
        "comme « The Little Shop of Horrors », bouclé en quelques jours. Ses adaptations d'Edgar Poe ont marqué "
        "le fantastique, et il a lancé Francis Ford Coppola, Martin Scorsese ou Jack Nicholson. Il reçoit un "
        "Oscar d'honneur en 2009."),
    "Herk Harvey": person(
        "1924-06-03", "1996-04-03", "Windsor, Colorado, États-Unis",
        "Réalisateur de films éducatifs et industriels pour la société Centron, à Lawrence (Kansas), il ne "
        "signe qu'un seul long métrage de fiction, « Carnival of Souls », où il joue aussi l'homme blafard qui "
        "hante l'héroïne."),
    "Edward D. Wood Jr.": person(
        "1924-10-10", "1978-12-10", "Poughkeepsie, New York, États-Unis",
        "Scénariste, réalisateur et acteur à tout faire, il tourne avec des budgets dérisoires « Glen or "
        "Glenda » et « Plan 9 from Outer Space », où apparaît son ami Bela Lugosi. Longtemps moqué, il est "
        "devenu un personnage culte, au point que Tim Burton lui consacre « Ed Wood » en 1994."),
    "Orson Welles": person(
        "1915-05-06", "1985-10-10", "Kenosha, Wisconsin, États-Unis",
        "Homme de théâtre et de radio (sa « Guerre des mondes » de 1938 est restée célèbre), il réalise à "
        "vingt-cinq ans « Citizen Kane ». « The Stranger » est le seul de ses films à rapporter de l'argent à sa "
        "sortie ; suivent « La Dame de Shanghai », « La Soif du mal » et des projets menés en Europe avec des "
        "moyens de fortune."),
    "Andrew V. McLaglen": person(
        "1920-07-28", "2014-08-30", "Londres, Angleterre, Royaume-Uni",
        "Fils de l'acteur Victor McLaglen, assistant de John Ford, il réalise des westerns avec John Wayne, "
        "dont « McLintock! », et de nombreux épisodes de séries télévisées comme « Gunsmoke »."),
    "Francis Ford Coppola": person(
        "1939-04-07", None, "Detroit, Michigan, États-Unis",
        "Formé à l'école de Roger Corman, pour qui il réalise « Dementia 13 », il signe ensuite « Le Parrain » "
        "et sa suite, « Conversation secrète » et « Apocalypse Now ». Deux fois Palme d'or à Cannes, il est "
        "aussi producteur et vigneron en Californie."),
    "Dave Fleischer": person(
        "1894-07-14", "1979-06-25", "New York, États-Unis",
        "Avec son frère Max, il dirige les studios Fleischer, rivaux de Disney, qui créent Betty Boop et "
        "portent à l'écran Popeye et Superman. Il supervise leurs courts métrages et réalise le long métrage "
        "« Gulliver's Travels »."),
    "Otto Messmer": person(
        "1892-08-16", "1983-10-28", "Union City, New Jersey, États-Unis",
        "Dessinateur du studio de Pat Sullivan, il anime Félix le chat, l'une des premières vedettes du dessin "
        "animé, longtemps crédité au seul nom de Sullivan."),
    "Merian C. Cooper": person(
        "1893-10-24", "1973-04-21", "Jacksonville, Floride, États-Unis",
        "Aviateur, aventurier et producteur, il filme avec Ernest B. Schoedsack la migration des Bakhtiaris "
        "dans « Grass », puis coréalise avec lui « King Kong ». Il produit ensuite plusieurs films de John Ford."),
    "Ernest B. Schoedsack": person(
        "1893-06-08", "1979-12-23", "Council Bluffs, Iowa, États-Unis",
        "Opérateur d'actualités pendant la Première Guerre mondiale, il s'associe à Merian C. Cooper pour des "
        "documentaires tournés au bout du monde, « Grass » puis « Chang », avant de coréaliser « King Kong »."),
    "Dziga Vertov": person(
        "1896-01-02", "1954-02-12", "Białystok, Empire russe (aujourd'hui Pologne)",
        "De son vrai nom David Kaufman, théoricien du « ciné-œil », il veut un cinéma sans acteurs ni "
        "scénario, saisi sur le vif. « Man with a Movie Camera », filmé par son frère Mikhaïl Kaufman et monté "
        "par Elizaveta Svilova, en est le manifeste."),
    "Paul Strand": person(
        "1890-10-16", "1976-03-31", "New York, États-Unis",
        "Photographe majeur de la « straight photography », il co-signe avec le peintre Charles Sheeler "
        "« Manhatta », souvent cité comme le premier film d'avant-garde américain. Il poursuit une œuvre de "
        "photographe et de documentariste, et passe la fin de sa vie en France."),
    "Charles Sheeler": person(
        "1883-07-16", "1965-05-07", "Philadelphie, Pennsylvanie, États-Unis",
        "Peintre précisionniste et photographe, il célèbre l'architecture industrielle américaine. Avec Paul "
        "Strand, il tourne « Manhatta », portrait de New York porté par les vers de Walt Whitman."),
    "Joris Ivens": person(
        "1898-11-18", "1989-06-28", "Nimègue, Pays-Bas",
        "Documentariste néerlandais, il débute par des poèmes visuels comme « Le Pont » et « Rain », puis filme "
        "les luttes de son siècle, de la guerre d'Espagne au Viêt Nam. Son dernier film, « Une histoire de "
        "vent », date de 1988."),
    "Edward S. Curtis": person(
        "1868-02-16", "1952-10-19", "Whitewater, Wisconsin, États-Unis",
        "Photographe, il consacre trente ans à « The North American Indian », somme de portraits et de récits "
        "sur les peuples autochtones d'Amérique du Nord. « In the Land of the Head Hunters », tourné avec les "
        "Kwakwaka'wakw, est l'un des premiers longs métrages interprétés entièrement par des Amérindiens."),
    "Frank Capra": person(
        "1897-05-18", "1991-09-03", "Bisacquino, Sicile, Italie",
        "Arrivé enfant en Californie, il devient le réalisateur phare de la Columbia avec « New York-Miami », "
        "puis « Monsieur Smith au Sénat » et « La vie est belle ». Pendant la Seconde Guerre mondiale, il "
        "dirige pour l'armée américaine la série documentaire « Why We Fight »."),
    "Paul Wegener": person(
        "1874-12-11", "1948-09-13", "Arnoldsdorf, Prusse (aujourd'hui Pologne)",
        "Acteur de la troupe de Max Reinhardt, il est l'un des pionniers du fantastique allemand : il incarne "
        "et co-réalise plusieurs films sur le Golem, dont « Der Golem » en 1920."),
    "Benjamin Christensen": person(
        None, None, "Viborg, Danemark",
        "Acteur et réalisateur danois, il consacre plusieurs années à « Häxan », essai sur la sorcellerie où il "
        "joue lui-même le Diable. Il travaille ensuite à Hollywood avant de rentrer au Danemark."),
    "Allan Dwan": person(
        "1885-04-03", "1981-12-28", "Toronto, Ontario, Canada",
        "Ingénieur de formation, il entre dans le cinéma dès 1909 et tourne plusieurs centaines de films en un "
        "demi-siècle, dont « Robin Hood » avec Douglas Fairbanks et, bien plus tard, « Iwo Jima » avec John "
        "Wayne."),
    "Fred Niblo": person(
        "1874-01-06", "1948-11-11", "York, Nebraska, États-Unis",
        "Homme de music-hall devenu réalisateur, il dirige Douglas Fairbanks dans « The Mark of Zorro », puis "
        "la superproduction « Ben-Hur » (1925)."),
    "King Vidor": person(
        "1894-02-08", "1982-11-01", "Galveston, Texas, États-Unis",
        "Il s'impose avec « The Big Parade », l'un des plus grands succès du cinéma muet, puis signe « The "
        "Crowd » et la comédie « Show People ». Sa carrière, de « Hallelujah » à « Guerre et Paix », couvre un "
        "demi-siècle ; un Oscar d'honneur la salue en 1979."),
    "Josef von Sternberg": person(
        "1894-05-29", "1969-12-22", "Vienne, Autriche-Hongrie",
        "Arrivé enfant aux États-Unis, il donne au film de gangsters sa forme avec « Underworld », puis révèle "
        "Marlene Dietrich dans « L'Ange bleu » et la dirige dans six autres films à Hollywood."),
    "John Ford": person(
        "1894-02-01", "1973-08-31", "Cape Elizabeth, Maine, États-Unis",
        "Arrivé à Hollywood dans le sillage de son frère Francis, il tourne des dizaines de westerns muets, "
        "dont « The Iron Horse ». Il devient le grand poète de l'Ouest américain, de « La Chevauchée "
        "fantastique » à « La Prisonnière du désert », et remporte quatre Oscars de la mise en scène."),
    "Abel Gance": person(
        "1889-10-25", "1981-11-10", "Paris, France",
        "Poète, acteur puis cinéaste, il invente des formes nouvelles à chaque film : le pacifiste « J'accuse », "
        "« La Roue », puis « Napoléon » et sa polyvision sur trois écrans. Il tourne jusqu'au milieu des "
        "années 1960."),
    "Rex Ingram": person(
        "1892-01-15", "1950-07-21", "Dublin, Irlande",
        "Il triomphe avec « The Four Horsemen of the Apocalypse », qui fait de Rudolph Valentino une vedette, "
        "puis s'installe à Nice, aux studios de la Victorine, où il tourne plusieurs films dans les années "
        "1920."),
    "Tod Browning": person(
        "1880-07-12", "1962-10-06", "Louisville, Kentucky, États-Unis",
        "Ancien forain, il filme l'étrange et le difforme, souvent avec Lon Chaney (« The Unknown »). Il "
        "réalise « Dracula » avec Bela Lugosi en 1931, puis « Freaks », longtemps interdit."),
    "Lois Weber": person(
        "1879-06-13", "1939-11-13", "Allegheny, Pennsylvanie, États-Unis",
        "Première Américaine à réaliser un long métrage, elle compte dans les années 1910 parmi les cinéastes "
        "les mieux payés d'Hollywood. Ses films abordent des sujets de société, de la contraception à la "
        "pauvreté cachée des classes moyennes, comme « The Blot »."),
    "Giovanni Pastrone": person(
        "1883-09-13", "1959-06-27", "Montechiaro d'Asti, Piémont, Italie",
        "Producteur et réalisateur de l'Itala Film à Turin, il signe sous le pseudonyme de Piero Fosco "
        "« Cabiria », superproduction dont les travellings et les décors ont impressionné Griffith. Le colosse "
        "Maciste y fait sa première apparition."),
    "Alexander Korda": person(
        "1893-09-16", "1956-01-23", "Pusztatúrpásztó, Hongrie",
        "Producteur et réalisateur hongrois, il travaille à Vienne, à Berlin puis à Hollywood, où il tourne "
        "« The Private Life of Helen of Troy », avant de fonder à Londres la London Films. Il est anobli en "
        "1942."),
    "Cecil B. DeMille": person(
        "1881-08-12", "1959-01-21", "Ashfield, Massachusetts, États-Unis",
        "Cofondateur de la société qui deviendra la Paramount, il tourne en 1914 « The Squaw Man », l'un des "
        "premiers longs métrages d'Hollywood. Spécialiste des fresques bibliques et historiques, de « The King "
        "of Kings » aux « Dix Commandements », il en est l'une des figures tutélaires."),
    "Yakov Protazanov": person(
        "1881-02-04", "1945-08-08", "Moscou, Empire russe",
        "Réalisateur russe actif dès avant la révolution, il tourne à Paris et à Berlin avant de rentrer à "
        "Moscou, où il signe « Aelita », premier grand film de science-fiction soviétique."),
    "Rouben Mamoulian": person(
        "1897-10-08", "1987-12-04", "Tiflis, Empire russe (aujourd'hui Tbilissi, Géorgie)",
        "Metteur en scène de théâtre à Broadway, où il crée « Porgy and Bess », il libère la caméra des débuts "
        "du parlant avec « Applause ». Suivent « Docteur Jekyll et M. Hyde » et « La Reine Christine »."),
    "Ernst Lubitsch": person(
        "1892-01-29", "1947-11-30", "Berlin, Allemagne",
        "Acteur puis réalisateur vedette du cinéma allemand, il part pour Hollywood en 1922. « The Love "
        "Parade », son premier film parlant, ouvre la voie à ses comédies musicales et sophistiquées ; la "
        "« Lubitsch touch » marque ensuite « Haute Pègre », « Ninotchka » et « To Be or Not to Be »."),
    "Louis Feuillade": person(
        "1873-02-19", "1925-02-26", "Lunel, Hérault, France",
        "Journaliste venu du Languedoc, il entre chez Gaumont en 1905 et en devient le directeur artistique. "
        "Il y tourne plusieurs centaines de films, dont les séries « Fantômas », « Les Vampires » et « Judex », "
        "que les surréalistes admireront pour leur poésie du quotidien et du mystère."),
    "Donald Crisp": person(
        "1882-07-27", "1974-05-25", "Bow, Londres, Angleterre, Royaume-Uni",
        "Acteur et réalisateur chez Griffith, il joue le boxeur brutal de « Broken Blossoms » et co-réalise "
        "« The Navigator » avec Buster Keaton. Il obtient l'Oscar du meilleur second rôle pour « Qu'elle était "
        "verte ma vallée »."),
    # Cast
    "Lillian Gish": person(
        "1893-10-14", "1993-02-27", "Springfield, Ohio, États-Unis",
        "Actrice fétiche de D. W. Griffith, de « The Birth of a Nation » à « Way Down East », elle incarne des "
        "héroïnes fragiles et tenaces. Elle tourne ensuite « The Wind » avec Victor Sjöström et poursuit sa "
        "carrière pendant plus de soixante-dix ans, jusqu'aux « Baleines du mois d'août » en 1987."),
    "Dorothy Gish": person(
        "1898-03-11", "1968-06-04", "Dayton, Ohio, États-Unis",
        "Sœur cadette de Lillian Gish, elle tourne elle aussi pour Griffith (« Hearts of the World ») avant de "
        "briller dans la comédie et d'incarner « Nell Gwyn » en Angleterre."),
    "Mae Marsh": person(
        "1894-11-09", "1968-02-13", "Madrid, Nouveau-Mexique, États-Unis",
        "Découverte par Griffith, elle est la petite Flora de « The Birth of a Nation » et la jeune femme "
        "d'« Intolerance ». Elle tient ensuite de nombreux seconds rôles, notamment chez John Ford."),
    "Robert Harron": person(
        None, None, None,
        "Jeune premier de la troupe de Griffith, d'« Intolerance » à « Hearts of the World », il meurt en 1920 "
        "à vingt-sept ans, d'une blessure par balle."),
    "Richard Barthelmess": person(
        "1895-05-09", "1963-08-17", "New York, États-Unis",
        "Cheng Huan de « Broken Blossoms » et David de « Way Down East » chez Griffith, il devient une vedette "
        "des années 1920 et compte parmi les membres fondateurs de l'Académie des arts et des sciences du "
        "cinéma."),
    "Conrad Veidt": person(
        "1893-01-22", "1943-04-03", "Berlin, Allemagne",
        "Acteur de la troupe de Max Reinhardt, il est le somnambule Cesare de « Caligari », puis Gwynplaine "
        "dans « The Man Who Laughs ». Hostile au nazisme, il quitte l'Allemagne, tourne en Angleterre puis à "
        "Hollywood, où il est le major Strasser de « Casablanca »."),
    "Werner Krauss": person(
        None, None, None,
        "Grand acteur de théâtre allemand, il est le docteur Caligari du film de Robert Wiene. Il compromet "
        "ensuite sa carrière en jouant dans des films de propagande nazie, dont « Le Juif Süss »."),
    "Lil Dagover": person(
        None, None, "Madiun, Java, Indes néerlandaises (aujourd'hui Indonésie)",
        "Jane dans « Le Cabinet du docteur Caligari », elle tourne aussi pour Fritz Lang (« Les Trois "
        "Lumières ») et Murnau (« Tartuffe ») et reste une vedette du cinéma allemand pendant des décennies."),
    "Jackie Coogan": person(
        "1914-10-26", "1984-03-01", "Los Angeles, Californie, États-Unis",
        "Enfant vedette révélé par Chaplin dans « The Kid », il gagne une fortune que ses parents dilapident ; "
        "son procès aboutit au « Coogan Act », qui protège depuis les gains des enfants acteurs en Californie. "
        "Il est, bien plus tard, l'oncle Fétide de la série « La Famille Addams »."),
    "Edna Purviance": person(
        "1895-10-21", "1958-01-13", "Paradise Valley, Nevada, États-Unis",
        "Partenaire de Charlie Chaplin dans plus de trente films à partir de 1915, elle tient aussi le rôle "
        "principal de « L'Opinion publique », qu'il réalise pour elle en 1923."),
    "Sydney Chaplin": person(
        "1885-03-16", "1965-04-16", "Londres, Angleterre, Royaume-Uni",
        "Demi-frère aîné de Charlie Chaplin, il tient des rôles comiques à ses côtés, dont le sergent de "
        "« Shoulder Arms », et veille sur une partie de ses affaires."),
    "Max Schreck": person(
        "1879-09-06", "1936-02-20", "Berlin, Allemagne",
        "Comédien de théâtre, il doit sa célébrité au comte Orlok de « Nosferatu », si saisissant qu'une "
        "légende a fait de lui un vrai vampire ; le film « L'Ombre du vampire » (2000) a brodé sur ce mythe."),
    "Allakariallak": person(
        None, None, None,
        "Chasseur inuit de la région de la baie d'Hudson, il incarne Nanook dans le film de Robert J. Flaherty."),
    "Harold Lloyd": person(
        "1893-04-20", "1971-03-08", "Burchard, Nebraska, États-Unis",
        "Troisième géant du burlesque muet avec Chaplin et Keaton, il crée le jeune homme à lunettes d'écaille, "
        "optimiste et casse-cou. Son image suspendue aux aiguilles d'une horloge dans « Safety Last! » est l'une "
        "des plus célèbres du cinéma ; un Oscar d'honneur lui est remis en 1953."),
    "Douglas Fairbanks": person(
        "1883-05-23", "1939-12-12", "Denver, Colorado, États-Unis",
        "Roi du film de cape et d'épée, il bondit de « The Mark of Zorro » à « Robin Hood » et à « The Thief of "
        "Bagdad ». Cofondateur d'United Artists en 1919, il est aussi le premier président de l'Académie des "
        "arts et des sciences du cinéma, et l'époux de Mary Pickford de 1920 à 1936."),
    "Anna May Wong": person(
        "1905-01-03", "1961-02-03", "Los Angeles, Californie, États-Unis",
        "Première vedette sino-américaine d'Hollywood, remarquée dans « The Thief of Bagdad », elle se heurte "
        "aux rôles stéréotypés imposés aux actrices asiatiques et tourne aussi en Europe, comme dans "
        "« Piccadilly »."),
    "ZaSu Pitts": person(
        "1894-01-03", "1963-06-07", "Parsons, Kansas, États-Unis",
        "Trina de « Greed » sous la direction d'Erich von Stroheim, elle devient ensuite une actrice de comédie "
        "très populaire, reconnaissable à ses gestes inquiets."),
    "Jean Hersholt": person(
        "1886-07-12", "1956-06-02", "Copenhague, Danemark",
        "Acteur d'origine danoise, il est Marcus dans « Greed », puis le docteur Christian à la radio et au "
        "cinéma. L'Académie a créé en son honneur le prix humanitaire Jean Hersholt."),
    "Lon Chaney": person(
        "1883-04-01", "1930-08-26", "Colorado Springs, Colorado, États-Unis",
        "Fils de parents sourds, il maîtrise très tôt l'expression par le geste, puis le maquillage, ce qui lui "
        "vaut le surnom d'« homme aux mille visages ». Il est Quasimodo dans « The Hunchback of Notre Dame », "
        "le Fantôme de l'Opéra et le lanceur de couteaux de « The Unknown »."),
    "Wallace Beery": person(
        "1885-04-01", "1949-04-15", "Kansas City, Missouri, États-Unis",
        "Il joue le professeur Challenger de « The Lost World » et Richard Cœur de Lion dans « Robin Hood ». "
        "Devenu une vedette du parlant à la MGM, il obtient l'Oscar du meilleur acteur pour « Le Champion »."),
    "Bessie Love": person(
        None, None, None,
        "Remarquée chez Griffith dans « Intolerance », elle joue dans « The Lost World » puis dans « The "
        "Broadway Melody », qui lui vaut une nomination à l'Oscar. Installée ensuite à Londres, elle y poursuit "
        "sa carrière pendant des décennies."),
    "Clara Bow": person(
        "1905-07-29", "1965-09-27", "Brooklyn, New York, États-Unis",
        "Incarnation des années folles, elle devient la « It girl » avec « It » et tient le premier rôle féminin "
        "de « Wings ». Le parlant et les scandales ont raison de sa carrière au début des années 1930."),
    "Gary Cooper": person(
        "1901-05-07", "1961-05-13", "Helena, Montana, États-Unis",
        "Fils du Montana, il fait une courte apparition remarquée dans « Wings » avant de devenir l'une des plus "
        "grandes vedettes d'Hollywood. Il remporte l'Oscar pour « Sergent York » et « Le train sifflera trois "
        "fois »."),
    "Janet Gaynor": person(
        "1906-10-06", "1984-09-14", "Philadelphie, Pennsylvanie, États-Unis",
        "Elle reçoit le premier Oscar de la meilleure actrice, pour trois films dont « Sunrise ». Elle est "
        "ensuite la vedette de la première version d'« Une étoile est née » (1937)."),
    "George O'Brien": person(
        None, None, None,
        "Révélé par John Ford dans « The Iron Horse », il est l'homme de « Sunrise » chez Murnau, puis une "
        "vedette du western, qui retrouve Ford dans plusieurs films."),
    "Al Jolson": person(
        None, "1950-10-23", "Seredžius, Empire russe (aujourd'hui Lituanie)",
        "Chanteur vedette de Broadway, il est Jakie Rabinowitz dans « The Jazz Singer » : sa réplique "
        "« Attendez, vous n'avez encore rien entendu ! » accompagne l'arrivée du cinéma parlant."),
    "Warner Oland": person(
        None, None, None,
        "Acteur né en Suède, il joue le chantre de « The Jazz Singer » et devient célèbre dans les années 1930 "
        "sous les traits du détective Charlie Chan."),
    "Renée Falconetti": person(
        None, None, None,
        "Comédienne de théâtre, elle n'a tenu qu'un seul grand rôle au cinéma, Jeanne dans « La Passion de "
        "Jeanne d'Arc », souvent cité parmi les plus grandes interprétations de l'histoire du cinéma. Elle "
        "meurt à Buenos Aires en 1946."),
    "Antonin Artaud": person(
        "1896-09-04", "1948-03-04", "Marseille, France",
        "Poète, acteur et théoricien du « théâtre de la cruauté », il joue le moine Massieu dans « La Passion "
        "de Jeanne d'Arc » et Marat dans le « Napoléon » d'Abel Gance."),
    "Babe Ruth": person(
        "1895-02-06", "1948-08-16", "Baltimore, Maryland, États-Unis",
        "Légende du base-ball et vedette des Yankees de New York, il joue son propre rôle dans « Speedy »."),
    "Cary Grant": person(
        "1904-01-18", "1986-11-29", "Bristol, Angleterre, Royaume-Uni",
        "Né Archibald Leach, acrobate de music-hall parti pour les États-Unis, il devient la quintessence de "
        "l'élégance hollywoodienne, chez Hawks (« His Girl Friday »), Hitchcock (« La Mort aux trousses ») ou "
        "Donen (« Charade »). Il reçoit un Oscar d'honneur en 1970."),
    "Rosalind Russell": person(
        "1907-06-04", "1976-11-28", "Waterbury, Connecticut, États-Unis",
        "Reine de la comédie au débit rapide, elle est l'inoubliable Hildy Johnson de « His Girl Friday » et "
        "triomphe plus tard dans « Auntie Mame »."),
    "Audrey Hepburn": person(
        "1929-05-04", "1993-01-20", "Ixelles, Bruxelles, Belgique",
        "Danseuse devenue actrice, elle obtient l'Oscar pour « Vacances romaines » et tourne « Sabrina », "
        "« Diamants sur canapé » et « Charade ». Elle consacre ses dernières années à l'UNICEF."),
    "Walter Matthau": person(
        "1920-10-01", "2000-07-01", "New York, États-Unis",
        "Acteur au visage chiffonné, inquiétant dans « Charade », il triomphe ensuite dans la comédie, souvent "
        "aux côtés de Jack Lemmon. Il obtient l'Oscar du meilleur second rôle pour « La Grande Combine »."),
    "James Coburn": person(
        "1928-08-31", "2002-11-18", "Laurel, Nebraska, États-Unis",
        "Silhouette longiligne des « Sept Mercenaires » et de « La Grande Évasion », il est Tex dans "
        "« Charade ». Il reçoit l'Oscar du meilleur second rôle pour « Affliction »."),
    "Jack Nicholson": person(
        "1937-04-22", None, "Neptune City, New Jersey, États-Unis",
        "Acteur chez Roger Corman à ses débuts (« The Little Shop of Horrors », « The Terror »), il s'impose "
        "avec « Easy Rider » et devient l'un des grands acteurs de sa génération, trois fois oscarisé, notamment "
        "pour « Vol au-dessus d'un nid de coucou »."),
    "Bela Lugosi": person(
        "1882-10-20", "1956-08-16", "Lugos, Hongrie (aujourd'hui Lugoj, Roumanie)",
        "Acteur de théâtre hongrois émigré aux États-Unis, il crée Dracula à Broadway puis à l'écran en 1931. "
        "Ses dernières images, chez son ami Ed Wood, se retrouvent dans « Plan 9 from Outer Space », achevé "
        "après sa mort."),
    "Vampira": person(
        None, None, None,
        "Sous ce nom, Maila Nurmi est en 1954 la première animatrice d'une émission d'horreur à la télévision "
        "américaine. Ed Wood lui confie la goule muette de « Plan 9 from Outer Space »."),
    "Edward G. Robinson": person(
        "1893-12-12", "1973-01-26", "Bucarest, Roumanie",
        "Arrivé enfant à New York, il devient une vedette avec « Le Petit César » avant d'élargir son registre : "
        "l'enquêteur de « The Stranger », le caissier de « Scarlet Street », l'assureur d'« Assurance sur la "
        "mort »."),
    "Loretta Young": person(
        "1913-01-06", "2000-08-12", "Salt Lake City, Utah, États-Unis",
        "Actrice dès l'enfance, elle obtient l'Oscar pour « Ma femme est un grand homme » (1947), puis présente "
        "sa propre émission à la télévision."),
    "Joan Bennett": person(
        None, None, None,
        "Actrice fétiche de Fritz Lang à Hollywood, elle tourne avec lui « La Femme au portrait » et « Scarlet "
        "Street », avant d'être la matriarche de la série « Dark Shadows »."),
    "John Wayne": person(
        "1907-05-26", "1979-06-11", "Winterset, Iowa, États-Unis",
        "Né Marion Morrison, accessoiriste devenu acteur, il s'impose avec « La Chevauchée fantastique » de John "
        "Ford et incarne pendant quarante ans le héros de western américain. Il obtient l'Oscar pour « 100 "
        "dollars pour un shérif »."),
    "Maureen O'Hara": person(
        "1920-08-17", "2015-10-24", "Ranelagh, Dublin, Irlande",
        "Actrice irlandaise à la chevelure rousse, surnommée la « reine du Technicolor », elle est la "
        "partenaire de John Wayne dans « L'Homme tranquille » et « McLintock! »."),
    "Patrick Wayne": person(
        None, None, None,
        "Fils de John Wayne, il joue à ses côtés dans plusieurs westerns, dont « McLintock! »."),
    "Yvonne De Carlo": person(
        "1922-09-01", "2007-01-08", "Vancouver, Colombie-Britannique, Canada",
        "Vedette de films d'aventures, elle est Séphora dans « Les Dix Commandements » et Lily dans la série "
        "« Les Monstres »."),
    "Boris Karloff": person(
        "1887-11-23", "1969-02-02", "Camberwell, Londres, Angleterre, Royaume-Uni",
        "Né William Henry Pratt, il émigre au Canada puis aux États-Unis, où il devient la créature de "
        "« Frankenstein » en 1931. Roi de l'épouvante pendant quarante ans, il retrouve Roger Corman et Jack "
        "Nicholson dans « The Terror »."),
    "Patrick Magee": person(
        None, None, None,
        "Acteur irlandais proche de Samuel Beckett, qui écrit pour lui « La Dernière Bande », il joue chez "
        "Coppola dans « Dementia 13 » et plus tard dans « Orange mécanique »."),
    "Lou Costello": person(
        "1906-03-06", "1959-03-03", "Paterson, New Jersey, États-Unis",
        "Avec Bud Abbott, il forme le duo Abbott et Costello, l'un des tandems comiques les plus populaires de "
        "la radio et du cinéma des années 1940."),
    "Bud Abbott": person(
        "1897-10-02", "1974-04-24", "Asbury Park, New Jersey, États-Unis",
        "Faire-valoir impeccable, il forme avec Lou Costello le duo Abbott et Costello, vedette de la radio et "
        "du cinéma des années 1940."),
    "Pinto Colvig": person(
        None, None, None,
        "Comédien de la voix, il prête la sienne à Dingo chez Disney et au bavard Gabby de « Gulliver's "
        "Travels »."),
    "Bud Collyer": person(
        None, None, None,
        "Voix de Superman à la radio et dans les dessins animés des studios Fleischer, il devient ensuite "
        "animateur de jeux télévisés."),
    "Marguerite Harrison": person(
        None, None, None,
        "Journaliste et agente de renseignement américaine, emprisonnée en Russie soviétique, elle participe "
        "à l'expédition de « Grass » avec Merian C. Cooper et Ernest B. Schoedsack."),
    "Mikhail Kaufman": person(
        None, None, None,
        "Frère de Dziga Vertov, il est l'opérateur de « Man with a Movie Camera », qu'on voit filmer à l'écran."),
    "Walter Huston": person(
        None, "1950-04-07", "Toronto, Ontario, Canada",
        "Acteur de théâtre et de cinéma, père du réalisateur John Huston, qui le dirige dans « Le Trésor de la "
        "Sierra Madre », rôle qui lui vaut l'Oscar du meilleur second rôle. Il prête sa voix de narrateur à la "
        "série « Why We Fight »."),
    "Rudolf Klein-Rogge": person(
        None, None, None,
        "Acteur fétiche de Fritz Lang, il est le docteur Mabuse, l'inventeur Rotwang de « Metropolis » et le "
        "maître espion Haghi de « Spies »."),
    "Brigitte Helm": person(
        None, "1996-06-11", "Berlin, Allemagne",
        "Révélée très jeune dans le double rôle de Maria et du robot de « Metropolis », elle reste une vedette "
        "du cinéma allemand jusqu'au milieu des années 1930, puis se retire en Suisse."),
    "Ivor Novello": person(
        "1893-01-15", "1951-03-06", "Cardiff, pays de Galles, Royaume-Uni",
        "Compositeur (« Keep the Home Fires Burning ») et idole du théâtre musical londonien, il tient le "
        "rôle-titre de « The Lodger » chez Hitchcock."),
    "Marion Davies": person(
        "1897-01-03", "1961-09-22", "Brooklyn, New York, États-Unis",
        "Comédienne pétillante, elle trouve dans « Show People » de King Vidor l'un de ses meilleurs rôles. "
        "Compagne de William Randolph Hearst, elle reçoit le tout-Hollywood à San Simeon."),
    "John Gilbert": person(
        "1897-07-10", "1936-01-09", "Logan, Utah, États-Unis",
        "Grand séducteur du muet et partenaire de Greta Garbo, il est le héros de « The Big Parade ». Le "
        "passage au parlant brise sa carrière."),
    "Renée Adorée": person(
        None, None, "Lille, France",
        "Issue d'une famille d'artistes de cirque, elle est la paysanne Mélisande de « The Big Parade »."),
    "Alla Nazimova": person(
        "1879-06-03", "1945-07-13", "Yalta, Crimée, Empire russe",
        "Tragédienne formée à Moscou, vedette à Broadway puis à Hollywood, elle produit et interprète "
        "« Salomé », film à l'esthétique audacieuse. Sa villa de Sunset Boulevard devient l'hôtel « Garden of "
        "Allah »."),
    "Anny Ondra": person(
        "1903-05-15", "1987-02-28", "Tarnów, Galicie, Autriche-Hongrie (aujourd'hui Pologne)",
        "Vedette du cinéma tchèque, elle tourne en Angleterre pour Hitchcock, dont « Blackmail ». Elle épouse "
        "le boxeur Max Schmeling."),
    "William S. Hart": person(
        "1864-12-06", "1946-06-23", "Newburgh, New York, États-Unis",
        "Acteur shakespearien devenu la première grande vedette du western, il impose un Ouest austère et "
        "réaliste, de « Hell's Hinges » à « Tumbleweeds », son dernier film."),
    "G. M. Anderson": person(
        "1880-03-21", "1971-01-20", "Little Rock, Arkansas, États-Unis",
        "Cofondateur de la société Essanay, il devient la première vedette du western sous le nom de « Broncho "
        "Billy ». Il reçoit un Oscar d'honneur en 1958."),
    "Rudolph Valentino": person(
        "1895-05-06", "1926-08-23", "Castellaneta, Pouilles, Italie",
        "Arrivé d'Italie en 1913, danseur mondain à New York, il devient une idole avec « The Four Horsemen of "
        "the Apocalypse » et « Le Cheik ». Sa mort soudaine, à trente et un ans, provoque des scènes d'hystérie "
        "collective."),
    "Joan Crawford": person(
        None, "1977-05-10", "San Antonio, Texas, États-Unis",
        "Danseuse devenue vedette de la MGM, elle est Nanon face à Lon Chaney dans « The Unknown ». Elle obtient "
        "l'Oscar pour « Le Roman de Mildred Pierce »."),
    "Emil Jannings": person(
        "1884-07-23", "1950-01-02", "Rorschach, Suisse",
        "Premier lauréat de l'Oscar du meilleur acteur, il est le portier déchu de « The Last Laugh », Méphisto "
        "dans « Faust » et le professeur de « L'Ange bleu ». Sa participation au cinéma de propagande nazi a "
        "terni la fin de sa carrière."),
    "Oliver Hardy": person(
        "1892-01-18", "1957-08-07", "Harlem, Géorgie, États-Unis",
        "Second rôle dans de nombreux burlesques, dont « The Wizard of Oz » de Larry Semon où il est le "
        "bûcheron en fer-blanc, il forme à partir de 1927 avec Stan Laurel le duo Laurel et Hardy."),
    "Mary Pickford": person(
        "1892-04-08", "1979-05-29", "Toronto, Ontario, Canada",
        "« La petite fiancée de l'Amérique » est la première grande star du cinéma et l'une des femmes "
        "d'affaires les plus puissantes d'Hollywood : cofondatrice d'United Artists et de l'Académie, elle "
        "remporte l'Oscar pour « Coquette »."),
    "Jack Pickford": person(
        None, None, None,
        "Frère cadet de Mary Pickford, acteur dès l'enfance, il joue Brooks dans « The Bat »."),
    "Sarah Bernhardt": person(
        "1844-10-22", "1923-03-26", "Paris, France",
        "La « divine », monstre sacré du théâtre français, tourne quelques films dont « Les Amours de la reine "
        "Élisabeth », succès international qui contribue à imposer le long métrage."),
    "Maurice Chevalier": person(
        "1888-09-12", "1972-01-01", "Paris, France",
        "Chanteur de music-hall au canotier, il part pour Hollywood où il devient, avec Jeanette MacDonald, la "
        "vedette des opérettes filmées de Lubitsch, dont « The Love Parade ». Il tourne plus tard « Gigi »."),
    "Jeanette MacDonald": person(
        "1903-06-18", "1965-01-14", "Philadelphie, Pennsylvanie, États-Unis",
        "Soprano venue de Broadway, elle débute au cinéma dans « The Love Parade » et forme ensuite avec Nelson "
        "Eddy un couple vedette de la MGM."),
    "Olga Baclanova": person(
        None, None, None,
        "Venue du Théâtre d'art de Moscou, elle est la duchesse Josiana de « The Man Who Laughs », puis la "
        "trapéziste Cléopâtre de « Freaks »."),
    "Lars Hanson": person(
        None, None, None,
        "Grand acteur suédois, partenaire de Greta Garbo, il joue Lige Hightower face à Lillian Gish dans "
        "« The Wind »."),
    "Yuliya Solntseva": person(
        None, None, None,
        "Aelita, reine de Mars, dans le film de Protazanov, elle devient ensuite réalisatrice et la "
        "collaboratrice de son mari, Alexandre Dovjenko."),
    "Bartolomeo Pagano": person(
        None, None, None,
        "Docker génois choisi pour incarner le colosse Maciste dans « Cabiria », il reprend le personnage dans "
        "des dizaines de films."),
    "Pia Zadora": person(
        None, None, None,
        "Enfant, elle est la petite Martienne Girmar de « Santa Claus Conquers the Martians », avant de devenir "
        "chanteuse et actrice."),
}
