"""Death tolls (veille.extract.tolls). Sentences invented."""

from __future__ import annotations

from typing import Any

import pytest

from sentence_builder import W, tokens
from veille.extract.lexicon import Lexicon
from veille.extract.numbers import read_number
from veille.extract.tolls import Toll, fatalities, no_fatalities, read_toll
from veille.model import Article


@pytest.fixture(scope="module")
def en() -> Lexicon:
    return Lexicon.load("en")


def test_numbers_in_digits_and_words(en: Lexicon) -> None:
    toks = tokens(["12", "dozens", "seven", "banana"])
    assert [read_number(en, t) for t in toks] == [12, 12, 7, None]


def test_the_lowest_stated_toll_wins(en: Lexicon) -> None:
    toks = tokens(["8", "or", "5", "people", "died"])
    toll = fatalities(en, toks)
    assert toll is not None and toll.count == 5


def test_a_number_after_a_death_verb_that_takes_it(en: Lexicon) -> None:
    toks = tokens(["The", "blast", "hit", "a", "bus", ",", "killing", "4"])
    assert read_toll(en, toks) == Toll(4, (toks[6].start, toks[7].end))


def test_a_part_of_the_dead_is_not_the_toll(en: Lexicon) -> None:
    # The subject's number counts however far an apposition pushes it; the number
    # after "including" is a part of the dead.
    words = [
        W("Eleven", "NUM", "nummod", 1),
        W("people", "NOUN", "nsubj", 6),
        W(","),
        W("including", "VERB", "prep", 1),
        W("5", "NUM", "nummod", 5),
        W("soldiers", "NOUN", "pobj", 3),
        W("died", "VERB", "ROOT", lemma="die"),
    ]
    toll = fatalities(en, tokens(words))
    assert toll is not None and toll.count == 11


def test_the_wounded_are_not_the_dead(en: Lexicon) -> None:
    toks = tokens(["3", "injured", "and", "one", "dead"])
    toll = fatalities(en, toks)
    assert toll is not None and toll.count == 1


def test_nobody_killed_is_zero_not_unknown(en: Lexicon) -> None:
    toks = tokens(["A", "shell", "landed", ";", "there", "were", "no", "casualties"])
    assert read_toll(en, toks) == Toll(0, (toks[6].start, toks[7].end))
    assert no_fatalities(en, tokens(["A", "shell", "landed"])) is None
    assert read_toll(en, tokens(["A", "shell", "landed"])) is None


@pytest.fixture(scope="module")
def fr() -> Lexicon:
    return Lexicon.load("fr")


def test_a_number_of_days_or_years_is_no_toll(fr: Lexicon, en: Lexicon) -> None:
    toks = tokens(["Deux", "jours", "après", "la", "mort", "du", "berger", ",", "19", "ans"])
    assert fatalities(fr, toks) is None
    toks = tokens(["The", "man", ",", "40", "years", "old", ",", "was", "killed"])
    assert fatalities(en, toks) is None


def test_the_number_of_the_noun_a_death_verb_describes(fr: Lexicon) -> None:
    # The parser made the counted noun the root and the verb its modifier.
    words = [
        W("Au", "ADP", "advmod", 3),
        W("moins", "ADV", "fixed", 0),
        W("six", "NUM", "nummod", 3),
        W("villageois", "NOUN", "ROOT"),
        W(","),
        W("dont", "PRON", "nmod", 7),
        W("un", "NUM", "nummod", 7),
        W("enfant", "NOUN", "nsubj:pass", 11),
        W(","),
        W("ont", "AUX", "aux:tense", 11),
        W("été", "AUX", "aux:pass", 11),
        W("tués", "VERB", "acl", 3, lemma="tuer"),
    ]
    toll = fatalities(fr, tokens(words))
    assert toll is not None and toll.count == 6


def test_a_toll_raised_to_a_figure_far_after_it(en: Lexicon, fr: Lexicon) -> None:
    words = "which brought the overall death toll of the rocket strike on the port to at least 9"
    toll = fatalities(en, tokens(words.split()))
    assert toll is not None and toll.count == 9
    words = "le bilan de l' attaque du convoi de samedi est passé à 11 morts"
    toll = fatalities(fr, tokens(words.split()))
    assert toll is not None and toll.count == 11
    # An English article "a" is not the French "à" that leads to a figure.
    assert fatalities(en, tokens(["the", "death", "toll", "from", "a", "blast"])) is None
    # «à» of a place in the toll's complement leads to no figure: the raise reads on.
    words = "le bilan de l' attaque de jeudi à Kindia est passé de 8 à 13 morts"
    toll = fatalities(fr, tokens(words.split()))
    assert toll is not None and toll.count == 13


