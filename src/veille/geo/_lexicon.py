"""Words around place names, per language: stop words, cues, site nouns, directions.

All entries are in normalised form (``_normalize.normalise_token``): lower case, no
accents; Arabic without diacritics, with unified alef/ya/ta marbuta and no article.
"""

from __future__ import annotations

import re

from veille.geo._normalize import normalise_token


def _norm_set(words: str) -> frozenset[str]:
    return frozenset(normalise_token(w) for w in words.split())


# Keys that are never a place on their own, whatever the gazetteer says: function words,
# months and weekdays, compass points, titles, and common nouns that happen to name a
# hamlet somewhere ("Base", "Mars", "دير").
STOP_KEYS = _norm_set(
    """
    a an the this that these those he she it we they his her its our their i you me my
    and or but if of in on at to by for from with as is was are be been not no so than
    then there here when where who what which while after before during since until
    mr mrs ms dr sir lord saint st mount mt fort port lake river city town village county
    state states province region district area centre center north south east west
    northern southern eastern western central northeast northwest southeast southwest
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
    president minister general colonel captain major police army government military
    news reuters afp ap press union university school college church hospital street
    road avenue square park hall house home office airport base camp station bridge
    love hope faith grace joy victory liberty independence unity peace justice
    god christmas easter new old great little big long high low good best first last
    man men woman women people world national international government
    one two three four five six seven eight nine ten many most more much over also
    board council congress senate ministry court sheriff sgt sept oct nov dec jan feb
    aug local officer officers department committee agency commission bureau service
    white black red green blue gold silver golden royal free federal republic democratic
    every all some any each other such only just even still very well however meanwhile
        le la les un une des du de d l au aux et ou mais donc car ni que qui quoi dont ou
    ce cet cette ces il elle ils elles nous vous on son sa ses leur leurs
    est nord sud ouest centre base mars mai juin juillet aout septembre octobre novembre
    decembre janvier fevrier avril lundi mardi mercredi jeudi vendredi samedi dimanche
    selon apres avant depuis pendant dans sur sous vers chez contre entre sans pour par
    ville village province region pays etat armee police president ministre general
    frontiere camp aeroport pont port mont saint sainte
    plusieurs certains autres tout tous toute toutes aussi encore deja ainsi alors
    conseil ministere tribunal gouvernement assemblee senat commission
    في من الى إلى على عن مع بعد قبل منذ حتى عند لدى بين خلال ضد حول نحو دون
    هذا هذه ذلك تلك هو هي هم التي الذي الذين ان أن إن كان كانت قد لقد لم لن ما لا
    قال قالت يوم ليل ليلة عام سنة شهر اليوم امس أمس صباح مساء
    شمال جنوب شرق غرب وسط شمالي جنوبي شرقي غربي الشمال الجنوب الشرق الغرب
    دير مدينة قرية بلدة منطقة حي جبل نهر سوق مركز طريق شارع قاعدة مطار مخيم معبر
    الدولة دولة الجيش جيش القوات قوات الحكومة حكومة مصادر مصدر الناس اهل أهل
    رئيس وزير الرئيس الوزير اللواء العقيد الشيخ
    السبت الأحد الاحد الاثنين الإثنين الثلاثاء الأربعاء الاربعاء الخميس الجمعة
    """
)

# Multi-word names that news uses for something else than the place they name.
STOP_KEYS = STOP_KEYS | frozenset({"white house", "new world", "the white house"})

# Lower-case Latin words that may stand inside a multi-word name without capitals.
NAME_PARTICLES = _norm_set(
    """
    al el ad ar as az ash at ath ed er es ez esh ech ej en et ul ud ur us adh an
    de du des la le les d l of the on upon sur sous and y da di do dos das del van von der
    bin ibn bint abu abou umm um ain ayn bab beit bayt dar deir dayr tal tell kafr kfar
    """
)

