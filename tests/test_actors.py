"""Actor and framing resolution against the shipped dictionary (fr, ar, en)."""

from __future__ import annotations

import itertools
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from veille.errors import DataError
from veille.model import Article
from veille.resolve.actors import ActorMatch, ActorResolver

US = "military-forces-usa"
ISR = "military-forces-isr"


@pytest.fixture(scope="module")
def resolver() -> ActorResolver:
    return ActorResolver.load()


def ids(matches: list[ActorMatch]) -> list[str]:
    return [m.actor.id for m in matches]


def only(resolver: ActorResolver, text: str, lang: str, *ctx: str) -> ActorMatch:
    found = resolver.find_actors(text, lang, context_iso3=ctx)
    assert len(found) == 1, found
    return found[0]


# --------------------------------------------------------------------- aliases


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "L'armée américaine a frappé"),
        ("fr", "des frappes des forces américaines"),
        ("fr", "deux soldats américains blessés"),
        ("fr", "les troupes américaines stationnées"),
        ("fr", "selon le Pentagone"),
        ("fr", "l'armée des États-Unis"),
        ("en", "US troops were attacked"),
        ("en", "U.S. forces responded"),
        ("en", "American forces in Syria"),
        ("en", "the Pentagon said"),
        ("ar", "استهدفت القوات الأميركية"),
        ("ar", "استهدفت القوات الأمريكية"),
        ("ar", "الجنود الأمريكيين"),
        ("ar", "قالت البنتاغون"),
        ("ar", "قوات أمريكية"),
    ],
)
def test_us_military_in_three_languages(resolver: ActorResolver, lang: str, text: str) -> None:
    match = only(resolver, text, lang)
    assert match.actor.id == US
    assert match.actor.name == "Military Forces of the United States"
    assert match.actor.kind == "state_forces" and match.actor.inter == 1
    assert match.actor.country == "USA"
    assert not match.framed
    assert text[match.start : match.end] == match.text


@pytest.mark.parametrize(
    ("lang", "text", "actor_id"),
    [
        ("fr", "Tsahal a annoncé", ISR),
        ("fr", "l’armée israélienne a annoncé", ISR),
        ("fr", "le Hamas a revendiqué", "hamas"),
        ("fr", "les rebelles houthis", "houthi-movement"),
        ("fr", "les paramilitaires des Forces de soutien rapide", "rsf"),
        ("fr", "le groupe Wagner", "wagner-group"),
        ("fr", "le Groupe de soutien à l'islam et aux musulmans", "jnim"),
        ("fr", "les rebelles du M23", "m23"),
        ("fr", "Al Qaïda", "al-qaeda"),
        ("fr", "Al-Qaida", "al-qaeda"),
        ("fr", "les shebab", "al-shabaab"),
        ("en", "the IDF said", ISR),
        ("en", "Ansar Allah fighters", "houthi-movement"),
        ("en", "Hayat Tahrir al-Sham", "hts"),
        ("en", "the Kurdistan Workers' Party", "pkk"),
        ("en", "Jama'at Nusrat al-Islam wal-Muslimin", "jnim"),
        ("en", "Jamaat Nusrat al-Islam wal-Muslimin", "jnim"),
        ("ar", "حزب الله", "hezbollah"),
        ("ar", "جماعة أنصار الله", "houthi-movement"),
        ("ar", "قوات الدعم السريع", "rsf"),
        ("ar", "هيئة تحرير الشام", "hts"),
        ("ar", "قسد", "sdf"),
        ("ar", "جماعة نصرة الإسلام والمسلمين", "jnim"),
        ("ar", "الجيش الإسرائيلي", ISR),
        ("ar", "الجيش الاسرائيلي", ISR),
    ],
)
def test_named_actors(resolver: ActorResolver, lang: str, text: str, actor_id: str) -> None:
    assert only(resolver, text, lang).actor.id == actor_id


def test_accent_elision_and_case_insensitive(resolver: ActorResolver) -> None:
    for text in ("Etat islamique", "État islamique", "l'État islamique", "L’ÉTAT ISLAMIQUE"):
        match = only(resolver, text, "fr")
        assert match.actor.id == "islamic-state", text
        assert match.text.lower().replace("é", "e").endswith("tat islamique")