def test_no_one_killed_is_zero(en: Lexicon) -> None:
    toks = tokens(["No", "one", "was", "killed", "in", "the", "blast"])
    toll = read_toll(en, toks)
    assert toll is not None and toll.count == 0


def test_numbers_of_a_date_count_no_one_and_grouped_thousands_do() -> None:
    from veille.model import Article
    from veille.pipeline import Pipeline

    text = "Militants attacked a village near Kidal on October 7, 2024, killing about 1,200 people."
    events = Pipeline().run([Article(id="t", text=text, language="en", published="2024-10-09")])
    assert [e.fatalities for e in events] == [1200]


@pytest.mark.parametrize(
    ("text", "language", "toll"),
    [
        (
            "Twelve militants and two soldiers were killed in the clash near Jilib on Sunday.",
            "en",
            14,
        ),
        (
            "The clash killed five soldiers, two police officers and one guard in Jilib.",
            "en",
            8,
        ),
        (
            "Douze rebelles et deux soldats ont été tués dans l'accrochage près de Gao dimanche.",
            "fr",
            14,
        ),
        # Alternatives are not added: the lowest figure is the toll.
        ("Between 12 and 14 people were killed in the clash near Jilib on Sunday.", "en", 12),
    ],
)
def test_coordinated_groups_of_dead_add_up(
    pipeline: Any, text: str, language: str, toll: int
) -> None:
    art = Article(id="t", text=text, language=language, published="2025-03-12")
    events = pipeline.run([art])
    assert events and events[0].fatalities == toll


def test_an_arabic_second_group_glued_to_and_adds_up(pipeline: Any) -> None:
    text = "قتل أربعة عناصر من الشرطة وثلاثة من المهاجمين في هجوم على مركز في كسلا يوم الأحد."
    art = Article(id="t", text=text, language="ar", published="2025-03-12")
    events = pipeline.run([art])
    assert events and events[0].fatalities == 7


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("One soldier was killed and two others wounded when a mine exploded near Gao.", "en"),
        ("Un soldat a été tué et deux autres blessés par une mine près de Gao lundi.", "fr"),
        # a counted noun the injury word describes, after the death word
        ("Un berger a été tué et trois villageois blessés par un obus près de Gao.", "fr"),
        ("A farmer was killed and five villagers wounded by a shell near Gao on Monday.", "en"),
    ],
)
def test_others_wounded_beside_the_dead_are_not_counted(
    pipeline: Any, text: str, language: str
) -> None:
    art = Article(id="t", text=text, language=language, published="2025-03-12")
    events = pipeline.run([art])
    assert events and events[0].fatalities == 1


@pytest.mark.parametrize(
    ("text", "language", "toll"),
    [
        ("Dix-huit villageois ont été tués dimanche dans une attaque près de Gao.", "fr", 18),
        (
            "Quatre-vingt-quinze civils ont été tués dimanche dans une attaque près de Gao.",
            "fr",
            95,
        ),
        (
            "Soixante-et-onze soldats ont été tués dimanche dans une embuscade près de Gao.",
            "fr",
            71,
        ),
        # The English tokenizer splits the words at the hyphen: the whole still counts.
        ("Thirty-four villagers were killed on Sunday in an attack near Gao.", "en", 34),
    ],
)
def test_a_number_written_in_hyphenated_words_is_one_number(
    pipeline: Any, text: str, language: str, toll: int
) -> None:
    art = Article(id="t", text=text, language=language, published="2025-03-12")
    events = pipeline.run([art])
    assert events and events[0].fatalities == toll


@pytest.mark.parametrize(
    ("text", "toll"),
    [
        ("قتل مسلحون اثني عشر قرويا في هجوم قرب غاو يوم الأحد.", 12),
        ("قتل خمسة عشر جنديا في كمين قرب غاو يوم الأحد.", 15),
        ("قتل عشرة جنود في كمين قرب غاو يوم الأحد.", 10),
    ],
)
def test_an_arabic_teen_is_its_unit_and_ten(pipeline: Any, text: str, toll: int) -> None:
    art = Article(id="t", text=text, language="ar", published="2025-03-12")
    events = pipeline.run([art])
    assert events and events[0].fatalities == toll