# Geographic nouns that may follow a capitalised name without making it part of a longer
# proper name ("Aleppo Province", "Raqqa city").
GEO_NOUNS = _norm_set(
    """
    province governorate county parish district region state city town village oblast
    area countryside suburbs outskirts border valley river
    """
)

# A cue just before a single-word match that makes it a place ("in Homs", "à Alep",
# "في حمص"); Arabic prepositions glued to the name count as well.
LOCATIVE_CUES = _norm_set(
    """
    in at near from to into toward towards outside inside around across via
    a au aux en dans pres vers depuis de d autour
    في قرب من الى إلى نحو داخل خارج حول باتجاه
    مدينة بلدة قرية مخيم حي منطقة ريف محافظة ولاية مديرية ناحية
    city town village province governorate ville localite province gouvernorat commune
    """
)

# Arabic nouns of place kinds, the head of a construct whose second word is a name.
AR_PLACE_NOUNS = _norm_set(
    """
    مدينة بلدة قرية مخيم حي منطقة ريف محافظة ولاية مديرية ناحية قضاء اقليم إقليم
    """
)

# Nouns that announce a curated site within the few words before its name.
SITE_NOUNS = _norm_set(
    """
    base airbase airfield airport camp field oilfield refinery dam port crossing plant
    garrison hospital terminal facility reactor
    aeroport aerodrome champ raffinerie barrage centrale garnison hopital usine site
    قاعدة مطار مخيم معسكر حقل مصفاة سد ميناء معبر منفذ محطة مستشفى منشاه مفاعل
    """
)

# Nouns that announce an admin area ("la province d'Idleb", "محافظة إدلب").
ADMIN_NOUNS = _norm_set(
    """
    province governorate state region oblast county district wilaya prefecture
    gouvernorat wilaya departement etat oblast
    محافظة ولاية مديرية قضاء لواء اقليم شعبية
    """
)

# Nouns that announce a town.
CITY_NOUNS = _norm_set("city town village ville localite bourg مدينة بلدة قرية")

# Phrases just before a name that make it "near X" (geo_precision 2). Matched on the
# lower-cased text before the name (regexes end at the name).
NEAR_BEFORE = re.compile(
    r"(?:\bnear(?:by)?|\bclose to|\boutside(?: of)?|\boutskirts of|\bcountryside of"
    r"|\bvicinity of|\bsuburbs of|\baround|\bpr[èe]s d[e']|\baux environs d[e']"
    r"|\bnon loin d[e']|\b[àa] proximit[ée] d[e']|\bp[ée]riph[ée]rie d[e']"
    r"|\bbanlieue d[e']|\brégion d[e']|\bzone d[e']|\bcampagne d[e']"
    r"|قرب|بالقرب من|محيط|اطراف|أطراف|ضواحي|بمحيط|باطراف|بأطراف|بضواحي|جوار)\s*$"
)
NEAR_AFTER = re.compile(r"^\s*(?:area|region|countryside|outskirts|suburbs)\b")