def test_neutral_canonical_names(resolver: ActorResolver) -> None:
    assert resolver.by_id("houthi-movement") is not None
    assert resolver.by_id("hamas").name == "Hamas"  # type: ignore[union-attr]
    assert resolver.by_id("taliban").name == "Taliban"  # type: ignore[union-attr]
    names = {a.name for a in resolver.iter_actors()}
    for expected in (
        "Military Forces of Russia",
        "Military Forces of Ukraine",
        "Military Forces of Mali",
        "Military Forces of Sudan",
        "Police Forces of France",
        "Islamic Resistance in Iraq",
        "Islamic State (Syria)",
        "Islamic State (Sahel)",
        "Islamic State (West Africa)",
        "JNIM: Group for Support of Islam and Muslims",
        "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad",
        "Rapid Support Forces",
        "M23: March 23 Movement",
        "Al Shabaab",
        "Wagner Group",
        "Africa Corps",
        "SDF: Syrian Democratic Forces",
        "Hayat Tahrir al-Sham",
        "Kurdistan Workers Party",
    ):
        assert expected in names
    assert len(names) >= 200


# --------------------------------------------------------------------- framing


@pytest.mark.parametrize(
    ("lang", "text", "actor_id", "term"),
    [
        ("fr", "les occupants américains ont frappé", US, "occupants américains"),
        ("fr", "l'occupation américaine", US, "occupation américaine"),
        ("fr", "l'ennemi sioniste", ISR, "ennemi sioniste"),
        ("fr", "les sionistes", ISR, "sionistes"),
        ("en", "the Zionist enemy", ISR, "Zionist enemy"),
        ("ar", "العدو الصهيوني", ISR, "العدو الصهيوني"),
        ("ar", "قوات الاحتلال الإسرائيلية", ISR, "قوات الاحتلال الإسرائيلية"),
        ("ar", "الاحتلال الأمريكي", US, "الاحتلال الأمريكي"),
        ("ar", "الاحتلال الأميركي", US, "الاحتلال الأميركي"),
        ("ar", "ميليشيا الحوثي", "houthi-movement", "ميليشيا الحوثي"),
        ("ar", "الجنجويد", "rsf", "الجنجويد"),
    ],
)
def test_framing_alias_is_flagged_and_listed(
    resolver: ActorResolver, lang: str, text: str, actor_id: str, term: str
) -> None:
    match = only(resolver, text, lang)
    assert match.actor.id == actor_id
    assert match.framed
    assert match.text == term
    framing = resolver.find_framing(text, lang)
    assert [(f.term, f.actor_id) for f in framing] == [(term, actor_id)]
    assert framing[0].category in {"glorifying", "delegitimising", "victimising", "legal-claim"}
    assert text[framing[0].start : framing[0].end] == framing[0].term


def test_a_bare_occupation_names_a_state_only_where_the_text_is_about_it(
    resolver: ActorResolver,
) -> None:
    # «قوات الاحتلال» alone: Israel's forces in a text about Palestine, nobody's (not a
    # guess) in one about Western Sahara, where the adjective names the state meant.
    assert only(resolver, "قوات الاحتلال", "ar", "PSE").actor.id == ISR
    assert resolver.find_actors("قوات الاحتلال", "ar", context_iso3=["ESH", "MAR"]) == []
    assert resolver.find_actors("قوات الاحتلال", "ar") == []
    framing = resolver.find_framing("قوات الاحتلال", "ar", context_iso3=["MAR"])
    assert [f.term for f in framing] == ["قوات الاحتلال"]  # still the source's wording
    moroccan = only(resolver, "جيش الاحتلال المغربي", "ar", "ESH")
    assert moroccan.actor.id == "military-forces-mar" and moroccan.framed


def test_generic_framing_terms_have_no_actor(resolver: ActorResolver) -> None:
    text = "Les terroristes ont tué trois martyrs ; un massacre."
    found = {(f.term, f.category, f.actor_id) for f in resolver.find_framing(text, "fr")}
    assert ("terroristes", "delegitimising", None) in found
    assert ("martyrs", "glorifying", None) in found
    assert ("massacre", "victimising", None) in found
    assert resolver.find_actors(text, "fr") == []
    ar = "ارتقى ثلاثة شهداء في العملية البطولية ضد الإرهابيين"
    terms = {f.term: f.category for f in resolver.find_framing(ar, "ar")}
    assert terms == {
        "ارتقى": "glorifying",
        "شهداء": "glorifying",
        "البطولية": "glorifying",
        "الإرهابيين": "delegitimising",
    }
    en = resolver.find_framing("heroic liberation, illegally annexed", "en")
    assert [(f.term, f.category) for f in en] == [
        ("heroic", "glorifying"),
        ("liberation", "glorifying"),
        ("illegally", "legal-claim"),
    ]


