"""Folding free text in many scripts into one comparable form.

Participants write in German, English, Ukrainian, Russian, Arabic, Farsi and
Turkish, on phones and office keyboards that may lack umlauts, Arabic hamza
forms or the Persian keh; vacancy titles carry German gender markers. Every
function here is pure and total: any string in, a string out, never an error.
"""

from __future__ import annotations

import re
import unicodedata

# Characters NFKD leaves alone that keyboards write in several ways.
_CHAR_MAP_SOURCE = {
    # Arabic and Persian letters typed in regional variants
    "ٱ": "ا",
    "ٲ": "ا",
    "ٳ": "ا",
    "ى": "ي",  # alef maksura
    "ی": "ي",  # Persian yeh
    "ې": "ي",
    "ۍ": "ي",
    "ک": "ك",  # Persian keh
    "ڪ": "ك",
    "ة": "ه",  # teh marbuta
    "ە": "ه",
    "ہ": "ه",
    "ۃ": "ه",
    "ـ": "",  # tatweel only stretches a word
    "\u200c": " ",  # ZWNJ separates the parts of a Persian word
    "ı": "i",  # Turkish dotless i
    # apostrophes join, they do not split (кур'єр, driver's)
    "'": "",
    "’": "",
    "ʼ": "",
    "`": "",
    "´": "",
    **{chr(0x0660 + i): str(i) for i in range(10)},  # Arabic-Indic digits
    **{chr(0x06F0 + i): str(i) for i in range(10)},  # Persian digits
}
_CHAR_MAP = str.maketrans(_CHAR_MAP_SOURCE)

# Combining marks (accents, Arabic harakat, the Cyrillic breve of й) and
# invisible format characters go. NFKD first splits letters from their marks.
_DROP = {
    cp: None
    for cp in [*range(0x10000), *range(0xE0000, 0xE01F0)]
    if unicodedata.category(chr(cp)) in ("Mn", "Me", "Cf") and chr(cp) not in _CHAR_MAP_SOURCE
}
_TABLE = {**_DROP, **_CHAR_MAP}

# German ae/oe/ue spellings of ä/ö/ü (Fuehrerschein) fold like the umlauts;
# not after a vowel or q, so Feuer, Bauer, Queue keep their letters.
_DIGRAPH = re.compile(r"(?<![aeiouyq])([aou])e")
_NON_WORD = re.compile(r"[^\w]+|_+")


def _fold_once(text: str) -> str:
    if text.isascii():
        text = text.lower().replace("'", "").replace("`", "")
    else:
        text = unicodedata.normalize("NFKD", text.casefold()).translate(_TABLE)
    text = _NON_WORD.sub(" ", text)
    text = _DIGRAPH.sub(r"\1", text)
    return " ".join(text.split())


def fold(text: str) -> str:
    """The comparable form of `text`: lower case, no accents or diacritics,
    German umlauts and their ae/oe/ue spellings alike, ß as ss, Arabic and
    Persian letter variants unified, tatweel removed, ZWNJ as a space, digits
    in ASCII, punctuation as single spaces.

    >>> fold("Führerschein / Fuehrerschein")
    'fuhrerschein fuhrerschein'
    >>> fold("ﻛﺎﺭﮔﺮ  انبار")
    'كارگر انبار'
    """
    # Removing a mark can bring two letters together (u + combining mark + e),
    # so repeat until nothing changes; folding twice equals folding once.
    for _ in range(8):
        folded = _fold_once(text)
        if folded == text:
            break
        text = folded
    return text


_CYRILLIC_TO_LATIN = {
    "а": "a",
    "б": "b",
    "в": "w",
    "г": "g",
    "ґ": "g",
    "д": "d",
    "е": "e",
    "є": "je",
    "ж": "sch",
    "з": "s",
    "и": "i",
    "і": "i",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "ch",
    "ц": "z",
    "ч": "tsch",
    "ш": "sch",
    "щ": "schtsch",
    "ъ": "",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "ju",
    "я": "ja",
}
# German "st"/"sp" at the start of a word sound "scht"/"schp" and are written so
# in Cyrillic (штаплер, шпедитор).
_INITIAL_ST_SP = re.compile(r"\bш([тп])")


def has_cyrillic(text: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in text)


