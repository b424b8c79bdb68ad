"""Arabic lexical normalisation (no Arabic spaCy model exists on PyPI).

pyarabic strips diacritics and tatweel; alef forms are unified by hand because
``normalize_hamza`` rewrites أ in ways that break names. Proclitics (و ف ب ل ك and
the article ال) are stripped for matching; offsets always refer to the original text.

The closed-class words live in ``veille/lang/ar/closed_class.json`` (read once through
``veille.lang.resources``); the rules that use them stay here. Without a parser, a few
closed-class words tell the event filters what a clause
asserts. They are recognised here on normalised tokens (``normalize`` output):
قد, modal ("may") before an imperfect verb but the mark of a completed past before a
perfect; the future prefix س on an imperfect verb; relative pronouns; the article,
which marks an event already told; light verbs (قام ب + masdar); أي (any).
"""

from __future__ import annotations

from veille.errors import InputError
from veille.lang.loader import resources
from veille.lang.normalise import MATCH
from veille.lang.records import ClosedClass


def _closed() -> ClosedClass:
    """The closed-class words of ``veille/lang/ar/closed_class.json`` (read once)."""
    closed = resources("ar").closed_class
    if closed is None:
        raise InputError(
            "the Arabic language folder has no closed-class words",
            where="veille/lang/ar/closed_class.json",
            fix="restore the file (see veille/lang/README.md)",
        )
    return closed


def normalize(text: str) -> str:
    """Strip tashkeel and tatweel; unify alef forms, final ى/ي and ة/ه
    (``veille.lang.normalise``'s ``MATCH`` configuration)."""
    return MATCH.arabic(text)


def normalize_token(token: str) -> tuple[str, str]:
    """(normalised form, form with proclitics stripped) of one Arabic token."""
    norm = normalize(token)
    stem = norm
    for clitic in _closed().proclitics:
        if stem.startswith(clitic) and len(stem) - len(clitic) >= 3:
            stem = stem[len(clitic) :]
            break
    return norm, stem


def singular_of_dual(stem: str) -> str | None:
    """The singular of a feminine dual noun: غارتين/غارتان -> غاره (two raids), قذيفتين ->
    قذيفه. Other words (and words too short to be a dual: ستين) give None."""
    for ending in ("تين", "تان"):
        if stem.endswith(ending) and len(stem) >= 6:
            return stem[: -len(ending)] + "ه"
    return None


def singular_of_nisba_dual(stem: str) -> str | None:
    """The singular of a nominative dual of a relative noun: مدنيان -> مدني (two
    civilians), صحفيان -> صحفي. The oblique ـيين is also a plural, so it gives None."""
    if stem.endswith("يان") and len(stem) >= 6:
        return stem[:-2]
    return None


def _without_conjunction(norm: str) -> str:
    """The word without a leading و or ف (conjunctions), when enough remains."""
    if norm[:1] in ("و", "ف") and len(norm) >= 4:
        return norm[1:]
    return norm


def _without_article(word: str) -> str:
    return word[2:] if word.startswith("ال") and len(word) > 4 else word


# -- verbs: tense and modality ----------------------------------------------------


def is_future_verb(norm: str) -> bool:
    """An imperfect verb with the future prefix س: ستستهدف, سيتم, سنرد."""
    word = _without_conjunction(norm)
    if len(word) < 4 or word[0] != "س" or word[1] not in ("ي", "ت", "ن"):
        return False
    return not word.startswith(_closed().future_lookalikes)


def is_accusing_verb(norm: str) -> bool:
    """اتهم / حمّل ...: a verb whose object is the accused of the act named after it."""
    return _without_conjunction(norm) in _closed().accusing_verbs


def governs_a_noun(norm: str) -> bool:
    """A preposition or a noun of side or nearness: what follows it is a noun."""
    return norm in _closed().noun_governors


def is_imperfect_verb(norm: str) -> bool:
    """A likely imperfect (present/future) verb form: يكون, تستهدف, يؤدي."""
    word = _without_conjunction(norm)
    if len(word) < 3 or word in _closed().perfect_with_ta:
        return False
    if word[0] == "ي":
        return True
    # A ت-word ending in ت or وا is a perfect (تبددت, تمكنوا); تت/تست are imperfect.
    return word[0] == "ت" and not word.endswith(("ت", "وا")) and len(word) >= 4


