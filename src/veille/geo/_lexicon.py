"""Words around place names: stop words, cues, site nouns, directions, demonyms.

The words live in each language's folder (``veille/lang/<code>/places.json``, read by
``veille.lang.resources``); the geocoder reads every language at once, so ``geo_words``
joins them: the sets are unions, the phrase regexes alternatives of every language's
phrases. Word sets are in normalised form (``_normalize.normalise_token``): lower case,
no accents; Arabic without diacritics, with unified alef/ya/ta marbuta and no article.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from veille.geo._normalize import normalise_token
from veille.lang.identify import char_script
from veille.lang.loader import (
    Root,
    common_places,
    languages,
    resources,
)
from veille.lang.records import DirectionAfter, DirectionPhrase, PlaceWords


@dataclass(frozen=True, slots=True)
class GeoWords:
    """The place words of every language under one root, normalised and compiled."""

    #: Keys that are never a place on their own, whatever the gazetteer says: function
    #: words, months and weekdays, compass points, titles, and common nouns that happen to
    #: name a hamlet somewhere ("Base", "Mars", "دير"); multi-word names news uses for
    #: something else than the place they name.
    stop_keys: frozenset[str]
    #: Lower-case Latin words that may stand inside a multi-word name without capitals.
    name_particles: frozenset[str]
    #: Geographic nouns that may follow a capitalised name without making it part of a
    #: longer proper name ("Aleppo Province", "Raqqa city").
    geo_nouns: frozenset[str]
    #: A cue just before a single-word match that makes it a place ("in Homs", "à Alep",
    #: "في حمص"); Arabic prepositions glued to the name count as well.
    locative_cues: frozenset[str]
    #: Nouns of a place taken, lost or besieged, before "of" ("the capture of X").
    seizure_nouns: frozenset[str]
    #: The stricter cues before a village's name (``PlaceWords.village_cues``), as
    #: written (accents kept), lower-cased.
    village_cues: frozenset[str]
    #: Nouns of place kinds, the head of a construct whose second word is a name.
    place_nouns: frozenset[str]
    #: Nouns that announce a curated site within the few words before its name.
    site_nouns: frozenset[str]
    #: Nouns that announce an admin area ("la province d'Idleb", "محافظة إدلب").
    admin_nouns: frozenset[str]
    #: Plural or dual admin nouns before a list of names ("the provinces of X and Y").
    admin_list_nouns: frozenset[str]
    #: Words between a place and the area containing it (``PlaceWords.container_links``
    #: with every admin and town noun): "X district of Y province"; and the articles
    #: that may stand among them (``container_articles``).
    container_links: frozenset[str]
    container_articles: frozenset[str]
    #: Words after which a name is a time of day («صلاة المغرب»: the sunset prayer).
    time_nouns_before: frozenset[str]
    #: Everyday words that spell a place (``PlaceWords.common_words``), with their clitics.
    common_words: frozenset[str]
    #: Nouns that announce a town.
    city_nouns: frozenset[str]
    #: Town nouns whose next word is the town's own name (``PlaceWords.name_nouns``).
    name_nouns: frozenset[str]
    #: Nouns for a capital city ("العاصمة تونس"): the city, not the namesake country.
    capital_nouns: frozenset[str]
    #: Heads of names Arabic writes joined or apart (``PlaceWords.joined_name_heads``),
    #: normalised.
    joined_name_heads: tuple[str, ...]
    #: The text between two members of a list of places: a comma, a joiner or both
    #: (``PlaceWords.list_joiners`` and ``added_place_joiners``: ", ", " and ", " و").
    list_gap: re.Pattern[str]
    #: The end of the text between a place and one added to it past a phrase that
    #: locates the first (``PlaceWords.added_place_joiners``: "..., as well as ").
    added_place: re.Pattern[str]
    #: Articles that may open a parser's place entity without being part of the name.
    span_articles: frozenset[str]
    #: Phrases just before a name that make it "near X" (geo_precision 2), matched on the
    #: lower-cased text before the name (the regex ends at the name).
    near_before: re.Pattern[str]
    near_after: re.Pattern[str]
    #: The one-word ``near_before`` phrases ("محيط", «أطراف»), with their clitics: words
    #: that locate a name after them, never a name themselves.
    near_words: frozenset[str]
    #: ``seat_before`` / ``seat_after`` of every language: phrases that end the lower-cased
    #: text before a name / open the text after it, making it an organisation's seat.
    seat_before: re.Pattern[str]
    seat_after: re.Pattern[str]
    #: ``beyond_before`` of every language, ending the lower-cased text before a name.
    beyond_before: re.Pattern[str]
    #: Compass phrases whose phrase with a country or region is vague (precision 3).
    vague_before: re.Pattern[str]
    #: The centre of a town is in the town: "le centre de X", "central X", "وسط X" keep
    #: the town's own precision (1), where "the north of X" is near it (2).
    centre_phrase: re.Pattern[str]
    #: A compass word may carry a clitic ("بشمال", "وجنوب"): not part of the phrase.
    clitic_before_direction: re.Pattern[str]
    #: "ريف حلب الشمالي": an adjective after the name stays in the phrase.
    direction_after: re.Pattern[str]
    #: Direction words before a demonym: "le nord-est syrien", "الشمال السوري".
    direction_words: frozenset[str]
    #: Directions that name a region somewhere (keys): held only in a country the text
    #: names ("l'Ouest" in a story about Niger is not Cameroon's West Region).
    direction_names: frozenset[str]
    #: Nouns of streets and squares (keys): a place word naming one ("Victoria Square",
    #: «rue de Paris») is the street's name, not the place.
    street_nouns: frozenset[str]
    #: ``road_nouns`` of every language (keys): "the Kidal-Anefis road" names two towns.
    road_nouns: frozenset[str]
    #: ``quarter_nouns`` of every language, with their proclitics glued («بحي»).
    quarter_nouns: frozenset[str]
    #: Nouns of buildings and institutions (keys): a place word inside such a name
    #: ("the X High Court", «l'université de X») is where the building stands.
    facility_nouns: frozenset[str]
    outlet_nouns: frozenset[str]
    #: ``PlaceWords.area_tails`` of every language: matches one (and what space comes
    #: before it) right after a name, in any case.
    area_tail: re.Pattern[str]
    #: ``PlaceWords.settlement_nouns`` of every language (keys).
    settlement_nouns: frozenset[str]
    #: ``PlaceWords.group_nouns_after`` / ``group_nouns_before``: a group's noun right
    #: after a name / ending the lower-cased text before it (with its "of").
    group_after: re.Pattern[str]
    group_before: re.Pattern[str]
    #: Demonyms and place adjectives that ``countries.tsv`` lacks (it holds one per
    #: country it lists), each with the gazetteer key of the place it names. In English
    #: text a capitalised demonym ("Russian troops") is a toponym of its country or
    #: region, as the LGL and GeoWebNews guidelines count it.
    demonyms: Mapping[str, str]
    #: Endings of an inflected people's adjective (``PlaceWords.demonym_endings``),
    #: normalised, longest first.
    demonym_endings: tuple[str, ...]
    #: What the phrase searches below need to skip texts no phrase can end: the most
    #: characters a ``near_before`` phrase (less the spaces after it) and a
    #: ``vague_before`` phrase can match, and the last characters they can end with.
    #: None: unknown, the regex tries every start.
    near_ends: PhraseEnds | None = None
    vague_ends: PhraseEnds | None = None

    def near_phrase_before(self, lowered: str) -> bool:
        """Whether ``lowered`` (the lower-cased text before a name) ends with a near
        phrase and spaces: ``near_before.search``, run only where a phrase can end."""
        ends = self.near_ends
        if ends is None:
            return self.near_before.search(lowered) is not None
        stripped = lowered.rstrip()
        if not ends.may_end_with(stripped[-1:]):
            return False
        return self.near_before.search(lowered, max(0, len(stripped) - ends.reach)) is not None

    def vague_phrase_before(self, lowered: str) -> re.Match[str] | None:
        """The compass phrase ``lowered`` ends with: ``vague_before.search`` (which
        ignores case), run only where a phrase can end."""
        ends = self.vague_ends
        if ends is None or lowered.endswith("\n"):  # "$" matches before a final newline
            return self.vague_before.search(lowered)
        if not ends.may_end_with(lowered[-1:]):
            return None
        return self.vague_before.search(lowered, max(0, len(lowered) - ends.reach))


@dataclass(frozen=True, slots=True)
class PhraseEnds:
    """How a set of phrases ends: ``reach``, the most characters one can match;
    ``last``, the characters one can end with (None: any), compared lower-cased when
    the phrases are matched ignoring case."""

    reach: int
    last: frozenset[str] | None
    ignore_case: bool = False

    @classmethod
    def of(
        cls, reach: int, last: Iterable[str], *, spaces_after: bool, ignore_case: bool = False
    ) -> PhraseEnds:
        """The ends of phrases whose last characters are ``last``. None is ruled out
        when a cased letter outside ASCII ("İ") ends one under ``ignore_case`` (it may
        match an ASCII letter), nor when spaces may follow a phrase (``spaces_after``)
        and one ends in a space, which hides its end behind them."""
        chars = frozenset(last)
        if any(not c or (spaces_after and c.isspace()) for c in chars):
            return cls(reach, None, ignore_case)
        if ignore_case:
            if any(not c.isascii() and c.lower() != c.upper() for c in chars):
                return cls(reach, None, ignore_case)
            chars = frozenset(c.lower() for c in chars)
        return cls(reach, chars, ignore_case)

    def may_end_with(self, char: str) -> bool:
        """Whether a phrase can end with ``char`` (one character; "" for none). Ignoring
        case, a character outside ASCII may match an ASCII letter (the Kelvin sign
        matches "k"): only an ASCII one is ruled out."""
        if self.last is None or not char:
            return True
        if self.ignore_case:
            return not char.isascii() or char.lower() in self.last
        return char in self.last


def key_of(name: str) -> str:
    """The normalised key of a (possibly multi-word) name."""
    return " ".join(normalise_token(w) for w in name.split())


@functools.cache
def geo_words(root: Root = None) -> GeoWords:
    """The place words of every language folder under ``root`` (default: the shipped
    ``veille/lang``), with the shared ``common`` words; read once per process."""
    every = (common_places(root), *(resources(code, root).places for code in languages(root)))
    return build_geo_words(every)


#: The last characters of what a near phrase may end with: an article ("near the"),
#: "of", «de», «d'» after a town noun.
_NEAR_ARTICLE_ENDS = ("e", "a", "s", "'", "’", "f", "d")


def build_geo_words(every: Iterable[PlaceWords]) -> GeoWords:
    """Join several languages' place words into the geocoder's sets and regexes."""
    words = tuple(every)
    near = [p for pw in words for p in pw.near_before]
    # As written (accents and all): the near phrase regex reads the lower-cased text.
    town_nouns = sorted({w for pw in words for w in pw.city_nouns if char_script(w[:1]) == "latin"})
    vague = [p for pw in words for p in pw.vague]

    def phrases(kind: str) -> str:
        # The phrases of ``kind`` of every language, as written, one alternation.
        return _alt((w for pw in words for w in getattr(pw, kind)), escape=True)

    seat_before = phrases("seat_before")
    seat_after = phrases("seat_after")
    added = phrases("added_place_joiners")
    joiners = _alt(
        (w for pw in words for w in (*pw.list_joiners, *pw.added_place_joiners)), escape=True
    )
    # A repeated preposition ends with its own boundary: «de» is no prefix of «Denis».
    preps = phrases("list_prepositions")

    def union(kind: str) -> frozenset[str]:
        return frozenset(key_of(w) for pw in words for w in getattr(pw, kind))

    def glued(kind: str) -> frozenset[str]:
        # The words of ``kind``, bare and with each of their language's proclitics
        # glued before them ("منطقة", "بمنطقة", "وبمنطقة"); «ل» before the article
        # drops its alif («للتحالف», «وللتحالف»).
        return frozenset(
            key_of(_glue(c, w))
            for pw in words
            for w in getattr(pw, kind)
            for c in ("", *pw.noun_clitics)
        )

    return GeoWords(
        # "وأن" (and that) is no Van, "فمن" no Man: a function word with a clitic glued.
        stop_keys=glued("stop_keys"),
        name_particles=union("name_particles"),
        geo_nouns=union("geo_nouns"),
        locative_cues=glued("locative_cues"),
        seizure_nouns=union("seizure_nouns"),
        # Matched on the words as written, lower-cased: English "a" is no French «à».
        village_cues=frozenset(w.lower() for pw in words for w in pw.village_cues),
        place_nouns=glued("place_nouns"),
        site_nouns=union("site_nouns"),
        admin_nouns=glued("admin_nouns"),
        admin_list_nouns=union("admin_list_nouns"),
        container_links=glued("container_links") | glued("admin_nouns") | glued("city_nouns"),
        container_articles=union("container_articles"),
        time_nouns_before=glued("time_nouns_before"),
        common_words=glued("common_words"),
        city_nouns=glued("city_nouns"),
        name_nouns=glued("name_nouns"),
        capital_nouns=union("capital_nouns"),
        joined_name_heads=tuple(sorted(union("joined_name_heads"), key=len, reverse=True)),
        list_gap=re.compile(
            rf"^(?=\s*\S)\s*(?:[,،]\s*)?(?:(?:{joiners})\s*(?:(?:{preps})\s*)?)?(?:[,،]\s*)?$",
            re.IGNORECASE,
        ),
        added_place=re.compile(rf"(?:^|[\s,،])(?:{added})\s*$", re.IGNORECASE),
        span_articles=union("span_articles"),
        # "near X", "near the X", "near the town of X", «près de la ville de X»: an
        # article, and a town noun with its "of", may stand between.
        near_before=re.compile(
            rf"(?:{_near_phrases(near)})(?:\s+(?:the|le|la|les)|\s+l['’])?"
            rf"(?:\s*(?:{_alt(town_nouns, escape=True)})\s+(?:of|de|d['’]))?\s*$"
        ),
        near_words=frozenset(
            key_of(_glue(c, w))
            for pw in words
            for w in pw.near_before
            if " " not in w
            for c in ("", *pw.noun_clitics)
        ),
        near_after=re.compile(rf"^\s*(?:{phrases('near_after')})\b"),
        seat_before=re.compile(rf"(?:^|\s)(?:{seat_before})\s*$"),
        seat_after=re.compile(rf"^\s*(?:{seat_after})\b"),
        beyond_before=re.compile(rf"(?:^|\s)(?:{phrases('beyond_before')})\s*$"),
        vague_before=re.compile(rf"(?:{'|'.join(_direction(p) for p in vague)})$", re.IGNORECASE),
        centre_phrase=_centre_phrase(words),
        clitic_before_direction=_clitic_before_direction(words),
        direction_after=_direction_after(
            [pw.directions_after for pw in words if pw.directions_after is not None]
        ),
        direction_words=union("direction_words"),
        direction_names=union("direction_names"),
        facility_nouns=union("facility_nouns"),
        outlet_nouns=glued("outlet_nouns"),
        area_tail=re.compile(
            rf"\s+(?:{phrases('area_tails')})\b",
            re.IGNORECASE,
        ),
        settlement_nouns=union("settlement_nouns"),
        group_after=re.compile(
            rf"\s+(?:{phrases('group_nouns_after')})\b",
            re.IGNORECASE,
        ),
        group_before=re.compile(
            rf"\b(?:{phrases('group_nouns_before')})\s*$",
            re.IGNORECASE,
        ),
        street_nouns=union("street_nouns"),
        road_nouns=union("road_nouns"),
        quarter_nouns=glued("quarter_nouns"),
        # A plain dict (typed read-only): the geocoder travels to Spark executors pickled.
        demonyms={
            key_of(name): key_of(place) for pw in words for name, place in pw.demonyms.items()
        },
        demonym_endings=tuple(
            sorted(
                {normalise_token(e) for pw in words for e in pw.demonym_endings},
                key=len,
                reverse=True,
            )
        ),
        near_ends=PhraseEnds.of(
            max((len(p) for p in near), default=0)
            + len(" les ")
            + max((len(w) for w in town_nouns), default=0)
            + len(" de"),
            (*(p[-1:] for p in near), *_NEAR_ARTICLE_ENDS),
            spaces_after=True,
        ),
        vague_ends=PhraseEnds.of(
            max((_direction_reach(p) for p in vague), default=0),
            # The space before the connector ends a phrase whose connector is optional.
            (c[-1] if c else " " for p in vague for c in p.connectors or ("",)),
            spaces_after=False,
            ignore_case=True,
        ),
    )


_NEVER = r"(?!)"


def _glue(clitic: str, word: str) -> str:
    """A proclitic glued to a word; «ل» (for, of) before the article «ال» takes its
    alif's place: ل + التحالف is «للتحالف»."""
    if clitic.endswith("ل") and word.startswith("ال"):
        return clitic + word[1:]
    return clitic + word