def test_loaded_word_inside_a_proper_name_is_not_framing(resolver: ActorResolver) -> None:
    text = "The Al-Aqsa Martyrs' Brigades and the Oromo Liberation Army"
    assert resolver.find_framing(text, "en") == []
    assert ids(resolver.find_actors(text, "en")) == ["al-aqsa-martyrs-brigades", "ola"]


def test_arabic_quote_in_french_text(resolver: ActorResolver) -> None:
    text = "Le communiqué dit : « استهدفنا قوات الاحتلال الأمريكي » puis l'armée américaine."
    found = resolver.find_actors(text, "fr")
    assert ids(found) == [US, US]
    assert found[0].framed and found[0].text == "قوات الاحتلال الأمريكي"
    assert not found[1].framed


# --------------------------------------------------------------------- context


@pytest.mark.parametrize(
    ("lang", "text", "actor_id"),
    [
        # The Sanaa authorities' own name for their forces is the Houthis' (as ACLED
        # codes those forces); the army and the national army stay the government's.
        ("ar", "قالت القوات المسلحة اليمنية إنها أطلقت صاروخا", "houthi-movement"),
        ("en", "the Yemeni Armed Forces said they fired a missile", "houthi-movement"),
        ("fr", "les forces armées yéménites ont tiré un missile", "houthi-movement"),
        ("en", "the Yemeni army retook the hill", "military-forces-yem"),
        ("fr", "l'armée yéménite a repris la colline", "military-forces-yem"),
    ],
)
def test_a_de_facto_authoritys_name_for_its_forces(
    resolver: ActorResolver, lang: str, text: str, actor_id: str
) -> None:
    assert only(resolver, text, lang).actor.id == actor_id


@pytest.mark.parametrize(
    ("text", "actor_id"),
    [
        # A force, a tank: a country's forces by the noun of one unit or vehicle.
        ("استهدفوا قوة إسرائيلية داخل منزل", ISR),
        ("فجروا عبوة بدبابة روسية", "military-forces-rus"),
    ],
)
def test_arabic_unit_and_vehicle_nouns_name_the_forces(
    resolver: ActorResolver, text: str, actor_id: str
) -> None:
    assert only(resolver, text, "ar").actor.id == actor_id


def test_context_dependent_alias_needs_context(resolver: ActorResolver) -> None:
    fr = "La Résistance islamique a revendiqué l'attaque."
    assert resolver.find_actors(fr, "fr") == []
    assert only(resolver, fr, "fr", "IRQ").actor.id == "islamic-resistance-in-iraq"
    assert only(resolver, fr, "fr", "LBN").actor.id == "hezbollah"
    ar = "أعلنت المقاومة الإسلامية"
    assert resolver.find_actors(ar, "ar") == []
    assert only(resolver, ar, "ar", "IRQ").actor.id == "islamic-resistance-in-iraq"


def test_rsf_is_reporters_without_borders_unless_sudan(resolver: ActorResolver) -> None:
    text = "Selon RSF, la situation est grave."
    assert resolver.find_actors(text, "fr") == []
    assert resolver.find_actors(text, "fr", context_iso3=["FRA"]) == []
    assert only(resolver, text, "fr", "SDN").actor.id == "rsf"


def test_the_rebels_are_the_rsf_only_in_sudan(resolver: ActorResolver) -> None:
    # SAF usage calls the RSF «المتمردين»; in South Sudan the rebels are someone else.
    text = "تقدمت القوات نحو مواقع المتمردين"
    assert only(resolver, text, "ar", "SDN").actor.id == "rsf"
    assert resolver.find_actors(text, "ar", context_iso3=["SSD"]) == []


def test_same_alias_different_countries(resolver: ActorResolver) -> None:
    assert only(resolver, "the SNA said", "en", "SOM").actor.id == "military-forces-som"
    assert only(resolver, "SNA fighters", "en", "SYR").actor.id == "sna"
    ukr = only(resolver, "les occupants ont bombardé", "fr", "UKR")
    assert ukr.actor.id == "military-forces-rus" and ukr.framed
    assert only(resolver, "les occupants", "fr", "IRQ").actor.id == US
    assert resolver.find_actors("les occupants", "fr") == []
    # Bare "the occupation" is framing with no actor when context is missing.
    framing = resolver.find_framing("the occupation forces", "en")
    assert [(f.term, f.actor_id) for f in framing] == [("occupation forces", None)]
    framing = resolver.find_framing("the occupation forces", "en", context_iso3=["PSE"])
    assert framing[0].actor_id == ISR