def modal_qad(norms: list[str], k: int) -> bool:
    """Whether قد at ``norms[k]`` is modal ("may"), not the past marker ("had").

    قد before an imperfect verb is a possibility; before a perfect, or after كان
    ("وكانت القوات قد قصفت"), it tells a completed past event.
    """
    if k + 1 >= len(norms) or not is_imperfect_verb(norms[k + 1]):
        return False
    return not any(_without_conjunction(w) in _closed().kana for w in norms[max(0, k - 6) : k])


def is_modal_after(norms: list[str], k: int) -> bool:
    """Whether ``norms[k]``, right after a nominal trigger, makes it a possibility:
    "ضربة جوية محتملة", "غارات ستستهدف", "غارات قد تستهدف"."""
    word = norms[k]
    return (
        _without_article(word) in _closed().modal_after
        or is_future_verb(word)
        or (word == "قد" and modal_qad(norms, k))
    )


# Passive and intransitive verbs of dying or being hurt (``death_verbs``): "الذي قتل في
# تفجير" describes a person by an earlier death.


def is_death_verb(norm: str) -> bool:
    """قتل / اغتيل / قضى / سقط...: someone died or was hurt (perfect, 3rd person)."""
    return norm in _closed().death_verbs


#: Words before a masdar within which its light verb may stand (its subject and
#: preposition between: "أقدم مسلحون مجهولون على اختطاف").
LIGHT_VERB_REACH = 5


def is_light_verb(norm: str) -> bool:
    """قام ب / أقدم على / عمد إلى + masdar: "قام المتظاهرون بالاعتصام" tells the act."""
    return _without_conjunction(norm) in _closed().light_verbs


def is_past_light_verb(norm: str) -> bool:
    """أقدم على / قام ب / تم + masdar, in the past: "تم اختطاف" tells an abduction done."""
    return _without_conjunction(norm) in _closed().past_light_verbs


def is_announcing_verb(norm: str) -> bool:
    """أعلن / تبنى + masdar: "أعلنت الجماعة إطلاق صاروخ" tells (and claims) a launch."""
    return _without_conjunction(norm) in _closed().announcing_verbs


# -- particles and determiners ----------------------------------------------------


def is_continuative(norm: str) -> bool:
    """زال after لا/ما: "لا تزال الاشتباكات" (still), which negates nothing."""
    return _without_conjunction(norm) in _closed().continuative


def is_complementizer(norm: str) -> bool:
    """ان and its pronoun forms: after غير ("غير ان") it means "however"."""
    return norm in _closed().complementizers


def is_relative_pronoun(norm: str) -> bool:
    """الذي، التي، الذين...: what follows is a relative clause on the word before."""
    return _without_conjunction(norm) in _closed().relative_pronouns


def is_generic_determiner(norm: str) -> bool:
    """أي or كل before a noun ("أي ضربة", "لأي هجوم", "كل عملية انتحارية"): any one,
    every one, none in particular."""
    return norm in _closed().generic_determiners


def is_definite(norm: str) -> bool:
    """A word with the article, bare or after a proclitic: الهجوم, والمظاهرة, بالتفجير."""
    if _without_conjunction(norm) in _closed().verbs_like_article:
        return False
    return norm.startswith(_closed().article_forms) and len(norm) > 4


def agrees_as_adjective(noun: str, word: str) -> bool:
    """Whether folded ``word`` right after folded ``noun`` reads as an adjective that
    agrees with it (unparsed Arabic has no part-of-speech): both indefinite accusatives
    («هجوما عنيفا», «هجوما مفاجئا»), or a relational adjective in ي/يه that matches
    the noun's definiteness («هجوم ارهابي», «الهجوم الارهابي»)."""
    if len(word) < 4 or not all("\u0621" <= ch <= "\u064a" for ch in word):
        return False
    definite = is_definite(noun)
    if definite != is_definite(word):
        return False
    if word.endswith(("ي", "يه")):
        return True  # the nisba adjective, of either case
    return not definite and noun.endswith("ا") and word.endswith("ا")


# -- time and quantity ------------------------------------------------------------


def is_time_of_day(norm: str) -> bool:
    """صباح، مساء، ساعات...: after منذ, the start of one event, not a long period."""
    return _without_article(_without_conjunction(norm)) in _closed().time_of_day


def is_statistic(norm: str) -> bool:
    """A percentage or rate ("40%", "بنسبة"): figures over a period, not one event."""
    return "%" in norm or "٪" in norm or _without_conjunction(norm) in _closed().statistic_nouns