def test_the_number_after_a_death_noun_and_of_counts_whose_death(fr: Lexicon, en: Lexicon) -> None:
    deaths = tokens(["la", "mort", "de", "15", "civils"])
    assert fatalities(fr, deaths) == Toll(15, (deaths[1].start, deaths[3].end))
    past_article = tokens(["the", "deaths", "of", W("the", "DET"), "12", "passengers"])
    toll = fatalities(en, past_article)
    assert toll is not None and toll.count == 12
    # A number further on, past other words, counts something else.
    others = tokens(["la", "mort", "de", "son", "père", "et", "de", "3", "voisins"])
    assert fatalities(fr, others) is None


def test_a_number_of_families_counts_no_one(en: Lexicon) -> None:
    words = [
        W("killing", "VERB", "advcl", 0),
        W("five", "NUM", "nummod", 2),
        W("members", "NOUN", "dobj", 0),
        W("of", "ADP", "prep", 2),
        W("one", "NUM", "nummod", 5),
        W("family", "NOUN", "pobj", 3),
    ]
    toll = fatalities(en, tokens(words))
    assert toll is not None and toll.count == 5


@pytest.mark.parametrize(
    ("text", "language", "toll"),
    [
        ("A herder was fatally shot near Gao on Sunday when gunmen raided the village.", "en", 1),
        ("Three soldiers were mortally wounded in an ambush near Gao on Sunday.", "en", 3),
        (
            "Un berger a été mortellement touché par balle dimanche lors d'une attaque à Gao.",
            "fr",
            1,
        ),
        # The adverb after the verb, which the parser may hang on the next phrase.
        ("Un gendarme a été blessé mortellement lors d'une attaque à Gao dimanche.", "fr", 1),
        ("Deux policiers ont succombé à leurs blessures lors d'une embuscade à Gao.", "fr", 2),
    ],
)
def test_a_fatal_wound_counts_the_dead(pipeline: Any, text: str, language: str, toll: int) -> None:
    art = Article(id="t", text=text, language=language, published="2025-03-12")
    events = pipeline.run([art])
    assert [e.fatalities for e in events] == [toll]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Police shot dead John Mwangi in Kisumu on Monday.", "en"),
        ("Karim Benali a été tué lundi à Gao par des hommes armés.", "fr"),
    ],
)
def test_one_named_person_killed_counts_one(pipeline: Any, text: str, language: str) -> None:
    art = Article(id="t", text=text, language=language, published="2025-03-12")
    assert [e.fatalities for e in pipeline.run([art])] == [1]


def test_a_vague_count_of_a_noun_is_no_part_of_a_group(pipeline: Any) -> None:
    # "of" after "dozens" leads to what is counted, not to a group it is a part of.
    text = "Jihadists attacked a village near Djibo on Sunday, killing dozens of residents."
    art = Article(id="t", text=text, language="en", published="2025-03-12")
    assert [e.fatalities for e in pipeline.run([art])] == [12]


def test_one_victim_and_others_listed_with_it_is_no_count_of_one(pipeline: Any) -> None:
    # "a chief and his two sons": three dead, which no single number states.
    text = "Gunmen shot dead a village chief and his two sons near Tahoua on Thursday."
    art = Article(id="t", text=text, language="en", published="2025-03-12")
    assert [e.fatalities for e in pipeline.run([art])] != [1]