def test_islamic_state_branch_from_context(resolver: ActorResolver) -> None:
    assert only(resolver, "l'État islamique", "fr").actor.id == "islamic-state"
    assert only(resolver, "l'État islamique", "fr", "SYR").actor.name == "Islamic State (Syria)"
    assert only(resolver, "l'EI", "fr", "MLI").actor.name == "Islamic State (Sahel)"
    assert only(resolver, "داعش", "ar", "NGA").actor.name == "Islamic State (West Africa)"
    assert only(resolver, "ISWAP", "en").actor.name == "Islamic State (West Africa)"


def test_unqualified_army_and_police_use_context(resolver: ActorResolver) -> None:
    assert resolver.find_actors("l'armée a riposté", "fr") == []
    assert only(resolver, "l'armée a riposté", "fr", "MLI").actor.id == "military-forces-mli"
    assert only(resolver, "the army said", "en", "SDN").actor.id == "military-forces-sdn"
    assert only(resolver, "وقال الجيش", "ar", "LBN").actor.id == "military-forces-lbn"
    # Arabic counts two soldiers or policemen in the dual: the same forces.
    assert only(resolver, "قتل جنديان", "ar", "LBN").actor.id == "military-forces-lbn"
    assert only(resolver, "أصيب شرطيان", "ar", "LBN").actor.id == "police-forces-lbn"
    assert only(resolver, "la police a chargé", "fr", "FRA").actor.name == "Police Forces of France"
    # Palestine has no army in the dictionary: the next context country's.
    assert only(resolver, "the army raided", "en", "PSE", "ISR").actor.id == ISR


@pytest.mark.parametrize(
    ("lang", "text", "slot"),
    [
        ("fr", "des civils ont été tués", "civilians"),
        ("fr", "des manifestants rassemblés", "protesters"),
        ("fr", "des émeutiers ont incendié", "rioters"),
        ("fr", "des hommes armés non identifiés ont attaqué", "unidentified-armed-group"),
        ("en", "civilians were killed", "civilians"),
        ("en", "unidentified gunmen attacked", "unidentified-armed-group"),
        ("ar", "مقتل ثلاثة من المدنيين", "civilians"),
        ("ar", "تجمع المتظاهرين", "protesters"),
        ("ar", "هاجم مسلحون مجهولون", "unidentified-armed-group"),
    ],
)
def test_generic_actors_take_the_context_country(
    resolver: ActorResolver, lang: str, text: str, slot: str
) -> None:
    match = only(resolver, text, lang, "MLI", "BFA")
    assert match.actor.id == f"{slot}-mli"
    assert match.actor.name.endswith("(Mali)")
    assert match.actor.country == "MLI"
    bare = only(resolver, text, lang)
    assert bare.actor.id == slot and bare.actor.country is None
    assert resolver.by_id(f"{slot}-mli") == match.actor


def test_civilians_names_follow_acled(resolver: ActorResolver) -> None:
    assert only(resolver, "civilians", "en", "SYR").actor.name == "Civilians (Syria)"
    assert only(resolver, "protesters", "en", "USA").actor.name == "Protesters (United States)"
    rioters = only(resolver, "rioters", "en", "FRA").actor
    assert (rioters.name, rioters.inter) == ("Rioters (France)", 5)
    assert resolver.by_id("unidentified-armed-group-nga") is not None
    assert resolver.by_id("civilians-xx") is None


# --------------------------------------------------------------------- Arabic


def test_arabic_clitics_keep_exact_offsets(resolver: ActorResolver) -> None:
    text = "قصف وبالقوات الأمريكية ثم لحماس فحزب الله"
    found = resolver.find_actors(text, "ar")
    assert ids(found) == [US, "hamas", "hezbollah"]
    assert [m.text for m in found] == ["القوات الأمريكية", "حماس", "حزب الله"]
    for match in found:
        assert text[match.start : match.end] == match.text
    assert found[0].start == text.index("وبالقوات") + 2


def test_arabic_lam_plus_article_keeps_the_preposition(resolver: ActorResolver) -> None:
    text = "هجوم وللقوات الإسرائيلية"
    match = only(resolver, text, "ar")
    assert match.actor.id == ISR
    assert match.text == "للقوات الإسرائيلية"
    assert match.start == text.index("وللقوات") + 1


def test_arabic_tashkeel_and_tatweel(resolver: ActorResolver) -> None:
    text = "وَقَالَ الجَيْشُ الإِسْرَائِيلِيُّ وَالحـــوثيون"
    found = resolver.find_actors(text, "ar")
    assert ids(found) == [ISR, "houthi-movement"]
    assert found[0].text == "الجَيْشُ الإِسْرَائِيلِيُّ"
    assert found[1].text == "الحـــوثيون"