def _alt(items: Iterable[str], *, escape: bool = False) -> str:
    """Alternatives, longest first; a pattern that never matches when there are none."""
    unique = sorted(set(items), key=lambda s: (-len(s), s))
    if not unique:
        return _NEVER
    return "|".join(re.escape(s) if escape else s for s in unique)


def _near_phrases(phrases: Iterable[str]) -> str:
    """The near phrases as one alternation: those in Latin script start at a word
    boundary, tested once for all of them (a position inside a word is left after one
    test instead of one per phrase); an Arabic one may follow a clitic glued to it
    ("بمحيط"). Only whether a phrase ends the text is read, not which one."""
    unique = set(phrases)
    latin = [p for p in unique if p and char_script(p[0]) == "latin"]
    groups = [rf"\b(?:{_alt(latin, escape=True)})"] if latin else []
    others = [p for p in unique if p not in latin]
    if others:
        groups.append(_alt(others, escape=True))
    return "|".join(groups) or _NEVER


def _optional(items: Iterable[str]) -> str:
    listed = [s for s in items if s]
    return f"(?:{_alt(listed, escape=True)})?" if listed else ""


def _direction(p: DirectionPhrase) -> str:
    """``[article] word[joiner second] connector`` of one compass phrase shape."""
    compound = ""
    if p.second:
        joiners = p.joiners or ("",)
        compound = f"(?:(?:{_alt(joiners, escape=True)})(?:{_alt(p.second, escape=True)}))?"
        if "" in joiners:  # an empty joiner: an alternation with an empty branch
            compound = (
                f"(?:(?:{_alt((j for j in joiners if j), escape=True)})?"
                f"(?:{_alt(p.second, escape=True)}))?"
            )
    connectors = [c for c in p.connectors if c]
    connector = f"(?:{_alt(connectors, escape=True)})" if connectors else ""
    if connectors and "" in p.connectors:
        connector += "?"
    return (
        rf"(?<![\w]){_optional(p.articles)}(?:{_alt(p.words, escape=True)}){compound} {connector}"
    )


