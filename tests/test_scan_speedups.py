"""The faster scans read what the plain ones read (invented texts; reference versions
of the former code kept here to compare against)."""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence
from typing import TypeVar

import pytest

from veille.geo._lexicon import PhraseEnds, geo_words
from veille.geo._normalize import Token as GeoToken
from veille.geo._normalize import (
    WordMemo,
    is_arabic,
    key_of_norms,
    loose_key_of_norms,
    loose_word,
    normalise_token,
    tokenize,
    word_form,
)
from veille.geo._scan import _JOIN_RE, _join_runs, _ScanText
from veille.lang.loader import languages, resources
from veille.resolve import textnorm
from veille.resolve.actors import ActorResolver, _Alias
from veille.resolve.textnorm import Token, arabic_clitic_forms, original_offset

T = TypeVar("T")

WORDS = (
    "Abu al-Harith",
    "St. Louis",
    "S.C.",
    "Nord. Est",
    "le nord-est de",
    "Zorvan",
    "l'État",
    "العاصمة",
    "وبالمدينة",
    "Ǆemal",
    "İzmir",
    "ÉTÉ",
    "al",
    "ad Dawr",
    "as-Sukhnah",
    "Kelmar",
    "sud",
    "north of the",
    "près de",
    "—",
    ", ",
    "\n",
    "  ",
    "(AP)",
    "42",
)