def test_arabic_alef_forms(resolver: ActorResolver) -> None:
    assert only(resolver, "الجيش الاسرائيلى", "ar").actor.id == ISR
    assert resolver.find_actors("إسرائيل", "ar") == []  # a country name is no actor


# --------------------------------------------------------------------- boundaries


def test_no_match_inside_words(resolver: ActorResolver) -> None:
    assert resolver.find_actors("Hamasville et antiHamas", "fr") == []
    assert resolver.find_actors("Hamas-led", "en")[0].text == "Hamas"
    assert resolver.find_actors("بحماسة كبيرة", "ar") == []  # "enthusiasm"
    assert resolver.find_actors("this is us", "en") == []  # IS / US are acronyms
    assert ids(resolver.find_actors("IS fighters and US troops", "en")) == [
        "islamic-state",
        US,
    ]


def test_longest_match_wins(resolver: ActorResolver) -> None:
    text = "la Résistance islamique en Irak a revendiqué"
    match = only(resolver, text, "fr", "LBN")
    assert match.actor.id == "islamic-resistance-in-iraq"
    assert match.text == "Résistance islamique en Irak"
    assert only(resolver, "كتائب حزب الله", "ar").actor.id == "kataib-hezbollah"
    assert only(resolver, "the Pakistani Taliban", "en").actor.id == "ttp"


def test_matches_are_sorted_and_disjoint(resolver: ActorResolver) -> None:
    text = "Tsahal et le Hamas ; les forces américaines et l'armée russe ; Wagner."
    found = resolver.find_actors(text, "fr")
    assert ids(found) == [ISR, "hamas", US, "military-forces-rus", "wagner-group"]
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


_PIECES = [
    "l'armée israélienne",
    "Hamas",
    "des civils",
    "les occupants américains",
    "QUELQUE",
    "État",
    "islamique",
    "’",
    "-",
    " ",
    "الجيش",
    "وللقوات الأمريكية",
    "martyrs",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=12), st.sampled_from(["fr", "en", "ar"]))
def test_offsets_always_slice_the_text(
    resolver: ActorResolver, pieces: list[str], lang: str
) -> None:
    text = " ".join(pieces)
    found = resolver.find_actors(text, lang, context_iso3=["ISR"])
    for match in found:
        assert text[match.start : match.end] == match.text
        assert match.text.strip() == match.text and match.text
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))
    for item in resolver.find_framing(text, lang):
        assert text[item.start : item.end] == item.term


# --------------------------------------------------------------------- misc


def test_successor_on_date(resolver: ActorResolver) -> None:
    taliban = only(resolver, "the Taliban", "en").actor
    assert resolver.as_of(taliban, date(2020, 1, 1)) == taliban
    assert resolver.as_of(taliban, None) == taliban
    later = resolver.as_of(taliban, date(2023, 5, 1))
    assert later.name == "Military Forces of Afghanistan"


def test_missing_dictionary_says_how_to_fix(tmp_path: Path) -> None:
    with pytest.raises(DataError) as info:
        ActorResolver.load(tmp_path / "nope.json")
    assert "build_actors.py" in str(info.value)
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": 99}', encoding="utf-8")
    with pytest.raises(DataError, match="format"):
        ActorResolver.load(bad)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "la guerre civile et la société civile"),
        ("fr", "une opération militaire et des équipements militaires"),
        ("fr", "2 millions d'habitants"),
        ("en", "let them go to a military base"),
        ("en", "Amal Clooney spoke"),
        ("en", "the junta in Bamako"),
        ("ar", "مدينة ود مدني"),
        ("ar", "حملة النصرة لغزة"),
        ("ar", "القاعدة العسكرية"),
    ],
)
def test_common_words_are_not_actors(resolver: ActorResolver, lang: str, text: str) -> None:
    assert resolver.find_actors(text, lang, context_iso3=["MLI"]) == []


def test_paramilitaries_in_a_sudan_story_are_the_rsf(pipeline: Any) -> None:
    text = "Paramilitary forces shelled a crowded market in Omdurman, Sudan, on Monday."
    events = pipeline.run([Article(id="p", text=text, language="en", published="2024-06-18")])
    assert [e.actor1.id if e.actor1 else None for e in events] == ["rsf"]
    elsewhere = "Paramilitary forces raided a village near Bogota, Colombia, on Monday."
    events = pipeline.run([Article(id="q", text=elsewhere, language="en", published="2024-06-18")])
    assert all(e.actor1 is None or e.actor1.id != "rsf" for e in events)
