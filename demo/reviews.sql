-- A few CineVerse members' public ratings and reviews of demo films, so that film pages in
-- the offline demo show an average and some reviews. Written for this demo (the members and
-- their words are invented). Loaded by scripts/serve with the demo catalogue only, after the
-- migrations; idempotent: running it again adds nothing. The members cannot sign in (their
-- password hash is no Argon2id hash).
BEGIN;

INSERT INTO users (username, email, password_hash, first_name, last_name)
VALUES ('margot_cineclub', 'margot_cineclub@demo.invalid', '!demo-member', 'Margot', 'Démo'),
       ('lucien.pellicule', 'lucien.pellicule@demo.invalid', '!demo-member', 'Lucien', 'Démo'),
       ('odile_muet', 'odile_muet@demo.invalid', '!demo-member', 'Odile', 'Démo'),
       ('bastien35mm', 'bastien35mm@demo.invalid', '!demo-member', 'Bastien', 'Démo')
ON CONFLICT DO NOTHING;

WITH reviews (username, tmdb_id, title, poster_path, release_date, genre_ids, watched_on,
              rating_halves, review) AS (VALUES
    ('margot_cineclub', 900006, 'Nosferatu', '/poster-900006.svg', '1922-01-01', '{27,14}',
     DATE '2025-10-31', 9,
     'Vu en ciné-concert, l''orgue en direct. L''ombre qui monte l''escalier reste la plus belle peur du cinéma.'),
    ('odile_muet', 900006, 'Nosferatu', '/poster-900006.svg', '1922-01-01', '{27,14}',
     DATE '2025-11-08', 8,
     'Moins effrayant qu''envoûtant : les paysages comptent autant que le vampire.'),
    ('lucien.pellicule', 900020, 'Metropolis', '/poster-900020.svg', '1927-01-01', '{878,18}',
     DATE '2025-09-14', 10,
     'Chaque plan est une architecture. Le scénario est naïf, et alors ? On en sort ébloui.'),
    ('bastien35mm', 900020, 'Metropolis', '/poster-900020.svg', '1927-01-01', '{878,18}',
     DATE '2025-12-02', 7,
     'Visuellement immense, mais la version longue m''a paru bien longue sur la fin.'),
    ('margot_cineclub', 900005, 'The Kid', '/poster-900005.svg', '1921-01-01', '{35,18,10751}',
     DATE '2025-06-01', 9,
     'On rit, puis on a la gorge serrée dans la même minute. Jackie Coogan est incroyable.'),
    ('bastien35mm', 900018, 'The General', '/poster-900018.svg', '1926-01-01', '{35,28,10752}',
     DATE '2025-07-19', 10,
     'Les cascades sur la locomotive donnent le vertige cent ans après. Keaton ne sourit jamais, nous si.'),
    ('odile_muet', 900026, 'The Passion of Joan of Arc', '/poster-900026.svg', '1928-01-01',
     '{18,36}', DATE '2025-03-23', 10,
     'Des visages, rien que des visages, et c''est bouleversant. Falconetti regarde à travers l''écran.'),
    ('lucien.pellicule', 900000, 'A Trip to the Moon', '/poster-900000.svg', '1902-01-01',
     '{878,12,14}', DATE '2025-05-11', 8,
     'Quinze minutes de trucages faits main, et tout le cinéma fantastique est déjà là.'),
    ('odile_muet', 900059, 'Häxan', '/poster-900059.svg', '1922-01-01', '{99,27,36}',
     DATE '2025-10-25', 7,
     'Moitié conférence, moitié sabbat. Étrange objet, souvent drôle sans le vouloir.'),
    ('bastien35mm', 900100, 'Napoléon', '/poster-900100.svg', '1927-01-01', '{36,10752,18}',
     DATE '2025-04-06', 9,
     'Le triptyque final en salle, c''est une expérience à part. Prévoir un coussin.'),
    ('margot_cineclub', 900022, 'Sunrise', '/poster-900022.svg', '1927-01-01', '{18,10749}',
     DATE '2025-02-14', 10,
     'La traversée du lac, la ville, le retour : un poème. Le plus beau film de la liste.'),
    ('lucien.pellicule', 900010, 'Sherlock Jr.', '/poster-900010.svg', '1924-01-01',
     '{35,9648,14}', DATE '2025-08-30', 8,
     'Keaton entre dans l''écran de cinéma : une idée de génie en quarante-cinq minutes.'),
    ('odile_muet', 900004, 'The Cabinet of Dr. Caligari', '/poster-900004.svg', '1920-01-01',
     '{27,9648,53}', DATE '2025-01-19', 8,
     'Des décors peints tout de travers qui racontent la folie mieux que les intertitres.')
)
INSERT INTO diary_entries (user_id, media_type, tmdb_id, title, poster_path, release_date,
                           genre_ids, watched_on, rating_halves, review, public, import_key,
                           created_at, updated_at, reviewed_at)
SELECT u.id, 'movie', r.tmdb_id, r.title, r.poster_path, r.release_date,
       CAST(r.genre_ids AS integer[]), r.watched_on, r.rating_halves, r.review, true,
       'demo-review|' || r.tmdb_id, r.watched_on + time '21:00', r.watched_on + time '21:00',
       r.watched_on + time '21:00'
FROM reviews r JOIN users u ON lower(u.username) = lower(r.username)
ON CONFLICT (user_id, import_key) DO NOTHING;

COMMIT;