def test_a_number_word_the_parser_takes_for_the_subject_counts_the_dead(fr: Lexicon) -> None:
    # «Neuf ressortissants étrangers ont été tués et deux autres blessés»: the parser made the
    # capitalised «Neuf» the subject itself (a name); it still counts, it names no one
    # person, and the wounded of the clause joined to the verb are not counted.
    words = [
        W("Neuf", "PROPN", "nsubj:pass", 5),
        W("ressortissants", "NOUN", "fixed", 0, lemma="ressortissant"),
        W("étrangers", "ADJ", "amod", 1, lemma="étranger"),
        W("ont", "AUX", "aux:tense", 5, lemma="avoir"),
        W("été", "AUX", "aux:pass", 5, lemma="être"),
        W("tués", "VERB", "ROOT", lemma="tuer"),
        W("et", "CCONJ", "cc", 9),
        W("deux", "NUM", "nummod", 9),
        W("autres", "ADJ", "amod", 9),
        W("blessés", "VERB", "conj", 5, lemma="blesser"),
    ]
    toll = read_toll(fr, tokens(words))
    assert toll is not None and toll.count == 9


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Some 29 villagers, among them 11 children, died as shells hit Gao on Monday.", "en"),
        ("29 people, including at least 11 children, died in a strike on Gao on Monday.", "en"),
        (
            "Au moins 29 personnes, parmi lesquelles 11 enfants, ont été tuées lundi dans "
            "une frappe sur un marché de Gao.",
            "fr",
        ),
        ("قتل 29 شخصا بينهم على الأقل 11 طفلا في غارة جوية على سوق في غاو أمس.", "ar"),
    ],
)
def test_a_part_of_the_dead_past_a_pronoun_or_at_least_is_no_toll(
    pipeline: Any, text: str, language: str
) -> None:
    art = Article(id="t", text=text, language=language, published="2025-03-12")
    events = pipeline.run([art])
    assert [e.fatalities for e in events] == [29]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("A drone hit a warehouse in Odesa overnight; no injuries were reported.", "en"),
        ("Une roquette a frappé un entrepôt à Sdérot mardi, sans faire de blessés.", "fr"),
        ("Des émeutes ont secoué Lyon mardi, mais pas de morts selon le préfet.", "fr"),
        ("استهدفت طائرة مسيرة مخزنا في مدينة الحديدة أمس ولم تسجل إصابات.", "ar"),
        ("انفجرت عبوة ناسفة قرب مدينة الحديدة أمس، ولم تسجل أي وفيات.", "ar"),
        ("سقطت قذيفة على سوق في مدينة الحديدة أمس دون وقوع وفيات.", "ar"),
    ],
)
def test_no_one_hurt_or_killed_is_a_toll_of_zero(pipeline: Any, text: str, language: str) -> None:
    # No one injured, or no deaths, said in so many words: zero dead (ACLED's 0), where
    # a report silent on the dead leaves the toll empty.
    art = Article(id="z", text=text, language=language, published="2025-03-12")
    assert [e.fatalities for e in pipeline.run([art])] == [0]


def test_an_arabic_dual_counts_its_people_before_a_day(pipeline: Any) -> None:
    # «شخصان» counts two people by itself; «يوم» after it dates the act, it is no
    # "two days".
    art = Article(
        id="d",
        text="قتل شخصان يوم الأحد في غارة جوية على منزل في بلدة الخيام.",
        language="ar",
        published="2025-03-10",
    )
    assert [e.fatalities for e in pipeline.run([art])] == [2]


@pytest.mark.parametrize(
    ("text", "toll"),
    [
        ("Une quarantaine de civils ont été tués samedi à Kaya.", 40),
        ("Une dizaine de soldats ont été tués samedi à Kaya.", 10),
    ],
)
def test_a_noun_of_number_that_is_the_subject_counts_the_dead(
    pipeline: Any, text: str, toll: int
) -> None:
    # «Une quarantaine de civils»: the noun of number heads the subject, five words
    # before the verb.
    art = Article(id="q", text=text, language="fr", published="2025-05-12")
    assert [e.fatalities for e in pipeline.run([art])] == [toll]


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        # «عدد القتلى» is "the number of the dead": the figure after it is the toll.
        (
            "قصفت طائرات حربية بلدة مجز في محافظة صعدة يوم الخميس، "
            "وقال مسؤول إن عدد القتلى بلغ 40 شخصا.",
            40,
        ),
        ("ارتفع عدد القتلى في قصف بلدة مجز بمحافظة صعدة يوم الخميس إلى 23 شخصا.", 23),
        # «عدد من» stays "a number of" (ACLED: 10).
        ("قتل عدد من المدنيين في قصف جوي على بلدة مجز بمحافظة صعدة يوم الخميس.", 10),
    ],
)
def test_the_number_of_the_dead_is_the_figure_that_follows(
    pipeline: Any, text: str, dead: int
) -> None:
    art = Article(id="n", text=text, language="ar", published="2025-03-14")
    assert [e.fatalities for e in pipeline.run([art])] == [dead]


