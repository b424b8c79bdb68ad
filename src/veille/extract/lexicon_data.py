"""The layout of a language's event lexicon, ``src/veille/lang/<lang>/triggers.json``:
pydantic models of its entries (a trigger: "frappe aérienne" as an air strike, a weapon:
"drone", a statement verb: "threatened" as THREATEN) and of the whole file with its
word lists and noun classes, checked as it loads. ``veille.extract.lexicon`` compiles
them into phrase tables (and re-exports them)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator


class TriggerEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")
    p: str
    sub: str | None = None
    generic: str | None = Field(default=None, description="remote | attack: type from weapon")
    default: str | None = None
    mode: str | None = None
    weapon: str | None = None
    rank: int = 1
    weak: bool = False
    needs_object: bool = False
    requires_weapon: bool = Field(
        default=False, description="Only with a weapon noun in the sentence."
    )
    needs_place: bool = Field(default=False, description="Only right before a place name.")
    damage: bool = Field(
        default=False,
        description=(
            "Tells damage ('smashed windows', 'a fire was started'): an act of its own only "
            "where the sentence tells no other ('a blast shattered windows': its effect)."
        ),
    )
    concluded: bool = Field(
        default=False,
        description=(
            "Only where a verb of concluding (the noun class ``concluding_verbs``) governs "
            "it or stands a few words before it ('signed a truce', 'a ceasefire took "
            "effect', «أعلن التوصل إلى هدنة»): the noun alone is background ('despite "
            "the ceasefire', 'ceasefire talks')."
        ),
    )
    inflect: Literal["perfect"] | None = Field(
        default=None,
        description=(
            "Arabic: the pattern is a perfect verb in the third person masculine singular; "
            "its feminine, dual and plural forms (ت، ا، تا، وا) are triggers too."
        ),
    )
    accents: bool = Field(
        default=False,
        description=(
            "The words must be written as the pattern is, accents included: matching folds "
            "accents, and «des marches» (protest marches) would match «des marchés» (markets)."
        ),
    )
    after_verb: str | None = Field(
        default=None,
        description=(
            "Only with a verb of this noun class governing it or a few words before it in "
            "its clause: «خرجت مظاهرات», «شهدت المدينة احتجاجات»; the plural noun alone "
            "is a topic ('the protests', «المظاهرات»)."
        ),
    )
    remote_weapon: bool = Field(
        default=False,
        description=(
            "With requires_weapon: only with a weapon of remote violence (a drone, a "
            "missile, a shell): «un drone a touché un immeuble»; «touché par balle» is a "
            "person shot, which the toll tells."
        ),
    )
    after_light_verb: bool = Field(
        default=False,
        description=(
            "Arabic masdar: an act told only after a light verb in the past or a passive "
            "auxiliary a few words before it ('أقدم مسلحون على اختطاف', 'تم اختطاف'); "
            "alone it names the act ('بتهمة اختطاف', 'قضية خطف': a charge, a case)."
        ),
    )
    one_sided: bool = Field(
        default=False,
        description=(
            "An Armed clash word that one side does to the other (assault, ambush): "
            "on civilians with no armed side against them it is an Attack."
        ),
    )
    or_armed: bool = Field(
        default=False,
        description=(
            "With requires_weapon: also without a weapon where an actor owns the word "
            "('Israeli strikes', 'strikes by the army') or it falls on a place "
            "('strikes on Kharkiv'): a labour strike has neither."
        ),
    )
    target_default: str | None = None
    by_state: str | None = Field(
        default=None,
        description=(
            "The sub-type of a generic trigger whose doer in the sentence is a state's "
            "forces and no weapon names another: an army that bombs does so from the air "
            "('the army bombed', 'Russian bombing'); a bombing by anyone else stays 'default'."
        ),
    )
    not_after: list[str] = Field(default_factory=list)
    weapon_subject: bool = Field(
        default=False,
        description=(
            "A verb of damage that tells an attack only where a weapon did it: its subject "
            "or its agent ('a drone destroyed two tanks', «un obus a endommagé l'école», "
            "'destroyed by a missile'); 'troops destroyed an IED' is no attack."
        ),
    )
    ruin_of_strike: bool = Field(
        default=False,
        description=(
            "With weapon_subject: also with no weapon where the verb is a passive with no "
            "agent whose subject is a building or a military site, in a sentence that "
            "names a place ('homes were flattened in X', «un immeuble a été détruit à "
            "X»): the effect of a strike the story tells the same day, whose type it "
            "takes (``story``); dropped where the story tells none."
        ),
    )
    weapon_falls: bool = Field(
        default=False,
        description=(
            "With weapon_subject: a verb of falling or landing, whose subject is the "
            "weapon whatever voice the parser reads («des obus sont tombés», which it "
            "takes for a passive; 'rockets landed in X')."
        ),
    )
    weapon_object: bool = Field(
        default=False,
        description=(
            "A verb of disposal that tells disrupted weapons use only where its object is "
            "a weapon ('troops destroyed a roadside bomb', «ont neutralisé un engin "
            "explosif»); 'destroyed a house' is not."
        ),
    )
    subject_gap: int = Field(
        default=0,
        ge=0,
        le=6,
        description=(
            "Arabic verb-subject order: up to this many words (no punctuation) may stand "
            "between the verb (the pattern's first word) and the rest ('سيطرت القوات على'); "
            "such a match covers the verb alone, and the words between are its subject. "
            "For a one-word verb with place_object and a direct object ('استعادت القوات "
            "المدينة'), the subject's words before the ground taken."
        ),
    )
    armed_subject: bool = Field(
        default=False,
        description=(
            "Arabic verb whose voice the script does not show ('قتل': killed, or was "
            "killed): active only where an armed side stands right after it (its subject) "
            "and a count or a person after that (its object): 'قتل الجيش ثلاثة'."
        ),
    )
    object_class: str | None = Field(
        default=None,
        description=(
            "Only where the noun right after it (past determiners, numbers, adjectives "
            "and names) is of this noun class: 'struck Hezbollah targets'."
        ),
    )
    closed_by: list[str] = Field(
        default_factory=list,
        description=(
            "Only where one of these phrases closes the verb's object after it (a split "
            "verb: 'set the post on fire', 'set two cars ablaze')."
        ),
    )
    not_aiming: bool = Field(
        default=False,
        description=(
            "Not where an infinitive hangs on it as its complement («visant à mettre fin "
            "aux combats»: aiming to, not targeting)."
        ),
    )
    not_subject_class: str | None = Field(
        default=None,
        description=(
            "Not where the verb's subject is of this noun class: 'prices exploded', «les "
            "prix ont explosé» (a surge, not a blast)."
        ),
    )
    subject_class: str | None = Field(
        default=None,
        description=(
            "Only where the verb's subject is of this noun class: 'the convoy came under "
            "fire' (not 'the minister came under fire', criticised)."
        ),
    )
    not_object_class: str | None = Field(
        default=None,
        description=(
            "Not where the noun right after it is of this noun class: 'executed a "
            "warrant', «exécuter un mandat» carry out an order; nobody is killed."
        ),
    )
    place_object: bool = Field(
        default=False,
        description=(
            "Only with a place named within a few words after it, in the same clause: "
            "'seized the town of X' is territory, 'seized weapons' is not."
        ),
    )


class WeaponEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")
    p: str
    weapon: str
    sub: str
    mode: str
    also_site: bool = Field(
        default=False,
        description=(
            "The word also names a site ('mine': a gold mine): no weapon where a mineral "
            "word stands beside it (noun class minerals) or an assault takes it "
            "(noun class site_assaults: 'attacked a mine', «l'attaque d'une mine»)."
        ),
    )
    people_class: str | None = Field(
        default=None,
        description=(
            "The word also names people ('chasseurs': fighter jets, or hunters): no "
            "weapon where the next word is of this noun class ('chasseurs dozos', "
            "«chasseurs traditionnels»)."
        ),
    )


class StatementEntry(BaseModel):
    """A verb or noun of a non-violent PLOVER record, with the argument structure that
    tells its readings apart: "withdraw troops" retreats, "withdraw inspectors" sanctions,
    "reduce aid" sanctions; ``objects``/``subjects`` name classes of ``noun_classes``."""

    model_config = ConfigDict(extra="forbid")
    p: str
    plover: str = Field(description="A non-violent PLOVER type: THREATEN, ACCUSE, AGREE...")
    mode: str | None = None
    objects: str | None = Field(
        default=None, description="The trigger's object (a noun's 'of' complement) is of it."
    )
    object_optional: bool = Field(
        default=False, description="With objects: also when the trigger has no object at all."
    )
    subjects: str | None = Field(default=None, description="The trigger's subject is of it.")
    verb_only: bool = Field(default=False, description="Only as a verb ('back', not the adverb).")
    not_in_purpose: bool = Field(
        default=False, description="Not as a purpose ('passed a law to allow...': nothing yielded)."
    )


class LexiconData(BaseModel):
    model_config = ConfigDict(extra="forbid")
    language: str
    note: str = ""
    triggers: list[TriggerEntry]
    weapons: list[WeaponEntry]
    claim: list[str]
    statement: list[str]
    report: list[str]
    reporter_nouns: list[str]
    confirm: list[str]
    official_nouns: list[str]
    deny: list[str]
    negation: list[str]
    future: list[str]
    # Plans, requests and possibilities of violence ("خطط لاغتيال", "طلب تنفيذ ضربات"):
    # no event, and no threat either (who plans or asks is not threatening anyone).
    plans: list[str] = Field(default_factory=list)
    accusation: list[str]
    justification: list[str]
    # Whom an actor serves, in languages read without a parse («الفصائل الموالية لتركيا»,
    # «المدعومة من واشنطن»): the word right after the cue names the patron, not the place
    # of the act; unlike a reason, the cue tells nothing of whether the act happened.
    allegiance: list[str] = Field(default_factory=list)
    # Verbs that qualify an event told elsewhere ("parlent d'une attaque délibérée",
    # "described it as a massacre", "تصوير الجريمة على أنها مواجهة"): what they qualify
    # is a characterisation, not an event of its own.
    characterisation: list[str] = Field(default_factory=list)
    aggregate_quantifiers: list[str]
    aggregate_periods: list[str]
    aggregate_places: list[str] = Field(
        default_factory=list,
        description=(
            "Phrases that count over a whole country ('nationwide', «dans tout le pays», "
            "«في أنحاء البلاد»): a toll so counted is a tally, whatever day it names."
        ),
    )
    aggregate_singular_ok: list[str] = Field(default_factory=list)
    fatality_nouns: list[str]
    injury_nouns: list[str]
    vague_numbers: dict[str, int]
    lower_bound_markers: list[str]
    civilian_nouns: list[str]
    civilian_stems: list[str] = Field(
        default_factory=list,
        description=(
            "Arabic: singular nouns of civilians whose sound forms are civilian nouns "
            "too: plural (ون، ين), feminine (ة، ات) and indefinite accusative (ا)."
        ),
    )
    # Places and gatherings of civilians ("a market", "une église", "عزاء"): an attack on
    # one, with no armed side named against the attackers, is violence against civilians.
    civilian_sites: list[str] = Field(default_factory=list)
    # Verbs that, followed by a perfect infinitive, make a claim by their subject:
    # "affirme avoir abattu", "a annoncé samedi avoir pris" (the actor's own account).
    claim_verbs: list[str] = Field(default_factory=list)
    perfect_auxiliaries: list[str] = Field(default_factory=list)
    # Phrases saying that nobody died ("aucune victime"): fatalities 0, not null.
    no_fatalities: list[str] = Field(default_factory=list)
    # Police action against a gathering: a protest becomes "Protest with intervention".
    intervention: list[str] = Field(default_factory=list)
    # A crowd (demonstrators, rioters, youths in the plural, a politician's supporters):
    # violence by a crowd is a riot, force by the state against one is excessive force.
    crowd_nouns: list[str] = Field(default_factory=list)
    # Clock-time phrases ("vers 22 heures"): the hour gives the time of day.
    hour_markers: list[str] = Field(default_factory=list)
    # Habitual adverbs ("régulièrement"): what they qualify is not one dated event.
    habitual: list[str] = Field(default_factory=list)
    # Adverbs of repetition ("repeatedly", «à plusieurs reprises», «مرارا»): the acts
    # repeated are a habit only over a period the sentence names ("repeatedly since
    # March"); told of one day, they are that day's acts.
    repeated: list[str] = Field(default_factory=list)
    # "après des affrontements", "in the wake of": an earlier event given as background.
    background: list[str] = Field(default_factory=list)
    # Having, finding, seizing, shipping or making weapons ("ضبط 22 قذيفة هاون", "عثرت
    # على سيارة مفخخة"): a weapon named right after them is an object, not an attack.
    possession: list[str] = Field(default_factory=list)
    # Death words after which the number comes ("tuant 3", "killing 3", "مقتل سبعة").
    number_follows: list[str] = Field(default_factory=list)
    # Toll nouns whose number follows at some distance ("un bilan provisoire de 3 morts").
    toll_nouns: list[str] = Field(default_factory=list)
    # Units a number measures instead of counting people ("deux jours après", "17 ans",
    # "50 km"): such a number is never a toll.
    measure_nouns: list[str] = Field(default_factory=list)
    # Verbs and nouns of non-violent PLOVER records (statements, never events).
    statements: list[StatementEntry] = Field(default_factory=list)
    # Modality of a statement's act (English: auxiliaries and governing verbs). An act
    # announced for the future is a promise (AGREE) or, when hostile or conditioned on
    # the target's compliance ("unless"), a threat; one someone "must" do is a demand.
    intent_auxiliaries: list[str] = Field(default_factory=list)
    intent_verbs: list[str] = Field(default_factory=list)
    obligation_auxiliaries: list[str] = Field(default_factory=list)
    condition_markers: list[str] = Field(default_factory=list)
    ultimatum_markers: list[str] = Field(default_factory=list)
    # Phrases that contain a statement word but say no such act ("press release",
    # "declined to comment"): a statement match overlapping one is dropped.
    not_statements: list[str] = Field(default_factory=list)
    # Named noun classes that statement entries require of their arguments ("aid": aid,
    # supplies, medicine...; "presence": peacekeepers, inspectors, observers...).
    noun_classes: dict[str, list[str]] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _classes_exist(self) -> LexiconData:
        for e in self.statements:
            for name in (e.objects, e.subjects):
                if name is not None and name not in self.noun_classes:
                    raise ValueError(f"statement {e.p!r} names an unknown noun class {name!r}")
        for t in self.triggers:
            for name in (t.object_class, t.not_object_class):
                if name is not None and name not in self.noun_classes:
                    raise ValueError(f"trigger {t.p!r} names an unknown noun class {name!r}")
        return self
