"""The pipeline's stages over one ``ArticleAnalysis``: each reads layers, adds its own.

``Pipeline`` runs them in this order (``veille.registry`` names the replaceable ones;
``PipelineConfig.components`` chooses them)::

    SentenceStage    docs -> sentences (tokens, source, published)
    PlaceStage       text + parse evidence -> places, countries
    ActorStage       text + countries -> actors, framing
    StateNameStage   places -> state_names, state_adjectives (a country's name or
                     people's adjective as its forces, for the event rules to make
                     the doer where the parse says so)
    DateStage        sentences -> their date expressions (anchored on the narrative)
    ExtractionStage  sentences + layers -> candidates, statement candidates
    VetoStage        candidates -> those a learned veto keeps (when enabled)
    CrowdStage       candidates -> violence by or against a crowd retyped
    StoryStage       candidates -> those kept, with the story's date and place
    EventAssembler   candidates -> events; statement candidates -> statements
                     (``veille.extract.assemble``)
    WithinArticle    events -> the article's events, deduplicated within it

Every stage is a small frozen class whose only state is its components.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING

from veille.analysis import ArticleAnalysis, Sentence, within
from veille.errors import InputError
from veille.extract.candidate import (
    ActorRef,
    Candidate,
    FramingRef,
    PlaceRef,
    SentenceInput,
    StatementCandidate,
)
from veille.lang.loader import closed_words
from veille.nlp.dates import DateExpression, find_date_expressions, forward_if_future
from veille.nlp.sentences import SentenceSplitter

if TYPE_CHECKING:
    from veille.extract.lexicon import Lexicon
    from veille.geo import Toponym
    from veille.registry import (
        CandidateVeto,
        CrowdReader,
        Deduplicating,
        PlaceFinding,
        StoryReader,
    )
    from veille.resolve.actors import ActorResolver
    from veille.resolve.textnorm import Token

# Merging mentions of one article costs more than linearly in the mentions of an event;
# a real article holds tens, a live blog hundreds. Past this, the input is refused.
MAX_MENTIONS_PER_ARTICLE = 2_000

#: The event lexicon of a language (``Pipeline.lexicon``: raises ``DataError`` when
#: it cannot be loaded).
LexiconOf = Callable[[str], "Lexicon"]


@dataclass(frozen=True)
class SentenceStage:
    """Fills ``sentences``: each parsed segment's sentences, in the article's order."""

    splitter: SentenceSplitter = field(default_factory=SentenceSplitter)

    def __call__(self, analysis: ArticleAnalysis) -> None:
        published = analysis.article.published
        out: list[Sentence] = []
        for k, seg in enumerate(analysis.segments):
            doc = analysis.docs.get(k)
            if doc is None:
                continue
            for span in self.splitter(doc, seg):
                out.append(
                    Sentence(
                        start=span.start,
                        end=span.end,
                        tokens=span.tokens,
                        segment=k,
                        language=seg.language,
                        source_id=seg.source_id,
                        source_kind=seg.kind,
                        published=seg.published or published,
                        post_date_span=seg.date_span,
                    )
                )
        analysis.sentences = out


@dataclass(frozen=True)
class PlaceStage:
    """Fills ``places`` (sorted by start) and ``countries``: the article's places,
    language by language, from the place component (the one ``veille geoparse`` and the
    geoparsing evaluation use), less the place words inside a name."""

    finder: PlaceFinding

    def __call__(self, analysis: ArticleAnalysis) -> None:
        from veille.geo.datelines import is_dateline
        from veille.geo.places import PlaceEvidence

        segments = analysis.segments
        found: list[PlaceRef] = []
        for lang in analysis.languages:
            evidence = PlaceEvidence.from_docs(
                (
                    (segments[k].start, doc)
                    for k, doc in analysis.docs.items()
                    if segments[k].language == lang
                ),
                parsed=analysis.parsed(lang),
            )
            text = analysis.text_in(lang)
            words = analysis.lookup_words(lang)
            for top in self.finder.find(text, lang, evidence, outlet=analysis.outlet, words=words):
                # "le ministère de la Défense", "Radio Okapi": a place word inside the
                # name of an organisation or a person is not where anything happened.
                if top.place is not None and not top.in_name:
                    found.append(place_ref(top, dateline=is_dateline(text, top.start, top.end)))
        analysis.countries = countries_by_weight(found)
        analysis.places = sorted(found, key=lambda p: p.start)


def countries_by_weight(places: list[PlaceRef]) -> list[str]:
    """The countries of ``places``, most named first (ties: first found first). A town,
    site or area names where the story is; a country's name or its people's adjective
    half as much ("three US citizens", "Washington said" beside "Kinshasa's Gombe
    district"), so that the forces a text names without a country ("troops") are those
    of the country its places lie in."""
    weights: dict[str, float] = {}
    for p in places:
        if p.iso3:
            broad = p.feature == "country" or p.demonym
            weights[p.iso3] = weights.get(p.iso3, 0.0) + (_COUNTRY_WEIGHT if broad else 1.0)
    return [c for c, _ in sorted(weights.items(), key=lambda kv: -kv[1])]


#: What a country's name or people's adjective weighs against a town's mention.
_COUNTRY_WEIGHT = 0.5


def place_ref(top: Toponym, *, dateline: bool = False) -> PlaceRef:
    """The extractor's view of a resolved toponym (``top.place`` must be set)."""
    place = top.place
    if place is None:
        raise ValueError(f"the toponym {top.text!r} is not resolved to a place")
    return PlaceRef(
        start=top.start,
        end=top.end,
        text=top.text,
        payload=top,
        iso3=place.iso3,
        admin1=place.admin1,
        feature=place.feature,
        precision=top.geo_precision or 3,
        lat=place.lat,
        lon=place.lon,
        place_id=place.gazetteer_id,
        demonym=top.demonym,
        vague=top.vague,
        dateline=dateline,
    )


#: Actor kinds that "the group" stands for: armed groups that are no state's forces.
_GROUP_KINDS = frozenset({"rebel_group", "political_militia", "identity_militia"})
#: Actor kinds that fight: a communiqué's voice is one of them.
_ARMED_KINDS = frozenset({"state_forces", "rebel_group", "political_militia", "identity_militia"})
#: What joins a group's name to the area it is named after: «État islamique au Sahel»,
#: "Islamic State in the Sahel", «تنظيم الدولة في الساحل».
_NAMED_AFTER_AREA = re.compile(r"\s*(?:au|du|de|en|in(?: the)?|of(?: the)?|في)\s*$", re.IGNORECASE)


def _named_after(place: PlaceRef, group: ActorRef, text: str) -> bool:
    """The place is the area an armed group is named after: inside its name, or an
    area (not a town or a country) joined right after it."""
    if group.start <= place.start and place.end <= group.end:
        return True
    return (
        place.feature in ("region", "admin1")
        and 0 <= place.start - group.end <= _AREA_JOINT_CHARS
        and _NAMED_AFTER_AREA.match(text[group.end : place.start]) is not None
    )


#: Characters at most between a group's name and the area after it.
_AREA_JOINT_CHARS = 8


@dataclass(frozen=True)
class ActorStage:
    """Fills ``actors`` and ``framing`` (sorted by start), language by language; the
    countries the article names guide the resolver. Unidentified perpetrators are left
    out (DESIGN: they stay null)."""

    resolver: ActorResolver

    def __call__(self, analysis: ArticleAnalysis) -> None:
        # The article's one word split per language (the place stage's), keyed for
        # actors and framing once.
        words = {
            lang: self.resolver.words(analysis.text_in(lang), analysis.lookup_words(lang))
            for lang in analysis.languages
        }
        actors = self._actors(analysis, words)
        # "Fano militiamen ...": a place word inside an actor's name (Fano, Italy) is not
        # a country the article is about; without it, read the actors again ("police"
        # are Ethiopia's, not Italy's).
        inside = [p for p in analysis.places if any(a.start <= p.start < a.end for a in actors)]
        if inside:
            countries = countries_by_weight([p for p in analysis.places if p not in inside])
            if countries != analysis.countries:
                analysis.countries = countries
                actors = self._actors(analysis, words)
        actors += self._own_forces(analysis, words, actors)
        actors += self._the_group(analysis, words, actors)
        actors += self._its_forces(analysis, words, actors)
        actors += self._joined_adjectives(analysis, actors)
        analysis.actors = sorted(actors, key=lambda a: a.start)
        # «l'État islamique au Sahel a revendiqué l'attaque»: an armed group's name
        # holds the area it is named after, no place its acts fell on (a state's force
        # named after its area, "the Kaduna State police", is where it acts).
        groups = _of_kinds(actors, _GROUP_KINDS)
        text = analysis.article.text
        analysis.places = [
            p for p in analysis.places if not any(_named_after(p, a, text) for a in groups)
        ]
        framing: list[FramingRef] = []
        for lang in analysis.languages:
            text = analysis.text_in(lang)
            for f in self.resolver.find_framing(text, lang, tokens=words[lang]):
                framing.append(FramingRef(f.start, f.end, f.term, f.actor_id))
        analysis.framing = sorted(framing, key=lambda f: f.start)

    def _actors(self, analysis: ArticleAnalysis, words: dict[str, list[Token]]) -> list[ActorRef]:
        actors: list[ActorRef] = []
        for lang in analysis.languages:
            text = analysis.text_in(lang)
            for m in self.resolver.find_actors(
                text, lang, context_iso3=analysis.countries, tokens=words[lang]
            ):
                if m.actor.id.startswith("unidentified"):
                    continue
                actors.append(ActorRef(m.start, m.end, m.actor.id, m.framed, m.actor))
        return actors

    def _own_forces(
        self, analysis: ArticleAnalysis, words: dict[str, list[Token]], actors: list[ActorRef]
    ) -> list[ActorRef]:
        """ "our forces", «nos vaillantes unités», «قواتنا»: a communiqué's own forces,
        as the forces whose voice the text is (``_voice``); none where it names none."""
        spans: list[tuple[int, int]] = []
        owned: list[int] = []  # where "our" opens a named actor: "our Turkish Armed Forces"
        possessives = closed_words("own_possessives")
        nouns = closed_words("own_force_nouns")
        glued = closed_words("own_forces_glued")
        for lang in analysis.languages:
            toks = words[lang]
            for i, tok in enumerate(toks):
                if tok.norm in glued:
                    spans.append((tok.start, tok.end))
                if tok.norm not in possessives or i + 1 >= len(toks):
                    continue
                owned.append(toks[i + 1].start)
                noun = next((t for t in toks[i + 1 : i + 1 + _OWN_REACH] if t.norm in nouns), None)
                if noun is not None:
                    spans.append((tok.start, noun.end))
        free = [(b, e) for b, e in spans if not any(a.start < e and b < a.end for a in actors)]
        if not free:
            return []
        voice = self._voice(analysis, actors, owned)
        if voice is None:
            return []
        return [ActorRef(b, e, voice.actor_id, False, voice.payload) for b, e in free]

    def _the_group(
        self, analysis: ArticleAnalysis, words: dict[str, list[Token]], actors: list[ActorRef]
    ) -> list[ActorRef]:
        """ "the group", "the militant group", «le groupe», «التنظيم» (closed classes
        ``group_articles`` and ``group_anaphors``; Arabic writes the article in the
        word): the armed group the text named last before it, the one it goes on
        telling of; none where it named none."""
        articles = closed_words("group_articles")
        nouns = closed_words("group_anaphors")
        groups = _of_kinds(actors, _GROUP_KINDS)
        found: list[ActorRef] = []
        for lang in analysis.languages:
            toks, text = words[lang], analysis.text_in(lang)
            for i, tok in enumerate(toks):
                if tok.norm not in nouns or any(a.start <= tok.start < a.end for a in actors):
                    continue
                if i + 1 < len(toks) and toks[i + 1].norm in ("of", "de", "d"):
                    continue  # "the group of villagers", «le groupe de manifestants»
                if lang != "ar" and not _after_an_article(text, toks, i, articles):
                    continue
                g = _last_before(groups, tok.start)
                if g is not None:
                    found.append(ActorRef(tok.start, tok.end, g.actor_id, False, g.payload))
        return found

    def _its_forces(
        self, analysis: ArticleAnalysis, words: dict[str, list[Token]], actors: list[ActorRef]
    ) -> list[ActorRef]:
        """ "Hamas said its fighters ...", «l'armée a indiqué que ses soldats ...»,
        «أعلنت الحركة أن مقاتليها ...» (closed classes ``its_possessives`` before a noun of
        ``own_force_nouns``, or Arabic ``its_forces_glued``): the forces of the armed
        actor the text named last before them, about a sentence before at most; none
        where it named none. French has «ses» only: «son armée», «sa marine» are most
        often a country's, and a country the text names is no actor to stand for."""
        possessives = closed_words("its_possessives")
        nouns = closed_words("own_force_nouns")
        glued = closed_words("its_forces_glued")
        armed = _of_kinds(actors, _ARMED_KINDS)
        found: list[ActorRef] = []
        for lang in analysis.languages:
            toks = words[lang]
            for i, tok in enumerate(toks):
                span: tuple[int, int] | None = None
                if tok.norm in glued:
                    span = (tok.start, tok.end)
                elif tok.norm in possessives and i + 1 < len(toks) and toks[i + 1].norm in nouns:
                    span = (tok.start, toks[i + 1].end)
                if span is None or any(a.start < span[1] and span[0] < a.end for a in actors):
                    continue
                a = _last_before(armed, span[0], _ITS_REACH)
                if a is not None:
                    found.append(ActorRef(span[0], span[1], a.actor_id, False, a.payload))
        return found

    def _joined_adjectives(
        self, analysis: ArticleAnalysis, actors: list[ActorRef]
    ) -> list[ActorRef]:
        """«les troupes tchadiennes et camerounaises», «les armées malienne et
        nigérienne»: a second people's adjective joined to the one ending a state's
        forces names that state's forces too, the noun left unsaid (the adjective's
        span, read as the first actor's words with their last one swapped for it)."""
        joiners = closed_words("pair_and")
        found: list[ActorRef] = []
        for lang in analysis.languages:
            text = analysis.text_in(lang)
            for a in actors:
                if getattr(a.payload, "kind", "") != "state_forces" or text[a.start].isspace():
                    continue
                m = _JOINED_WORD_RE.match(text, a.end)
                if m is None or m.group(1).lower() not in joiners:
                    continue
                head, _, last = text[a.start : a.end].rpartition(" ")
                if not head or not last[:1].islower():
                    continue  # the state's forces named by a noun, not by an adjective
                phrase = f"{head} {m.group(2)}"
                match = self.resolver.find_actors(phrase, lang, context_iso3=analysis.countries)
                if (
                    len(match) == 1
                    and match[0].end - match[0].start == len(phrase)
                    and match[0].actor.kind == "state_forces"
                    and match[0].actor.id != a.actor_id
                ):
                    actor = match[0].actor
                    found.append(ActorRef(m.start(2), m.end(2), actor.id, False, actor))
        return found

    def _voice(
        self, analysis: ArticleAnalysis, actors: list[ActorRef], owned: list[int]
    ) -> ActorRef | None:
        """The armed actor whose voice the text is: the one it calls its own ("our
        Turkish Armed Forces"), else the first the title names ("Statement of the Yemeni
        Armed Forces"), else the first the text names. Never one the text names by a
        loaded term ("the Israeli enemy", «العدو»): a communiqué's voice calls the other
        side so, not itself."""
        armed = [
            a for a in actors if getattr(a.payload, "kind", "") in _ARMED_KINDS and not a.framed
        ]
        for a in armed:
            if a.start in owned:
                return a
        title = analysis.article.title
        if title:
            for m in self.resolver.find_actors(
                title, analysis.language, context_iso3=analysis.countries
            ):
                if m.actor.kind in _ARMED_KINDS:
                    return ActorRef(0, 0, m.actor.id, False, m.actor)
        return min(armed, key=lambda a: a.start, default=None)


#: Characters before "its forces" within which the actor they belong to is named (about
#: the sentence before): a group named paragraphs earlier is not what "its" stands for.
_ITS_REACH = 300
#: Words after "our" within which the noun of armed force stands ("nos vaillantes unités").
_OWN_REACH = 3
#: A joiner and the word after it, right after an actor ("... et mozambicaines").
_JOINED_WORD_RE = re.compile(r"\s+(\w+)\s+(\w[\w-]*)")


def _of_kinds(actors: list[ActorRef], kinds: frozenset[str]) -> list[ActorRef]:
    """The actors of ``kinds``, in text order."""
    return sorted(
        (a for a in actors if getattr(a.payload, "kind", "") in kinds), key=lambda a: a.start
    )


def _last_before(refs: list[ActorRef], start: int, reach: int | None = None) -> ActorRef | None:
    """The last of ``refs`` (in text order) that ends before ``start``, within ``reach``
    characters of it if given."""
    before = [a for a in refs if a.end <= start and (reach is None or start - a.end <= reach)]
    return before[-1] if before else None


def _after_an_article(text: str, toks: list[Token], i: int, articles: frozenset[str]) -> bool:
    """A definite article opens the noun at ``i``, with at most two lower-case words
    between ("the militant group"), none of them capitalised (a name)."""
    for j in range(i - 1, max(-1, i - 4), -1):
        if toks[j].norm in articles:
            return True
        if not text[toks[j].start : toks[j].start + 1].islower():
            return False
    return False


@dataclass(frozen=True)
class StateNameStage:
    """Fills ``state_names``: each country the text names (not a people's name, not a
    word inside an actor's name), as that country's military forces. Nothing makes them
    actors here: the event rules do, where the name is the doer ("Israel struck",
    «شنت إسرائيل غارات»); elsewhere a country is a place."""

    resolver: ActorResolver

    def __call__(self, analysis: ArticleAnalysis) -> None:
        names: list[ActorRef] = []
        adjectives: list[ActorRef] = []
        for p in analysis.places:
            if p.feature != "country" or not p.iso3 or p.vague:
                continue  # "the Lebanese south" is a part of Lebanon, no state
            if any(a.start <= p.start < a.end for a in analysis.actors):
                continue
            forces = self.resolver.by_id(f"military-forces-{p.iso3.lower()}")
            if forces is not None:
                ref = ActorRef(p.start, p.end, forces.id, False, forces)
                (adjectives if p.demonym else names).append(ref)
        analysis.state_names = names
        analysis.state_adjectives = adjectives


@dataclass(frozen=True)
class DateStage:
    """Fills each sentence's ``dates``. Relative dates ("la veille") are read from the
    last date the article's own narrative gave (its publication date before any); with
    ``lexicon_of``, a date that dates a telling ("the army said on Monday", "X claimed
    the attack on Monday") is no anchor:
    "the same day" after it is the day of the act told before, not of the statement."""

    lexicon_of: LexiconOf | None = None

    def __call__(self, analysis: ArticleAnalysis) -> None:
        anchor = None
        dated: list[Sentence] = []
        for sent in analysis.sentences:
            seg = analysis.segments[sent.segment]
            found = find_date_expressions(
                seg.text[sent.start - seg.start : sent.end - seg.start],
                sent.language,
                published=sent.published,
                anchor=anchor,
                lang_root=analysis.lang_roots,
            )
            dates = tuple(
                forward_if_future(_shifted(d, sent.start), sent.tokens, sent.published)
                for d in found
            )
            dated.append(replace(sent, dates=dates))
            first = self._act_day(sent, dates) if seg.kind == "article" else None
            if first is not None:
                anchor = first
        analysis.sentences = dated

    def _act_day(self, sent: Sentence, dates: tuple[DateExpression, ...]) -> date | None:
        """The first day the sentence gives that dates no telling of it (the report
        verbs are read only where a date has a value)."""
        from veille.extract.syntax import dates_telling, words_of

        valued = [d for d in dates if d.value is not None]
        if not valued or self.lexicon_of is None:
            return valued[0].value if valued else None
        toks = list(sent.tokens)
        lex = self.lexicon_of(sent.language)
        # «Le groupe a revendiqué l'attaque lundi»: a claim's day dates the claiming too.
        telling = words_of(lex.report, toks) | words_of(lex.claim, toks)
        return next((d.value for d in valued if not dates_telling(d.start, toks, telling)), None)


def _shifted(d: DateExpression, offset: int) -> DateExpression:
    return replace(d, start=d.start + offset, end=d.end + offset)


@dataclass(frozen=True)
class ExtractionStage:
    """Fills ``candidates`` and ``statement_candidates``: each sentence read by the
    sentence extractor of its language with the layers that fall inside it. A sentence
    that tells an event is coded as that event, not also as a statement. More than
    ``MAX_MENTIONS_PER_ARTICLE`` candidates make the article fail (``InputError``)."""

    lexicon_of: LexiconOf

    def __call__(self, analysis: ArticleAnalysis) -> None:
        from veille.extract.numbers import estimated
        from veille.extract.sentence import SentenceExtractor

        text = analysis.article.text
        place_starts = [p.start for p in analysis.places]
        actor_starts = [a.start for a in analysis.actors]
        framing_starts = [f.start for f in analysis.framing]
        state_starts = [a.start for a in analysis.state_names]
        adjective_starts = [a.start for a in analysis.state_adjectives]
        by_segment: dict[int, list[Sentence]] = {}
        for sent in analysis.sentences:
            by_segment.setdefault(sent.segment, []).append(sent)
        candidates: list[Candidate] = []
        statements: list[StatementCandidate] = []
        for k, seg in enumerate(analysis.segments):
            lexicon = self.lexicon_of(seg.language)
            sentences = by_segment.get(k)
            if not sentences:
                continue
            extractor = SentenceExtractor(lexicon)
            inputs = [
                SentenceInput(
                    tokens=list(sent.tokens),
                    start=sent.start,
                    end=sent.end,
                    text=text[sent.start : sent.end],
                    language=sent.language,
                    source_id=sent.source_id,
                    source_kind=sent.source_kind,
                    published=sent.published,
                    dates=list(sent.dates),
                    actors=within(analysis.actors, actor_starts, sent.start, sent.end),
                    places=within(analysis.places, place_starts, sent.start, sent.end),
                    framing=within(analysis.framing, framing_starts, sent.start, sent.end),
                    post_date_span=sent.post_date_span,
                    state_names=within(analysis.state_names, state_starts, sent.start, sent.end),
                    state_adjectives=within(
                        analysis.state_adjectives, adjective_starts, sent.start, sent.end
                    ),
                )
                for sent in sentences
            ]
            extractor.read_text(inputs)  # what the segment as a whole settles
            # Each sentence's voices, read once: the story's places leave out all of the
            # article's, and the sentence's own place choices leave out its own.
            speaking = [extractor.voices(sin) for sin in inputs]
            for voiced in speaking:
                analysis.voices |= voiced
            for sin, voiced in zip(inputs, speaking, strict=True):
                found = extractor.extract(sin, speaking=voiced)
                for c in found:
                    if c.fatalities_span is not None:
                        c.toll_vague = estimated(lexicon, sin.tokens, c.fatalities_span)
                candidates.extend(found)
                if len(candidates) > MAX_MENTIONS_PER_ARTICLE:
                    raise too_many_mentions(analysis)
                if all(c.anaphoric and c.sub_event_type is None for c in found):
                    # No event of its own (at most a toll or claim of one told
                    # elsewhere): what the sentence states may be a statement.
                    statements.extend(extractor.statements(sin))
        analysis.candidates = candidates
        analysis.statement_candidates = statements


def too_many_mentions(analysis: ArticleAnalysis) -> InputError:
    article = analysis.article
    return InputError(
        f"the article tells more than {MAX_MENTIONS_PER_ARTICLE:,} event mentions, the "
        "most one article may hold",
        where=article.origin or article.id,
        fix="split it into its articles (a page of many reports is many articles)",
    )


@dataclass(frozen=True)
class VetoStage:
    """Keeps the candidates whose sentence a learned veto says reports an event."""

    veto: CandidateVeto

    def __call__(self, analysis: ArticleAnalysis) -> None:
        analysis.candidates = self.veto.keep(analysis.candidates)


@dataclass(frozen=True)
class CrowdStage:
    """Retypes violence by or against a crowd (the ``crowd`` component)."""

    crowd: CrowdReader
    lexicon_of: LexiconOf

    def __call__(self, analysis: ArticleAnalysis) -> None:
        analysis.candidates = self.crowd(analysis.candidates, self.lexicon_of)


@dataclass(frozen=True)
class StoryStage:
    """Keeps the candidates the story tells, with its date and place carried over
    (the ``story`` component, over the article's places); ground a non-state actor took
    gets the army the story names near it as the side that lost it
    (``veille.extract.territory.with_defenders``)."""

    story: StoryReader
    lexicon_of: LexiconOf

    def __call__(self, analysis: ArticleAnalysis) -> None:
        from veille.extract.layout import read_layout
        from veille.extract.territory import with_defenders

        places = [p for p in analysis.places if p.start not in analysis.voices]
        layout = read_layout(analysis.article.text, analysis.sentences, places, self.lexicon_of)
        analysis.candidates = with_defenders(
            self.story(analysis.candidates, places, layout), analysis.actors
        )


@dataclass(frozen=True)
class WithinArticle:
    """Merges the article's events that are one (the ``deduplicator`` component)."""

    deduplicator: Deduplicating

    def __call__(self, analysis: ArticleAnalysis) -> None:
        analysis.events = self.deduplicator.within_article(analysis.events)


@dataclass(frozen=True)
class DenialOnlyStage:
    """Drops the article's events told only by denials of their occurrence
    (``veille.extract.attribution.without_denied_occurrences``): run after merging, as a
    denial that joined a reported act keeps it."""

    def __call__(self, analysis: ArticleAnalysis) -> None:
        from veille.extract.attribution import without_denied_occurrences

        analysis.events = without_denied_occurrences(analysis.events)


@dataclass(frozen=True)
class BareClashStage:
    """Drops the article's *bare clashes* when it tells anything else
    (``veille.extract.bare_clashes.without_bare_clashes``): run after merging, as a bare
    mention that joined a typed event is no longer bare."""

    def __call__(self, analysis: ArticleAnalysis) -> None:
        from veille.extract.bare_clashes import without_bare_clashes

        analysis.events = without_bare_clashes(analysis.events)