@pytest.mark.parametrize(
    ("text", "language", "dead"),
    [
        (
            "A nurse and her three daughters were killed when a shell hit their flat in Kherson.",
            "en",
            4,
        ),
        ("Shelling killed a farmer and his two sons near Kherson on Sunday.", "en", 3),
        (
            "Une infirmière et ses trois filles ont été tuées par un obus à Kherson dimanche.",
            "fr",
            4,
        ),
        ("Un obus a tué un éleveur et ses deux fils près de Kherson dimanche.", "fr", 3),
    ],
)
def test_one_person_listed_with_a_counted_group_adds_to_it(
    pipeline: Any, text: str, language: str, dead: int
) -> None:
    # "a farmer and his two sons": one person told with no number beside a counted
    # group of the same dead adds one to the count (it was the group's count alone, or
    # nothing when the list ran past the verb's window).
    art = Article(id="k", text=text, language=language, published="2025-03-10")
    assert [e.fatalities for e in pipeline.run([art])] == [dead]


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        # A noun with a possessive suffix is one person: "its driver".
        ("استهدفت مسيرة دراجة نارية في بلدة مجز يوم الاثنين، ما أدى إلى مقتل سائقها.", 1),
        # "a man and his wife", "a woman and her two children" (a dual before a suffix),
        # "a father and his three sons" (a definite number after the noun).
        ("قتل مزارع وزوجته في غارة على بلدة مجز يوم الاثنين.", 2),
        ("قتلت ممرضة وطفلاها في غارة على بلدة مجز يوم الاثنين.", 3),
        ("أدت غارة على بلدة مجز يوم الاثنين إلى مقتل أب وأبنائه الثلاثة.", 4),
    ],
)
def test_one_arabic_person_and_the_kin_told_after(pipeline: Any, text: str, dead: int) -> None:
    art = Article(id="k", text=text, language="ar", published="2025-03-12")
    assert [e.fatalities for e in pipeline.run([art])] == [dead]


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        # "... which led to his death", "... to the death of both": the suffix counts.
        ("أطلق مسلحون النار على مزارع قرب بلدة مجز يوم الاثنين، ما أدى إلى مقتله.", 1),
        ("استهدفت مسيرة سيارة قرب بلدة مجز يوم الاثنين، ما أسفر عن استشهادهما.", 2),
    ],
)
def test_an_arabic_word_of_death_counts_whose_death_by_its_suffix(
    pipeline: Any, text: str, dead: int
) -> None:
    art = Article(id="s", text=text, language="ar", published="2025-03-12")
    assert [e.fatalities for e in pipeline.run([art])] == [dead]


@pytest.mark.parametrize(
    "text",
    [
        # «مقتلهم» (their death) says how many no more than "they" does.
        "استهدفت مسيرة سيارة قرب بلدة مجز يوم الاثنين، ما أسفر عن مقتلهم.",
        # «حصيلتها» (its toll) is no one's death.
        "استهدفت مسيرة سيارة قرب بلدة مجز يوم الاثنين، ولم تعرف حصيلتها.",
    ],
)
def test_a_plural_suffix_or_a_toll_with_a_suffix_counts_no_one(pipeline: Any, text: str) -> None:
    art = Article(id="s", text=text, language="ar", published="2025-03-12")
    assert [e.fatalities for e in pipeline.run([art])] == [None]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Des miliciens ont incendié plusieurs maisons et tué au moins six personnes à Djugu.",
            "fr",
        ),
        (
            "Militiamen burned several houses and killed at least six people in Djugu on Monday.",
            "en",
        ),
    ],
)
def test_a_count_of_buildings_is_no_toll(pipeline: Any, text: str, language: str) -> None:
    # «plusieurs maisons» counts houses (read as ten, it had been added to the six dead).
    art = Article(id="b", text=text, language=language, published="2025-03-12")
    assert [e.fatalities for e in pipeline.run([art])] == [6]


@pytest.mark.parametrize(
    ("text", "language", "toll"),
    [
        ("Des hommes armés ont abattu dimanche trois fidèles dans une église de Kaya.", "fr", 3),
        ("Des jihadistes ont exécuté dimanche cinq otages près de Kaya, au Burkina Faso.", "fr", 5),
        (
            "Des assaillants ont massacré dimanche vingt villageois à Kaya, au Burkina Faso.",
            "fr",
            20,
        ),
        ("Jihadists executed five hostages near Kaya, Burkina Faso, on Sunday.", "en", 5),
    ],
)
def test_the_count_a_verb_of_killing_takes_is_the_toll(
    pipeline: Any, text: str, language: str, toll: int
) -> None:
    # «abattre», «exécuter», «massacrer», "execute": the people they take are the dead.
    art = Article(id="t", text=text, language=language, published="2025-03-12")
    assert [e.fatalities for e in pipeline.run([art])] == [toll]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Nine people died on the spot and four others died of their wounds in hospital"
            " after the raid on Tillaberi on Friday.",
            "en",
        ),
        (
            "Neuf personnes sont mortes sur le coup et quatre autres ont succombé à leurs"
            " blessures après le raid sur Tillabéri vendredi.",
            "fr",
        ),
        (
            "Gunmen raided Tillaberi on Friday, killing nine villagers; four others died"
            " later in hospital.",
            "en",
        ),
    ],
)
def test_others_who_died_later_add_to_the_toll(pipeline: Any, text: str, language: str) -> None:
    # "nine ... and four others": 13 dead, not the lowest of two figures.
    art = Article(id="t", text=text, language=language, published="2025-03-12")
    events = pipeline.run([art])
    assert [e.fatalities for e in events] == [13]