def transliterate_cyrillic(text: str) -> str:
    """German loanwords written in Cyrillic, spelled the German way, folded:
    "штаплерфарер" → "staplerfarer". Latin and other scripts pass through."""
    text = fold(text)
    if not has_cyrillic(text):
        return text
    text = _INITIAL_ST_SP.sub(r"с\1", text)
    return fold("".join(_CYRILLIC_TO_LATIN.get(ch, ch) for ch in text))


def script_of(token: str) -> str:
    """The script a folded token is written in: latin, cyrillic, arabic or other."""
    for ch in token:
        if ch.isdigit():
            continue
        if "a" <= ch <= "z":
            return "latin"
        if "\u0400" <= ch <= "\u04ff":
            return "cyrillic"
        if "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f":
            return "arabic"
        return "other"
    return "latin"


_GENDER_TAG = r"(?:m|w|f|d|x|i|div|divers|gn|inter)"
_GENDER_PATTERNS = (
    # (m/w/d), (w/m/div), [m|f|d], (gn*), (all genders), (alle Geschlechter)
    re.compile(
        rf"[(\[]\s*{_GENDER_TAG}\*?(?:\s*[/|,\\]\s*{_GENDER_TAG})*\s*[)\]]"
        r"|[(\[]\s*(?:all(?:e)?\s+(?:genders?|geschlechter))\s*[)\]]",
        re.IGNORECASE,
    ),
    # a bare m/w/d after the title
    re.compile(r"(?<!\w)[mwf]\s*/\s*[mwf]\s*/\s*(?:d|div|x)(?!\w)", re.IGNORECASE),
    # Verkäufer(in), Helfer (-in)
    re.compile(r"\s*\(\s*-?\s*in(?:nen)?\s*\)", re.IGNORECASE),
    # Koch:in, Fahrer*innen, Pfleger_in, Lehrer·in
    re.compile(r"(?<=\w)[:*_·]in(?:nen)?(?!\w)", re.IGNORECASE),
    # Helfer/-in, Helfer/in, Helfer / -innen
    re.compile(r"\s*/\s*-?\s*in(?:nen)?(?!\w)", re.IGNORECASE),
    # Kaufmann/-frau, Fachmann / Fachfrau handled below; /-frau here
    re.compile(r"(?<=mann)\s*/\s*-?\s*frau(?!\w)", re.IGNORECASE),
    # MitarbeiterIn (the capital I is the marker, so case matters)
    re.compile(r"(?<=[a-zäöüß])In(?:nen)?(?!\w)"),
)
_PAIR = re.compile(r"(\w+)\s*/\s*(\w+)")


def _drop_female_twin(match: re.Match[str]) -> str:
    first, second = match.group(1), match.group(2)
    a, b = fold(first), fold(second)
    female = (b.endswith("in") and len(b) > len(a)) or (
        b.endswith("frau") and a.endswith("mann") and a[:-4] == b[:-4]
    )
    return first if female and a[:2] == b[:2] else match.group(0)


def strip_gender(title: str) -> str:
    """A German job title without its gender markers.

    >>> strip_gender("Koch/Köchin (m/w/d)")
    'Koch'
    >>> strip_gender("Fachverkäufer:in Bäckerei")
    'Fachverkäufer Bäckerei'
    """
    for pattern in _GENDER_PATTERNS:
        title = pattern.sub("", title)
    title = _PAIR.sub(_drop_female_twin, title)
    return " ".join(title.split()).strip(" -–,;/|")


def female_forms(folded_label: str) -> list[str]:
    """Female German forms of a folded masculine label, the way people write
    them without a marker: "lagerhelfer" → "lagerhelferin",
    "pflegefachmann" → "pflegefachfrau"."""
    words = folded_label.split()
    if not words:
        return []
    head, last = words[:-1], words[-1]
    forms: list[str] = []
    if last.endswith("mann") and len(last) > 4:
        forms.append(last[:-4] + "frau")
    elif last.endswith("oge"):
        forms.append(last[:-1] + "in")
    elif last.endswith(("er", "eur", "ist", "ent", "ant", "or", "ar")) and len(last) > 3:
        forms.append(last + "in")
    return [" ".join([*head, form]) for form in forms]