# Compass directions, whose phrase with a country or region is vague (precision 3).
_DIR_FR = r"(?:nord|sud|est|ouest|centre)(?:[- ](?:est|ouest))?"
_DIR_EN_ADJ = (
    r"(?:north|south)(?:[- ]?(?:east|west))?ern|eastern|western|central"
    r"|(?:north|south)[- ]?(?:east|west)"
)
_DIR_EN_NOUN = r"(?:north|south|east|west|centre|center)(?:[- ]?(?:east|west))?"
VAGUE_BEFORE = re.compile(
    rf"(?:(?:\b(?:l'|l’|le |la ))?\b{_DIR_FR} (?:de la |de l'|de l’|du |des |de |d'|d’)"
    rf"|\b(?:{_DIR_EN_ADJ}) "
    rf"|(?:\bthe )?\b{_DIR_EN_NOUN} of (?:the )?"
    r"|(?<![\w])(?:شمال|جنوب|شرق|غرب|وسط|شمالي|جنوبي|شرقي|غربي)"
    r"(?:[ ]?(?:شرق|غرب|شرقي|غربي))? "
    r"|(?<![\w])ريف )$",
    re.IGNORECASE,
)
# The centre of a town is in the town: "le centre de X", "central X", "وسط X" keep the
# town's own precision (1), where "the north of X" is near it (2).
CENTRE_PHRASE = re.compile(
    r"^\W*(?:(?:l'|l’|le |la |the )?(?:centre|center|central)\b|[وبف]?وسط\b)", re.I
)
# The Arabic direction may carry a clitic ("بشمال", "وجنوب"): not part of the phrase.
AR_CLITIC_BEFORE_DIRECTION = re.compile(r"^[وفبل]+(?=(?:شمال|جنوب|شرق|غرب|وسط|ريف))")
# "ريف حلب الشمالي": an adjective after the name stays in the phrase.
AR_DIRECTION_AFTER = re.compile(r"^ (?:ال)?(?:شمالي|جنوبي|شرقي|غربي)(?:ه|ة)?(?:ال)?\b")
# Direction words before a demonym: "le nord-est syrien", "الشمال السوري".
DIRECTION_WORDS = _norm_set(
    "nord sud est ouest nord-est nord-ouest sud-est sud-ouest centre"
    " الشمال الجنوب الشرق الغرب الوسط"
)


# English demonyms and place adjectives that ``countries.tsv`` lacks (it holds one per
# country it lists), each with the gazetteer key of the place it names. In English text a
# capitalised demonym ("Russian troops", "a European summit") is a toponym of its country
# or region, as the LGL and GeoWebNews guidelines count it; French and Arabic adjectives
# are lower case and only make vague phrases ("le nord syrien"). "EU" is used as an
# adjective as well ("EU airlines") and names Europe.
def _key(name: str) -> str:
    return " ".join(normalise_token(w) for w in name.split())


_EN_DEMONYM_TABLE = """
        European:europe|African:africa|Asian:asia|Middle Eastern:middle east
        Mideast:middle east|Kurdish:kurdistan region|Abkhaz:abkhazia|Abkhazian:abkhazia
        Scottish:scotland|Welsh:wales|Kashmiri:kashmir|Crimean:crimea|Chechen:chechnya
        Tibetan:tibet|Catalan:catalonia|Hawaiian:hawaii|Texan:texas|Californian:california
        South Korean:south korea|North Korean:north korea|South African:south africa
        Saudi Arabian:saudi arabia|New Zealander:new zealand|Sri Lankan:sri lanka
        Slovak:slovakia|Slovakian:slovakia|Slovenian:slovenia|Slovene:slovenia
        Maltese:malta|Omani:oman|Icelandic:iceland|Luxembourgish:luxembourg
        Montenegrin:montenegro|Panamanian:panama|Paraguayan:paraguay|Guatemalan:guatemala
        Honduran:honduras|Salvadoran:el salvador|Costa Rican:costa rica
        Dominican:dominican republic|Jamaican:jamaica|Bahamian:bahamas|Barbadian:barbados
        Trinidadian:trinidad and tobago|Guyanese:guyana|Surinamese:suriname
        Belizean:belize|Puerto Rican:puerto rico|Singaporean:singapore|Bruneian:brunei
        Laotian:laos|Bhutanese:bhutan|Maldivian:maldives|Fijian:fiji|Samoan:samoa
        Tongan:tonga|Malawian:malawi|Botswanan:botswana|Mauritian:mauritius
        Comorian:comoros|Seychellois:seychelles|Greenlandic:greenland|Saint Lucian:saint lucia
        Papua New Guinean:papua new guinea|Hong Konger:hong kong|Monegasque:monaco
        EU:europe
        """
EN_DEMONYMS: dict[str, str] = {
    _key(pair.split(":")[0]): _key(pair.split(":")[1])
    for line in _EN_DEMONYM_TABLE.splitlines()
    for pair in line.split("|")
    if pair.strip()
}