def test_others_wounded_after_the_dead_add_nothing(pipeline: Any) -> None:
    text = "قال مسؤول إن 40 شخصا قتلوا وأصيب نحو 90 آخرين في انفجار سيارة ملغومة في مقديشو أمس."
    art = Article(id="t", text=text, language="ar", published="2025-03-12")
    assert [e.fatalities for e in pipeline.run([art])] == [40]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ('"They killed my three sons," a farmer said after gunmen raided Tillaberi.', "en"),
        ("« Ils ont tué mes trois fils », a raconté un paysan après le raid sur Tillabéri.", "fr"),
    ],
)
def test_a_witness_counting_their_own_people_tells_no_toll(
    pipeline: Any, text: str, language: str
) -> None:
    # A part of the dead the witness lost, not how many the raid killed.
    art = Article(id="t", text=text, language=language, published="2025-03-12")
    events = pipeline.run([art])
    assert events and all(e.fatalities is None for e in events)


def test_a_number_noun_counts_only_before_its_of() -> None:
    ar = Lexicon.load("ar")
    # «قتل عدد من المدنيين»: "a number of" (ACLED's ten for an unstated few).
    some = fatalities(ar, tokens(["قتل", "عدد", "من", "المدنيين"]))
    assert some is not None and some.count == 10
    # «عدد القتلى 7»: "the number of the dead", no figure of its own.
    named = fatalities(ar, tokens(["بلغ", "عدد", "القتلى", "7"]))
    assert named is not None and named.count == 7


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # One victim told with an article, then the wounded counted in a clause of their
        # own: the count is the wounded's, the toll the one person killed.
        ("A guard was killed and 14 others were wounded when gunmen attacked a bank in Jos.", "en"),
        ("A driver was shot dead and 30 people were injured in Jos on Friday.", "en"),
        (
            "Un gardien a été tué et 14 autres ont été blessés vendredi lors d'une attaque à Jos.",
            "fr",
        ),
        (
            "Un chauffeur a été abattu et trente personnes ont été blessées vendredi à Jos.",
            "fr",
        ),
    ],
)
def test_the_wounded_counted_after_one_person_killed_are_not_the_toll(
    pipeline: Any, text: str, language: str
) -> None:
    art = Article(id="t", text=text, language=language, published="2025-03-15")
    events = pipeline.run([art])
    assert events and {e.fatalities for e in events} == {1}, [e.fatalities for e in events]


@pytest.mark.parametrize(
    ("text", "toll"),
    [
        # The death verb's object counts the killed, "of" a group or not.
        ("Gunmen stopped two buses near Zhob on Monday and shot dead nine of them.", 9),
        ("Gunmen stopped two buses near Zhob on Monday and killed nine of the passengers.", 9),
        # A part of the dead stays a part: the lowest figure is the toll.
        ("Eleven people were killed near Zhob on Monday; three of the dead were children.", 11),
    ],
)
def test_the_death_verbs_object_counts_the_killed_before_of(
    pipeline: Any, text: str, toll: int
) -> None:
    art = Article(id="t", text=text, language="en", published="2025-03-12")
    events = pipeline.run([art])
    assert events and events[0].fatalities == toll, [e.fatalities for e in events]


@pytest.mark.parametrize(
    "noun", ["peacekeeper", "protester", "mayor", "hostage", "refugee", "firefighter"]
)
def test_one_person_of_any_common_calling_killed_is_one_dead(pipeline: Any, noun: str) -> None:
    text = f"A {noun} was killed near Kidal on Sunday when gunmen opened fire."
    events = pipeline.run([Article(id="t", text=text, language="en", published="2025-03-18")])
    assert events and {e.fatalities for e in events} == {1}, [e.fatalities for e in events]