def _direction_reach(p: DirectionPhrase) -> int:
    """The most characters ``_direction(p)`` can match (every part at its longest)."""

    def longest(items: Iterable[str]) -> int:
        return max((len(s) for s in items), default=0)

    compound = longest(p.joiners) + longest(p.second) if p.second else 0
    return longest(p.articles) + longest(p.words) + compound + 1 + longest(p.connectors)


def _centre_phrase(words: tuple[PlaceWords, ...]) -> re.Pattern[str]:
    """A centre word, after an article (of any language) or, in a language written with
    proclitics, glued to one."""
    articles = _optional(a for pw in words for a in pw.centre_articles)
    plain = _alt((w for pw in words if not pw.centre_clitics for w in pw.centre_words), escape=True)
    shapes = [rf"{articles}(?:{plain})\b"]
    shapes += [
        rf"[{re.escape(pw.centre_clitics)}]?(?:{_alt(pw.centre_words, escape=True)})\b"
        for pw in words
        if pw.centre_clitics and pw.centre_words
    ]
    return re.compile(rf"^\W*(?:{'|'.join(shapes)})", re.IGNORECASE)


def _clitic_before_direction(words: tuple[PlaceWords, ...]) -> re.Pattern[str]:
    shapes = [
        rf"[{re.escape(pw.direction_clitics)}]+"
        rf"(?=(?:{_alt((w for p in pw.vague for w in p.words), escape=True)}))"
        for pw in words
        if pw.direction_clitics
    ]
    return re.compile(rf"^(?:{'|'.join(shapes) or _NEVER})")


def _direction_after(shapes: list[DirectionAfter]) -> re.Pattern[str]:
    alternatives = [
        rf"{_optional(s.articles)}(?:{_alt(s.words, escape=True)}){_optional(s.endings)}"
        rf"{_optional(s.articles)}\b"
        for s in shapes
    ]
    return re.compile(rf"^ (?:{'|'.join(alternatives) or _NEVER})")
