"""The curated taxonomy file is sound: every concept in all seven languages,
unique ids, and every reference pointing at a concept that exists."""

from __future__ import annotations

import pytest

from matching.taxonomy import LANGUAGES, dataformat
from matching.taxonomy.index import DATA_FILE, Taxonomy
from matching.taxonomy.normalise import fold


@pytest.fixture(scope="module")
def data():
    return dataformat.load(DATA_FILE)


def test_the_data_file_has_no_problems(data):
    assert dataformat.problems(data, LANGUAGES) == []


def test_every_curated_concept_has_labels_in_all_seven_languages(data):
    for entry in data["concepts"]:
        if ":esco-" in entry["id"]:
            continue  # imported from ESCO, which lacks ru, fa and tr
        assert set(LANGUAGES) <= set(entry["labels"]), entry["id"]
        for lang in LANGUAGES:
            assert all(label.strip() for label in entry["labels"][lang]), (entry["id"], lang)


def test_ids_are_unique_and_prefixed_by_kind(data):
    ids = [entry["id"] for entry in data["concepts"]]
    assert len(ids) == len(set(ids))
    for entry in data["concepts"]:
        prefix = "occ:" if entry["kind"] == "occupation" else "skill:"
        assert entry["id"].startswith(prefix), entry["id"]


def test_references_point_at_existing_concepts_of_the_right_kind(data):
    kinds = {entry["id"]: entry["kind"] for entry in data["concepts"]}
    for entry in data["concepts"]:
        for related in entry.get("related", []):
            assert kinds.get(related) == entry["kind"], (entry["id"], related)
        for skill in entry.get("skills", []):
            assert kinds.get(skill) == "skill", (entry["id"], skill)


def test_every_occupation_has_typical_skills_and_a_known_group(data):
    for entry in data["concepts"]:
        if entry["kind"] == "occupation" and ":esco-" not in entry["id"]:
            assert entry.get("skills"), entry["id"]
            assert entry["group"] in data["groups"], entry["id"]


def test_the_taxonomy_covers_the_target_groups_occupations_and_skills(data):
    kinds = [entry["kind"] for entry in data["concepts"]]
    assert kinds.count("occupation") >= 120
    assert kinds.count("skill") >= 150
    groups = {entry["group"] for entry in data["concepts"] if entry["kind"] == "occupation"}
    for field in (
        "warehouse", "delivery", "driving", "cleaning", "kitchen", "gastronomy", "hotel",
        "bakery", "retail", "care", "nursing", "childcare", "security", "gardening",
        "construction", "crafts", "plumbing", "electrical", "metalwork", "production",
        "office", "it", "interpreting", "beauty",
    ):  # fmt: skip
        assert field in groups, field


def test_ausbildung_occupations_are_there_by_their_official_names():
    taxonomy = Taxonomy.load()
    for title, concept in (
        ("Fachkraft für Lagerlogistik", "occ:warehouse_specialist"),
        ("Kaufmann im Einzelhandel", "occ:retail_clerk"),
        ("Pflegefachmann", "occ:nurse"),
        ("Kaufmann für Büromanagement", "occ:office_clerk"),
        ("Anlagenmechaniker für Sanitär-, Heizungs- und Klimatechnik", "occ:plumber"),
        ("Elektroniker für Energie- und Gebäudetechnik", "occ:electrician"),
        ("Fachinformatiker für Systemintegration", "occ:it_support"),
    ):
        assert taxonomy.concepts_in(title, "occupation")[0].id == concept, title


def test_labels_are_written_in_their_own_script(data):
    scripts = {"uk": "cyrillic", "ru": "cyrillic", "ar": "arabic", "fa": "arabic"}
    for entry in data["concepts"]:
        for lang, script in scripts.items():
            if lang not in entry["labels"]:
                continue  # only imported concepts may lack a language
            preferred = fold(entry["labels"][lang][0])
            letters = [ch for ch in preferred if ch.isalpha()]
            if script == "cyrillic":
                native = [ch for ch in letters if "\u0400" <= ch <= "\u04ff"]
            else:
                native = [ch for ch in letters if "\u0600" <= ch <= "\u06ff"]
            # acronyms such as HACCP, SAP or MS Office may stay Latin
            assert native or preferred.replace(" ", "").isascii(), (entry["id"], lang)


def test_the_file_is_written_in_its_canonical_layout():
    # so a regenerated or merged file gives a readable diff
    assert dataformat.dumps(dataformat.load(DATA_FILE)) == DATA_FILE.read_text(encoding="utf-8")
