"""Event extraction, one module per job, in the order the data flows.

Words (trigger verbs and nouns, weapons, negations, claim verbs, statement verbs...) are
data, in each language's folder: ``veille/lang/<lang>/triggers.json`` (French protest
triggers: ``fr/triggers.json``, ``triggers``), laid out in ``lexicon_data`` and
compiled by ``lexicon``. Per sentence:

- ``candidate``: what is read (``SentenceInput``) and written (``Candidate``,
  ``StatementCandidate``);
- ``triggers``: which trigger words fit the sentence and how they group;
- ``objects``: whether what a trigger acts on is of a noun class ("struck two weapons
  depots");
- ``anaphora``: whether a trigger names an event told before, or another one;
- ``territory``: whether a seizure verb's object is ground;
- ``modality``: negated, future, background, aggregate... (parse-based for fr/en;
  ``word_order_modality`` for ar; the reasons, ``rejection``);
- ``tallies``: many acts, not one: a tally over a period or a war, acts counted by
  the dozen, repeated or habitual;
- ``weapons``: the type a weapon gives a generic trigger;
- ``roles``: actor 1 and actor 2 (parse for fr/en, ``parsed_roles`` the role the parse
  gives one actor's word; ``word_order`` for ar);
- ``victims``: whether an attack fell on civilians (its victims or the site it hit);
- ``attribution``: claimed, denied, confirmed or reported, and by whom;
- ``when``: the event's date and time of day;
- ``tolls``: the number of dead;
- ``numbers``: numbers as written (digits, number words, "twenty-three", «خمسة عشر»);
- ``placing``: the event's place(s) among the sentence's places (``clusters``: the
  places that name one location; ``place_tolls``: each place's own count of the dead);
- ``voices``: the places that speak or act for a state ("Washington said"), no
  event's place;
- ``statements``: non-violent PLOVER records (threats, demands, agreements...);
- ``clauses``: how the sentence's clauses part what it tells ("while", "and another");
- ``acts``: how the acts it tells stand to each other (an effect, an arrest a crowd
  answers, fighting for ground taken, no one's act, no political act);
- ``intervention``: force met by a crowd (dispersed, a crowd new or counted, weapons
  that kill);
- ``setting``: a year on the trigger noun, unnamed places, a town told before, a day
  for each place of a list;
- ``finish``: what a sentence's candidates take once read (anaphors, dates and tolls,
  kinds named by the doer, missiles an air strike fired, the accused);
- ``sentence``: ``SentenceExtractor``, which calls the above for one sentence;
- ``syntax``: parse helpers they share.

Across sentences: ``layout`` (the lead's day, paragraphs, place-led paragraphs, a live
blog's entries and weapons named), ``entries`` (a live blog's entries as news of their
hour), ``areas`` (towns inside the areas a story names, and those an anaphor lists),
``story`` (an article's events as one story, read against its layout),
``crowd`` (riots and force against crowds) and, after merging, ``bare_clashes`` (clashes
only a default typed). ``taxonomy`` holds ACLED's event types.
"""