def _texts(n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    seps = [" ", " ", " ", "-", "'", ". ", ", ", " . ", "’", "  "]
    return [
        "".join(rng.choice(WORDS) + rng.choice(seps) for _ in range(rng.randint(1, 30)))
        for _ in range(n)
    ]


def _joined(text: str, tokens: Sequence[GeoToken], i: int, n: int) -> bool:
    """The former per-call test of the gaps between tokens ``i .. i + n - 1``."""
    for k in range(i, i + n - 1):
        gap = text[tokens[k].end : tokens[k + 1].start]
        if not _JOIN_RE.match(gap):
            return False
        if "." in gap and len(tokens[k].raw) > 3:
            return False
    return True


def test_join_runs_say_what_the_gaps_say() -> None:
    for text in _texts(300):
        tokens = tokenize(text)
        runs = _join_runs(text, tokens)
        for i in range(len(tokens)):
            for n in range(1, min(9, len(tokens) - i) + 1):
                assert (runs[i] >= n - 1) == _joined(text, tokens, i, n), (text, i, n)


def test_scan_keys_are_the_keys_of_the_norms() -> None:
    for text in _texts(200, seed=3):
        tokens = tokenize(text)
        scan = _ScanText.of(text, tokens)
        for i, tok in enumerate(tokens):
            for form in (tok.norm, "al", "as", "x"):
                for n in range(1, min(5, len(tokens) - i) + 1):
                    norms = [form] + [t.norm for t in tokens[i + 1 : i + n]]
                    assert scan.key(form, i, n) == key_of_norms(norms)


def test_word_forms_and_the_memo_change_no_token() -> None:
    for word in (*WORDS, "Ålesund", "Øst", "ﻻ", "ـحلبـ", "ǅ", "straße"):
        for raw in re.findall(r"\w+", word):
            assert word_form(raw) == (normalise_token(raw), is_arabic(raw))
    memo = WordMemo(limit=5)
    for text in _texts(50, seed=11):
        plain = [
            (m.start(), m.end(), m.group(), normalise_token(m.group()), is_arabic(m.group()))
            for m in re.finditer(
                r"(?:[^\W_]|[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640])+", text
            )
        ]
        assert [tuple(t) for t in tokenize(text)] == plain
        assert all(type(t) is GeoToken and t.norm == t[3] for t in tokenize(text))
        assert tokenize(text, memo) == tokenize(text)
        assert len(memo.words()) <= max(5, len({t.raw for t in tokenize(text)}))
    for norm in ("kharab", "dayr", "zor", "al", "ech", "abbas"):
        assert memo.loose(norm) == loose_word(norm)
    assert loose_key_of_norms(["dayr", "az", "zawr"], memo.loose) == loose_key_of_norms(
        ["dayr", "az", "zawr"]
    )


def _shipped_phrases() -> tuple[list[str], list[str]]:
    """Every near phrase, and every compass phrase shape at its longest and shortest."""
    every = [resources(code).places for code in languages()]
    near = [p for pw in every for p in pw.near_before]
    vague = []

    def pick(items: Sequence[str], longest: bool) -> str:
        return (max if longest else min)(items, key=len) if items else ""

    for pw in every:
        for p in pw.vague:
            for longest in (True, False):
                compound = ""
                if p.second:
                    compound = pick(p.joiners, longest) + pick(p.second, longest)
                vague.append(
                    pick(p.articles, longest)
                    + pick(p.words, longest)
                    + compound
                    + " "
                    + pick(p.connectors, longest)
                )
    return near, vague


def test_phrase_searches_find_what_the_regexes_find() -> None:
    words = geo_words()
    near, vague = _shipped_phrases()
    rng = random.Random(5)
    tails = ["", " ", "  ", "\n", " \n", "K", "\u212a", "İ", "x", "'"]
    heads = ["", "a", "the ", " ", "quel", "-", "\u0628"]
    hits = [0, 0]
    for phrase in near + vague:
        for head in heads:
            for tail in tails:
                lowered = (rng.choice(heads) + head + phrase + tail).lower()[-40:]
                full = words.vague_before.search(lowered)
                fast = words.vague_phrase_before(lowered)
                assert (full and full.span()) == (fast and fast.span()), lowered
                found = words.near_before.search(lowered) is not None
                assert found == words.near_phrase_before(lowered), lowered
                hits[0] += full is not None
                hits[1] += found
    assert min(hits) > 100  # the phrases are found, not only their absence agreed on


def test_phrase_ends_rule_out_only_what_cannot_match() -> None:
    spaced = PhraseEnds.of(8, [" ", "r"], spaces_after=True)  # "près de ", "near"
    assert spaced.last is None  # a trailing space hides behind the spaces after it
    exact = PhraseEnds.of(5, ["r", "e"], spaces_after=True)
    assert exact.may_end_with("r") and not exact.may_end_with("R") and exact.may_end_with("")
    folded = PhraseEnds.of(5, ["K", " "], spaces_after=False, ignore_case=True)
    assert folded.may_end_with("k") and folded.may_end_with(" ")
    assert folded.may_end_with("\u212a")  # the Kelvin sign matches "k" ignoring case
    assert not folded.may_end_with("x")
    assert PhraseEnds.of(5, ["İ"], spaces_after=False, ignore_case=True).last is None


# ---------------------------------------------------------------- actors


def _reference_scan(
    resolver: ActorResolver,
    text: str,
    language: str,
    accept: Callable[[_Alias], T | None],
    tokens: Sequence[Token],
) -> list[tuple[int, int, T]]:
    """The former scan: every alias that starts with the word compared, longest first."""
    index = resolver._index
    found: list[tuple[int, int, T]] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        arabic = textnorm.is_arabic(token.norm)
        lang = "ar" if arabic else (language if language in ("fr", "en") else "en")
        table = index.get(lang, {})
        forms = arabic_clitic_forms(token.norm) if arabic else [(token.norm, 0)]
        best: tuple[int, int, T] | None = None
        for form, clitics in forms:
            for alias in table.get(form, ()):
                width = len(alias.tokens)
                if best is not None and width <= best[0]:
                    break
                if i + width > len(tokens):
                    continue
                if any(tokens[i + k].norm != alias.tokens[k] for k in range(1, width)):
                    continue
                if not all(tokens[i + k].upper for k in alias.upper):
                    continue
                result = accept(alias)
                if result is not None:
                    best = (width, clitics, result)
                    break
        if best is None:
            i += 1
            continue
        width, clitics, result = best
        start = token.start + original_offset(text[token.start : token.end], clitics)
        found.append((start, tokens[i + width - 1].end, result))
        i += width
    return found


@pytest.fixture(scope="module")
def resolver() -> ActorResolver:
    return ActorResolver.load()


def test_the_alias_trie_finds_what_comparing_every_alias_finds(resolver: ActorResolver) -> None:
    """Texts strung from the dictionary's own aliases (cut short, overlapping, in other
    capitals, with clitics), scanned both ways with an accept that refuses some."""
    rng = random.Random(13)
    for language in ("fr", "en", "ar"):
        aliases = [a for group in resolver._index[language].values() for a in group]
        for _ in range(150):
            words: list[str] = []
            for _ in range(rng.randint(1, 12)):
                alias = rng.choice(aliases)
                cut = alias.tokens[: rng.randint(1, len(alias.tokens))]
                piece = list(cut)
                if rng.random() < 0.3:
                    piece = [w.upper() for w in piece]
                if language == "ar" and rng.random() < 0.3:
                    piece[0] = rng.choice(["و", "ب", "ل", "وب"]) + piece[0]
                words.extend(piece)
                if rng.random() < 0.3:
                    words.append(rng.choice(["de", "the", "في", "Zorvan"]))
            text = " ".join(words)
            tokens = textnorm.tokenize(text)

            def accept(alias: _Alias) -> str | None:
                return None if hash(alias.tokens) % 5 == 0 else " ".join(alias.tokens)

            assert resolver._scan(text, language, accept, tokens) == _reference_scan(
                resolver, text, language, accept, tokens
            ), text


def test_ascii_capitals_are_read_as_before() -> None:
    def generic(word: str) -> bool:
        return any(ch.isupper() for ch in word) and not any(ch.islower() for ch in word)

    for word in ("US", "Us", "us", "IS", "A1", "42", "É", "ǅA", "NATO", "x"):
        assert textnorm._is_upper(word) == generic(word), word


def test_remembered_word_keys_change_no_token(resolver: ActorResolver) -> None:
    keys = textnorm.WordKeys(limit=4)
    for text in _texts(60, seed=17):
        assert textnorm.tokenize(text, keys) == textnorm.tokenize(text)
        assert resolver.words(text) == textnorm.tokenize(text)
    bounded = textnorm.WordKeys(limit=4)
    textnorm.tokenize("un deux trois quatre cinq six", bounded)
    textnorm.tokenize("sept", bounded)  # full: emptied before this text
    assert list(bounded.table()) == ["sept"]


def test_a_name_is_lengthened_only_where_the_index_holds_a_longer_one() -> None:
    """``GazetteerStore.continues`` says what comparing the keys' first tokens says, and
    a scan that reads on only where it says so finds the places of one that tries every
    length (texts strung from the index's own multi-word keys, cut short)."""
    from veille.geo import Geocoder
    from veille.geo._store import DEFAULT_INDEX, GazetteerStore

    store = GazetteerStore(DEFAULT_INDEX)
    rng = random.Random(19)
    rows = store._con.execute(
        "SELECT key FROM name WHERE key LIKE '% %' AND key NOT LIKE '~%' "
        "ORDER BY key LIMIT 400 OFFSET ?",
        (rng.randint(0, 100_000),),
    ).fetchall()
    keys = [str(r[0]) for r in rows]
    for key in keys:
        words = key.split(" ")
        for n in range(1, len(words) + 1):
            prefix = " ".join(words[:n])
            held = store._con.execute(
                "SELECT 1 FROM name WHERE substr(key, 1, ?) = ? LIMIT 1",
                (len(prefix) + 1, prefix + " "),
            ).fetchone()
            assert store.continues(prefix) == (held is not None), prefix
            assert store.continues(prefix + " zzqx") is False
    plain = GazetteerStore(DEFAULT_INDEX)
    plain.continues = lambda prefix: True  # type: ignore[method-assign]
    fast, every = Geocoder(store), Geocoder(plain)
    for _ in range(60):
        words = []
        for _ in range(rng.randint(1, 8)):
            cut = rng.choice(keys).split(" ")[: rng.randint(1, 4)]
            words.extend(w.capitalize() if rng.random() < 0.6 else w for w in cut)
            words.append(rng.choice(["de", "near", "and", "à", ","]))
        text = " ".join(words)
        for language in ("fr", "en"):
            assert fast.geoparse(text, language) == every.geoparse(text, language), text


def _safe_case_characters() -> str:
    """Every character ``dates._UNSAFE_CASE`` lets through (all below U+10000)."""
    from veille.nlp import dates

    return "".join(
        ch
        for code in range(0x10000)
        if not 0xD800 <= code <= 0xDFFF and not dates._UNSAFE_CASE.match(ch := chr(code))
    )


def test_characters_outside_the_unsafe_case_lower_as_ignorecase_compares() -> None:
    from veille.nlp import dates

    safe = _safe_case_characters()
    assert "é" in safe and "ح" in safe and "İ" not in safe and "ſ" not in safe
    assert dates._screen(["Lundi", "mardi"]) is not None
    for odd in (["\u212aelvin"], ["İzmir"], ["ſamedi"], [""], []):
        assert dates._screen(odd) is None, odd
    for x in safe:
        for c in re.compile(re.escape(x), re.IGNORECASE).findall(safe):
            assert len(c.lower()) == 1 and c.lower() == x.lower(), (x, c)


@pytest.mark.parametrize("language", ["fr", "en", "ar"])
def test_screened_date_patterns_find_what_every_pattern_finds(
    language: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Texts strung from the language's own date words (in other capitals, glued, with
    characters that fold unlike their lower case), read with the screens and without."""
    from datetime import date

    from veille.nlp import dates

    _, words = dates._words(language, None)
    vocabulary = [
        *words.weekdays,
        *words.months,
        *words.relative,
        *words.anchored,
        *words.time_of_day,
        *words.past_months,
        *words.past_years,
        *words.past_weeks,
        *words.month_cues,
        *words.year_cues,
        *words.date_articles,
        *words.ordinal_days,
        *words.ordinal_day_names,
        "12",
        "2023",
        "1987",
        "2024-02-05",
        "5/2/2024",
        "İ",
        "ı",
        "ſ",
        "\u212a",
        "من",
        "nuit",
        "night",
    ]
    rng = random.Random(23)
    texts = []
    for _ in range(400):
        picked = []
        for _ in range(rng.randint(1, 8)):
            word = rng.choice(vocabulary)
            word = rng.choice([word, word.upper(), word.capitalize(), word.replace("i", "ı")])
            picked.append(word + rng.choice([" ", " ", ", ", "-", "", ". "]))
        texts.append("".join(picked))

    def read(text: str) -> list[dates.DateExpression]:
        return dates._find_unbounded(
            text, language, published=date(2024, 2, 5), anchor=date(2024, 2, 3), root=None
        )

    screened = [read(text) for text in texts]
    monkeypatch.setattr(dates, "_may_match", lambda screen, lowered: True)
    monkeypatch.setattr(dates, "_DIGIT_THEN_SEPARATOR", re.compile(""))
    monkeypatch.setattr(dates, "_YEAR_DIGITS", re.compile(""))
    assert screened == [read(text) for text in texts]
    assert sum(map(len, screened)) > 200  # dates are found, not only their absence agreed


def test_the_arabic_ratio_counts_what_a_test_of_each_letter_counts() -> None:
    from veille.nlp.segment import arabic_ratio

    def plain(text: str) -> float:
        letters = re.findall(r"[^\W\d_]", text)
        arabic = [c for c in letters if re.match(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF]", c)]
        return len(arabic) / len(letters) if letters else 0.0

    pieces = [*WORDS, "١٢٣", "،", "ـــ", "\u064b", "ﻻ", "ݐ", "ࢠ", "²", "_", "مرحبا بكم"]
    rng = random.Random(29)
    for _ in range(500):
        text = "".join(rng.choice(pieces) + rng.choice(["", " ", "\n"]) for _ in range(6))
        assert arabic_ratio(text) == plain(text), text
    assert arabic_ratio("") == 0.0 and arabic_ratio("١٢٣ ،") == 0.0


def test_near_phrases_behind_one_word_boundary_match_as_each_behind_its_own() -> None:
    """The near-phrase regex with one word boundary before all the Latin-script phrases
    matches where the former one, a boundary before each phrase, matched."""
    from veille.geo import _lexicon
    from veille.lang.identify import char_script

    words = geo_words()
    near, vague = _shipped_phrases()
    tail = words.near_before.pattern[words.near_before.pattern.index(")(?:\\s+(?:the") + 1 :]
    each = "|".join(
        (r"\b" if char_script(p[0]) == "latin" else "") + re.escape(p)
        for p in sorted(set(near), key=lambda s: (-len(s), s))
    )
    former = re.compile(rf"(?:{each}){tail}")
    assert _lexicon._near_phrases(near) in words.near_before.pattern
    rng = random.Random(31)
    heads = ["", "a", "l", " ", "quel", "-", "\u0628", "و", "x"]
    tails = ["", " ", "  ", "\n", " le ", " la ", " l'", " the town of ", " la ville de ", "x"]
    hits = 0
    for phrase in near + vague + ["", "près", "de"]:
        for head in heads:
            for end in tails:
                lowered = (rng.choice(heads) + head + phrase + end).lower()
                found = former.search(lowered) is not None
                assert (words.near_before.search(lowered) is not None) == found, lowered
                hits += found
    assert hits > 100


def test_words_read_a_run_at_a_time_are_the_words_read_a_character_at_a_time() -> None:
    from veille.lang.normalise import WORD_RE

    marks = "\u0301\u0308\u064b\u0651\u0640\u0670\u06d6"
    per_char = {
        WORD_RE: re.compile(
            r"(?:[^\W_]|[\u0300-\u036f\u0610-\u061a\u0640\u064b-\u065f\u0670\u06d6-\u06ed])+"
        ),
    }
    rng = random.Random(37)
    for text in _texts(300, seed=41):
        text = "".join(c + (rng.choice(marks) if rng.random() < 0.1 else "") for c in text)
        text = text.replace("e", rng.choice(["e", "_", "e\u0301"]))
        for fast, plain in per_char.items():
            assert [m.span() for m in fast.finditer(text)] == [
                m.span() for m in plain.finditer(text)
            ], text
