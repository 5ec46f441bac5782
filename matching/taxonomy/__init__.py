"""The skill taxonomy: occupations and skills in the project's languages, and
their recognition in free text.

    from matching.taxonomy import default_taxonomy
    taxonomy = default_taxonomy()
    taxonomy.concepts_in("ich suche arbeit als lagerhelfer oder fahrer")
    taxonomy.occupation_of_title("Helfer (m/w/d) Lager/Logistik")

Pure Python (no database, no Django), so the engine's scoring can use it in
plain functions and tests.
"""

from matching.taxonomy.index import (
    LANGUAGES,
    Concept,
    ConceptHit,
    Group,
    Kind,
    Relation,
    Taxonomy,
    TextAnalysis,
    default_taxonomy,
)
from matching.taxonomy.normalise import fold, strip_gender, transliterate_cyrillic


def occupation_of_title(title: str, limit: int = 3) -> list[ConceptHit]:
    """The occupations a German vacancy title names, best first (curated taxonomy)."""
    return default_taxonomy().occupation_of_title(title, limit)


__all__ = [
    "LANGUAGES",
    "Concept",
    "ConceptHit",
    "Group",
    "Kind",
    "Relation",
    "Taxonomy",
    "TextAnalysis",
    "default_taxonomy",
    "fold",
    "occupation_of_title",
    "strip_gender",
    "transliterate_cyrillic",
]
