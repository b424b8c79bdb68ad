"""Arabic lexical normalisation (no Arabic spaCy model exists on PyPI).

pyarabic strips diacritics and tatweel; alef forms are unified by hand because
``normalize_hamza`` rewrites أ in ways that break names. Proclitics (و ف ب ل ك and
the article ال) are stripped for matching; offsets always refer to the original text.
"""

from __future__ import annotations

import re

from pyarabic import araby

_ALEF = re.compile("[أإآٱ]")
_PROCLITICS = ("وبال", "وال", "بال", "فال", "كال", "ولل", "لل", "ال", "و", "ف", "ب", "ل", "ك")


def normalize(text: str) -> str:
    """Strip tashkeel and tatweel; unify alef forms, final ى/ي and ة/ه."""
    text = araby.strip_tashkeel(araby.strip_tatweel(text))
    text = _ALEF.sub("ا", text)
    return text.replace("ى", "ي").replace("ة", "ه")


def normalize_token(token: str) -> tuple[str, str]:
    """(normalised form, form with proclitics stripped) of one Arabic token."""
    norm = normalize(token)
    stem = norm
    for clitic in _PROCLITICS:
        if stem.startswith(clitic) and len(stem) - len(clitic) >= 3:
            stem = stem[len(clitic) :]
            break
    return norm, stem
