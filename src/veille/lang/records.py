"""The records each language folder's files are validated into (``veille.lang.loader``
reads the files): ``PlaceWords`` (``places.json``), ``DateWords`` (``dates.json``),
``ClosedClass`` (``closed_class.json``), ``LanguageInfo`` (``language.json``). Strict:
an unknown key or a value of the wrong type is an error naming the file and the key."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import field
from typing import Literal

from pydantic import ConfigDict
from pydantic.dataclasses import dataclass as validated_dataclass

from veille.model import TimeOfDay

#: The shape of a written calendar date: "12 mars 2024" (day_month), "March 12, 2024"
#: or "12 March" (month_day, which also reads day-month), "12 مارس (آذار) 2024" (arabic).
ExplicitShape = Literal["day_month", "month_day", "arabic"]

_STRICT = ConfigDict(extra="forbid", strict=True)


@validated_dataclass(frozen=True, config=_STRICT)
class DirectionPhrase:
    """One shape of a compass phrase just before a name, which makes the place vague:
    ``[article] word[joiner second] connector`` ("le nord-est de", "northern ",
    "the north of the ", "شمال شرق "). Matched on the lower-cased text before the name."""

    words: tuple[str, ...]
    articles: tuple[str, ...] = ()
    second: tuple[str, ...] = ()
    joiners: tuple[str, ...] = ()
    connectors: tuple[str, ...] = ("",)


@validated_dataclass(frozen=True, config=_STRICT)
class DirectionAfter:
    """Compass adjectives after a name that stay in its phrase ("ريف حلب الشمالي"):
    ``[article] word[ending][article]`` right after the name and one space."""

    words: tuple[str, ...]
    articles: tuple[str, ...] = ()
    endings: tuple[str, ...] = ()


@validated_dataclass(frozen=True, config=_STRICT)
class PlaceWords:
    """Words around place names in one language (``places.json``).

    Word sets are written as in the text; the geocoder normalises them
    (``veille.geo._normalize.normalise_token``). Phrases (``near_before``,
    ``vague``...) are matched on the lower-cased text as it is.
    """

    #: Never a place on their own, whatever the gazetteer says (function words, months,
    #: titles, common nouns that name a hamlet somewhere). Multi-word keys allowed.
    stop_keys: tuple[str, ...] = ()
    #: Lower-case words that may stand inside a multi-word name ("de", "al", "bin").
    name_particles: tuple[str, ...] = ()
    #: Geographic nouns after a name that do not make it a longer name ("X province").
    geo_nouns: tuple[str, ...] = ()
    #: A word just before a single-word name that makes it a place ("in", "à", "في").
    locative_cues: tuple[str, ...] = ()
    #: Nouns of a place taken, lost or besieged that announce the name after their "of"
    #: ("the capture of X", "the fall of X", "the siege of X").
    seizure_nouns: tuple[str, ...] = ()
    #: Words just before a name that announce a village the main gazetteer lacks
    #: ("in X", «à X», «près de X»): locative prepositions, less those that also open
    #: a possessor or an origin («de», "from"), which name no place often enough.
    village_cues: tuple[str, ...] = ()
    #: Nouns of place kinds heading a construct whose second word is a name ("مدينة").
    place_nouns: tuple[str, ...] = ()
    #: Nouns that announce a site (base, airport...), an admin area, a town.
    site_nouns: tuple[str, ...] = ()
    admin_nouns: tuple[str, ...] = ()
    #: Plural (Arabic: dual) admin nouns before a list of names ("the provinces of X
    #: and Y", «les régions de X et de Y», «محافظتي X وY»): each name is an admin area.
    admin_list_nouns: tuple[str, ...] = ()
    city_nouns: tuple[str, ...] = ()
    #: Singular (and dual) town nouns heading a construct whose second word is the
    #: town's own name («بلدة بابنوسة»), not an adjective («مدن تونسية»): a word after
    #: one that the gazetteer knows only by a Latin spelling is looked up loosely.
    name_nouns: tuple[str, ...] = ()
    #: First words of names that Arabic writes joined to the next or apart («كفركلا»,
    #: «كفر كلا»): a word that begins with one may be the two-word name.
    joined_name_heads: tuple[str, ...] = ()
    #: Words that join the members of a list of places ("X, Y and Z", «X et Y», «X وY»).
    list_joiners: tuple[str, ...] = ()
    #: Phrases that add one more place to those a sentence has named, even past a phrase
    #: that locates the last one ("X and Y in the north, as well as Z", «ainsi que Z»).
    added_place_joiners: tuple[str, ...] = ()
    #: Prepositions a list repeats before each member after its joiner ("in X and in Y",
    #: «des villages de X et de Y»): part of the gap between two members.
    list_prepositions: tuple[str, ...] = ()
    #: Words that tie a place to the area containing it, beside that language's admin
    #: and town nouns ("X district of Y province", "X, a town in Y", «X, dans la
    #: province de Y», «X التابعة لمحافظة Y»): the area named after them contains the
    #: place, as "X, Y" does. Articles (``container_articles``) may stand among them,
    #: never alone ("X, the Y and Z" is a list).
    container_links: tuple[str, ...] = ()
    container_articles: tuple[str, ...] = ()
    #: Nouns for a capital: the name after them is the city, not its namesake country
    #: ("العاصمة تونس", "the capital Kuwait").
    capital_nouns: tuple[str, ...] = ()
    #: Articles, bare or contracted with a preposition, that may open a parser's place
    #: entity without being part of the name ("the Sahel", «au Caire» for «Le Caire»).
    span_articles: tuple[str, ...] = ()
    #: Phrases right before a name that make it "near X" (precision 2). A phrase in
    #: Latin script starts at a word boundary; an Arabic one may follow a clitic.
    near_before: tuple[str, ...] = ()
    #: Words right after a name that make it "near X" ("X area").
    near_after: tuple[str, ...] = ()
    #: Compass phrases before a name that make it vague (precision 3).
    vague: tuple[DirectionPhrase, ...] = ()
    #: Letters of proclitics that may be glued to a compass word (not part of the phrase).
    direction_clitics: str = ""
    directions_after: DirectionAfter | None = None
    #: Words for the centre, which keep a town's own precision ("le centre de X").
    centre_words: tuple[str, ...] = ()
    #: Articles before a centre word ("le centre").
    centre_articles: tuple[str, ...] = ()
    #: Letters of proclitics that may be glued to a centre word.
    centre_clitics: str = ""
    #: Direction words before a demonym ("le nord-est syrien").
    direction_words: tuple[str, ...] = ()
    #: Directions that name a region somewhere ("l'Ouest", "the North", «الشمال»): as a
    #: region's name they hold only in a country the text names.
    direction_names: tuple[str, ...] = ()
    #: Nouns of streets and squares, right after ("Victoria Square") or before ("rue de
    #: Paris") a place word: the street's name, not the place.
    street_nouns: tuple[str, ...] = ()
    #: Nouns of roads between towns, before ("l'axe X-Y") or after ("the X-Y road") a
    #: hyphenated pair of names: each side names a town, however small.
    road_nouns: tuple[str, ...] = ()
    #: Nouns of a quarter of a city, before ("le quartier de X", «حي X») or after ("the
    #: X neighbourhood") its name: a part of a city the text names, not a town far away.
    quarter_nouns: tuple[str, ...] = ()
    #: Proclitics that may be glued to a locative cue or a place noun («بمنطقة»,
    #: «وبلدة»): the glued word is the cue or the noun.
    noun_clitics: tuple[str, ...] = ()
    #: Words after which a name is a time of day, not a place («صلاة المغرب», the
    #: sunset prayer, not Morocco).
    time_nouns_before: tuple[str, ...] = ()
    #: Words whose everyday sense in news is not the place they spell (a function word,
    #: a common noun, a person's name: «كيف» how, not Kyiv; «بأنه» that it, not Baneh;
    #: «الأمل» hope, not Amol). One standing alone is a place only after a word that
    #: announces one (a locative preposition, a town noun), never on the strength of a
    #: glued clitic or of the place's size.
    common_words: tuple[str, ...] = ()
    #: Nouns of buildings and institutions named after their town ("X High Court",
    #: «l'université de X», «مطار X»): a place word in such a name is where it stands.
    facility_nouns: tuple[str, ...] = ()
    #: Phrases that close an area's own name after it ("X Local Government Area", "X
    #: LGA", "X Municipality"), in any case: the name is the area (not a town named
    #: alike), and a parser's entity that holds only name and phrase is the area's, not
    #: an organisation's or a person's named after it.
    area_tails: tuple[str, ...] = ()
    #: Nouns of a settlement that an apposition puts between a name and the area it
    #: lies in ("X, a farming community in Y", «X, localité du district de Y»).
    settlement_nouns: tuple[str, ...] = ()
    #: Nouns of armed groups named after a place, right after the name ("the X gang",
    #: "the X cartel") or before it with their "of" («le gang de X», «le cartel de X»):
    #: the group's name, not where anything happened.
    group_nouns_after: tuple[str, ...] = ()
    group_nouns_before: tuple[str, ...] = ()
    #: Nouns of news outlets ("the channel X", «la chaîne X», «قناة X»): a name right
    #: after one is the outlet's («قناة الجزيرة» is no Gezira), not a place.
    outlet_nouns: tuple[str, ...] = ()
    #: Phrases that make the place next to them an organisation's seat: right before
    #: it («basé à», «ومقره في») or right after it ("-based": "the London-based
    #: monitor"). No event is there (``veille.geo.places.PlaceFinder.keep``).
    seat_before: tuple[str, ...] = ()
    #: Phrases that end right before a name across a border from where the text is
    #: ("near the border with X", «la frontière avec le X», «الحدود مع X»): not where.
    beyond_before: tuple[str, ...] = ()
    seat_after: tuple[str, ...] = ()
    #: Demonyms and place adjectives the gazetteer lacks -> the place's name.
    demonyms: Mapping[str, str] = field(default_factory=dict)
    #: Endings of number and gender a people's adjective takes after its singular
    #: («سوري» -> «سوريون», «سوريين», «سوريان», «سوريات», «سوريتان»): the adjective
    #: inflected still names its country.
    demonym_endings: tuple[str, ...] = ()


@validated_dataclass(frozen=True, config=_STRICT)
class DateWords:
    """Date words of one language (``dates.json``); keys are matched case-insensitively."""

    explicit: ExplicitShape
    #: Weekday name -> Monday 0 ... Sunday 6.
    weekdays: Mapping[str, int]
    #: Month name (and abbreviations) -> 1..12.
    months: Mapping[str, int]
    #: Days relative to publication ("hier": -1).
    relative: Mapping[str, int] = field(default_factory=dict)
    #: Days relative to the narrative anchor ("la veille": -1).
    anchored: Mapping[str, int] = field(default_factory=dict)
    time_of_day: Mapping[str, TimeOfDay] = field(default_factory=dict)
    #: Months back from publication ("last month": 1): month precision.
    past_months: Mapping[str, int] = field(default_factory=dict)
    #: Years back from publication ("l'an dernier": 1): year precision.
    past_years: Mapping[str, int] = field(default_factory=dict)
    #: Weeks back from publication ("last week": 1): week precision, that many weeks back.
    past_weeks: Mapping[str, int] = field(default_factory=dict)
    #: Words right before or after a weekday that set it in the past week ("last Tuesday",
    #: «mardi dernier», «الثلاثاء الماضي»): told on a Tuesday, the Tuesday a week before.
    last_markers: tuple[str, ...] = ()
    #: The weekend the report follows ("over the weekend", «ce week-end»): the Saturday
    #: on or before publication, week precision (two days, as ACLED's precision 2).
    weekend: tuple[str, ...] = ()
    #: Named days of the calendar, with their month and day ("Christmas Day": "12-25",
    #: «le jour de l'an»: "01-01"): the last such day on or before publication.
    fixed_days: Mapping[str, str] = field(default_factory=dict)
    #: Words before a month alone ("en mars", "in March"): month precision. The cues of
    #: every language are accepted before this language's month names.
    month_cues: tuple[str, ...] = ()
    #: Words before a year alone ("en 2014", "عام 1983"): year precision.
    year_cues: tuple[str, ...] = ()
    #: Articles and ordinal day suffixes of a written date ("le 1er mars", "March 3rd").
    date_articles: tuple[str, ...] = ()
    ordinal_suffixes: tuple[str, ...] = ()
    #: Day numbers written as words of their own ("1er").
    ordinal_days: tuple[str, ...] = ()
    #: Days told as ordinal words ("الحادي والعشرين من مارس") -> day of the month.
    ordinal_day_names: Mapping[str, int] = field(default_factory=dict)
    #: Words between a day and a month ("3rd of March").
    day_of: tuple[str, ...] = ()
    #: One night across two days ("la nuit de samedi à dimanche"): a regular expression
    #: with ``{wd}`` for any weekday and a group ``second`` for the day it ends in.
    overnight: str | None = None
    #: A day of the month of publication told without the month («le 5 courant», «يوم 5
    #: من الشهر الجاري»): a regular expression with a group ``day`` (digits, or with
    #: ``{ord}`` for the ordinal day names).
    this_month_day: str | None = None
    #: Letters of proclitics that may be glued to a date word (Arabic و ف ب ل); with
    #: them, a date word ends at a space or punctuation instead of a word boundary.
    clitics: str = ""
    #: The code ``dateparser`` reads the language under, for dates of other shapes than
    #: the common ones (None: only those are read).
    parser_language: str | None = None


@validated_dataclass(frozen=True, config=_STRICT)
class ClosedClass:
    """Closed-class words the event rules test (``closed_class.json``), in
    ``veille.extract.lexicon.fold`` form (for Arabic, ``veille.nlp.arabic.normalize``).
    The rules read the words of every language at once (``closed_words``) unless they
    are Arabic rules (``veille.nlp.arabic``)."""

    #: Words after a number that make it a part of a group: "two of those killed".
    partitive_after: frozenset[str] = frozenset()
    #: Words after a number that hold the article of a definite group, so whatever noun
    #: follows is that group: «deux des morts» (de + les), not a count of bare nouns.
    partitive_definite: frozenset[str] = frozenset()
    #: Words before a number that make it a part of a group: "including five soldiers".
    partitive_before: frozenset[str] = frozenset()
    #: Prepositions of sequence before an act ("after an attack", «après une attaque»):
    #: the act came first, and what the sentence tells of its dead is its outcome.
    after_markers: frozenset[str] = frozenset()
    #: Words that may stand between such a word and its number: "among them eleven",
    #: "including at least five", «parmi lesquels trois».
    partitive_fillers: frozenset[str] = frozenset()
    #: Prepositions after a strike noun that lead to what it hit ("strikes on X"; not
    #: "in": "a strike in X" is where it happened).
    strike_on: frozenset[str] = frozenset()
    #: Verb endings of the conditional present (hypothetical): "frapperait".
    conditional_endings: tuple[str, ...] = ()
    #: A clash between two sides: "between X and Y" (``pair_between``, ``pair_and``),
    #: "opposer X à Y" (``pair_verbs``, then ``pair_to`` before the second side).
    pair_between: frozenset[str] = frozenset()
    pair_and: frozenset[str] = frozenset()
    pair_verbs: frozenset[str] = frozenset()
    pair_to: frozenset[str] = frozenset()
    #: The noun "day" as a date opens with it («يوم الاثنين», "the day"): with the
    #: weekdays, parts of the day and relative days, a phrase of time a verb's subject
    #: may be parted from its preposition by («سيطرت X، اليوم الاثنين، على»).
    day_nouns: frozenset[str] = frozenset()
    #: Words that open a phrase of circumstance ("during", «lors de», «au cours de»,
    #: «خلال»): an event noun in it sets the scene of the clause's act.
    circumstance: frozenset[str] = frozenset()
    #: Words that open a phrase naming an earlier act the clause's act answers ("after",
    #: "against", «suite à», «احتجاجا على»): an arrest there is what a crowd protests,
    #: not the force it met.
    antecedent: frozenset[str] = frozenset()
    #: Prepositions before a day an act is set for ("organised for Wednesday", «prévue
    #: pour samedi»): the act is planned.
    scheduled_for: frozenset[str] = frozenset()

    #: Proclitic strings stripped for matching, longest first.
    proclitics: tuple[str, ...] = ()
    #: The article, bare or after a proclitic.
    article_forms: tuple[str, ...] = ()
    #: Verbs that begin like the article once أ is normalised (form IV verbs of roots in
    #: ل: ألقوا).
    verbs_like_article: frozenset[str] = frozenset()
    relative_pronouns: frozenset[str] = frozenset()
    #: Words that open the list of members of a group of places just named ("several
    #: villages, including X and Y", «plusieurs localités, dont X et Y»): written as
    #: in the text, lower-case; phrases allowed.
    list_openers: frozenset[str] = frozenset()
    #: Adverbs that tell what happened before now, as experience: "already", «déjà»;
    #: with one of repetition, a habit ("the camp has already been attacked several
    #: times"), not that day's acts.
    experiential: frozenset[str] = frozenset()
    #: Adverbs that put a denial or a claim in the past or make it a habit
    #: ("previously", "repeatedly", «par le passé», «مرارا»): "the group has previously
    #: denied targeting civilians" denies no act of this report.
    earlier_adverbs: frozenset[str] = frozenset()
    #: A communiqué's own forces, told in the first person: a possessive
    #: (``own_possessives``: "our", «nos») up to two words before a noun of armed force
    #: (``own_force_nouns``: "forces", «unités»), or one Arabic word with the pronoun
    #: glued (``own_forces_glued``: «قواتنا»). They stand for the forces whose voice the
    #: text is (``veille.stages.ActorStage``).
    own_possessives: frozenset[str] = frozenset()
    #: The speaker's own possessives ("my", "our", «mes», «nos»): a count of the
    #: speaker's own people ("they killed my two brothers") is a part of a toll told by
    #: a witness, not the toll (``veille.extract.tolls``).
    speaker_possessives: frozenset[str] = frozenset()
    own_force_nouns: frozenset[str] = frozenset()
    own_forces_glued: frozenset[str] = frozenset()
    #: Words that mark an infinitive of purpose ("to", «pour», «afin (de)»): what it
    #: acts on is an aim ("in order to end the attacks"), not an act told.
    purpose_markers: frozenset[str] = frozenset()
    #: Prepositions of direction ("towards", «vers», «باتجاه»): the place after one is
    #: where people or things went, not where an act fell.
    destination_preps: frozenset[str] = frozenset()
    #: Verbs of getting somewhere ("reach", «gagner», «rejoindre»): the place their
    #: infinitive of purpose names ("trying to reach X", «pour gagner X») is where people
    #: were going, not where an act fell.
    goal_verbs: frozenset[str] = frozenset()
    #: Verbs of belief whose participle, right after a noun, opens a reduced relative
    #: ("attackers thought to be loyal to X raided ...", "men suspected to be X stormed
    #: ..."): the parser takes the participle for the sentence's verb, and
    #: ``veille.nlp.repairs`` hangs it back on its noun.
    belief_verbs: frozenset[str] = frozenset()
    #: The words of "after" a verb of sequence takes (noun class ``sequence_verbs``:
    #: "The massacre comes a week after the attack on X", «Le massacre survient après
    #: l'attaque de X»): the act they open is the earlier one, told with its day.
    sequel_preps: frozenset[str] = frozenset()
    #: The words that open the two ends of a route ("from X to Y", «de X à Y», «من X
    #: إلى Y»): where something travelled, not where an act fell.
    route_from: frozenset[str] = frozenset()
    route_to: frozenset[str] = frozenset()
    #: "the group", «le groupe», «التنظيم»: the nouns (and the articles before them)
    #: that stand for the armed group a text named last (``veille.stages.ActorStage``).
    group_articles: frozenset[str] = frozenset()
    group_anaphors: frozenset[str] = frozenset()
    #: "its forces", «ses combattants», «قواتها»: the possessives of a third party before
    #: a noun of ``own_force_nouns`` (Arabic: the force nouns with the pronoun glued),
    #: standing for the forces of the armed actor the text named last before them.
    its_possessives: frozenset[str] = frozenset()
    its_forces_glued: frozenset[str] = frozenset()
    #: The label of breaking news at the head of a live blog's entry ("breaking",
    #: «urgent», «عاجل»): what the entry tells happened as it was posted.
    breaking_marks: frozenset[str] = frozenset()
    #: Number words that multiply the number before them ("ten thousand", «vingt
    #: mille», «عشرة آلاف»): each has its value among the lexicon's number words.
    number_multipliers: frozenset[str] = frozenset()
    #: Prepositions that set deaths within a span ("killed in / during the war", «tués
    #: dans le conflit», «قتلوا في الحرب»): before a noun of ``war_nouns``, the toll is
    #: the war's, a tally (``veille.extract.tallies.tally``).
    setting_preps: frozenset[str] = frozenset()
    #: A span of dates counted over: an opener ("between", «entre», «بين») before its
    #: first day or month, a joiner ("and", «au», «و») before its last
    #: (``veille.extract.tallies.date_ranges``).
    range_openers: frozenset[str] = frozenset()
    range_joiners: frozenset[str] = frozenset()
    #: Words that open a period at a day ("since Sunday", «depuis dimanche», «منذ
    #: الأحد»): a day before the report's after one starts a span of days, it dates
    #: no single act (``veille.extract.tallies.names_a_day``).
    period_openers: frozenset[str] = frozenset()
    #: Quantifiers of a few, or of one raid's strikes ("several", "a series", "a wave",
    #: «plusieurs», «une série», «عدة», «سلسلة»): "the airport was hit by several
    #: strikes" at a town or site the sentence names is one event there, not a count of
    #: many (``veille.extract.tallies.few_at_a_place``).
    few_quantifiers: frozenset[str] = frozenset()
    #: Nouns of number that count only as "a number of", before their "of" («عدد من
    #: القتلى»); before a noun they name the count («عدد القتلى», the toll), no figure
    #: (``veille.extract.numbers.spelt_number``).
    partitive_numbers: frozenset[str] = frozenset()
    #: The "of" of those nouns («من»).
    partitive_ofs: frozenset[str] = frozenset()
    #: Word starts that look like a future verb (س + ي/ت/ن) but are nouns (سيارة, سنوات).
    future_lookalikes: tuple[str, ...] = ()
    #: Words a noun follows, never a verb: prepositions and nouns of side or nearness
    #: («في», «قرب», «شمال»). A word after one that looks like a future verb is a name
    #: («قرب سنجار», «في سنار»).
    noun_governors: frozenset[str] = frozenset()
    #: Verbs of accusing whose object is the accused, then the act («اتهمت X Y بتنفيذ
    #: الهجوم», «حمّلت X Y مسؤولية القصف»): the accuser, when named, stands between.
    accusing_verbs: frozenset[str] = frozenset()
    #: Perfect verbs that begin with ت (forms V and VI) and so look like an imperfect
    #: after قد: "قد تعرض" (had been subjected), "قد تم" (had been done).
    perfect_with_ta: frozenset[str] = frozenset()
    #: Forms of "to be" (كان) that make قد a past marker.
    kana: frozenset[str] = frozenset()
    #: Forms of زال after لا/ما ("لا تزال"): "still", not a negation.
    continuative: frozenset[str] = frozenset()
    #: Conjunctions that open a clause told as a fact ("that", «que», «أن»): after a
    #: verb of denial ("denied that ...", «نفى ... أن ...»), the occurrence is denied.
    complementizers: frozenset[str] = frozenset()
    #: Words after a nominal trigger that make it a possibility, not a report
    #: ("ضربة محتملة", "التظاهرة المقبلة").
    modal_after: frozenset[str] = frozenset()
    time_of_day: frozenset[str] = frozenset()
    #: Light verbs before a masdar (قام ب، أقدم على، عمد إلى): the act is told.
    light_verbs: frozenset[str] = frozenset()
    #: Those in the perfect, and the passive auxiliaries (تم، جرى): after them a masdar
    #: tells an act done ("أقدم مسلحون على اختطاف", "تم اختطاف").
    past_light_verbs: frozenset[str] = frozenset()
    #: Verbs of announcing or claiming an act, before its masdar («أعلنت الجماعة إطلاق
    #: صاروخ», «تبنت الحركة»): they assert it as a past light verb does.
    announcing_verbs: frozenset[str] = frozenset()
    generic_determiners: frozenset[str] = frozenset()
    #: Passive and intransitive verbs of dying or being hurt.
    death_verbs: frozenset[str] = frozenset()
    #: Nouns of a rate or share (نسبة): figures over a period, not one event.
    statistic_nouns: frozenset[str] = frozenset()


@validated_dataclass(frozen=True, config=_STRICT)
class LanguageInfo:
    """How the pipeline parses a language (``language.json``): exactly one of
    ``spacy_package`` and ``spacy_blank``. The config's ``[nlp]`` section may name
    another package for the shipped languages."""

    #: The installed spaCy package that parses the language (its import name).
    spacy_package: str | None = None
    #: A blank spaCy pipeline of the folder's code (``spacy.blank(code)``): tokens only,
    #: for a language with no spaCy model.
    spacy_blank: bool = False
    #: Add spaCy's rule-based sentencizer to the blank pipeline (sentences at
    #: terminal punctuation).
    sentencizer: bool = False
    #: Whether the pipeline's tags, dependency parse and entities are worth trusting
    #: (organisation names, function words). None: yes for a package, no for a blank
    #: pipeline.
    parsed: bool | None = None

    @property
    def has_parse(self) -> bool:
        """Whether the language's docs carry a parse to trust (``parsed``, or its
        default)."""
        return self.parsed if self.parsed is not None else self.spacy_package is not None
