"""ESCO's CSV files merge into the taxonomy (tiny fixtures in fixtures/esco)."""

from __future__ import annotations

from pathlib import Path

import pytest

from matching.taxonomy import Taxonomy, dataformat
from matching.taxonomy.esco import main, merge, read_esco

ESCO = Path(__file__).parent / "fixtures" / "esco"
WAREHOUSE_URI = "http://data.europa.eu/esco/occupation/0a1b2c3d-0000-4000-8000-000000000001"
GLASS_URI = "http://data.europa.eu/esco/occupation/0a1b2c3d-0000-4000-8000-000000000002"
FORKLIFT_URI = "http://data.europa.eu/esco/skill/5f6e7d8c-0000-4000-8000-000000000011"


def base() -> dict:
    """A small curated taxonomy: one occupation that ESCO also has."""
    labels = {"de": ["Lagerhelfer"], "en": ["warehouse worker"]}
    return {
        "format": dataformat.FORMAT,
        "languages": ["de", "en"],
        "groups": {"warehouse": {"labels": {"de": "Lager", "en": "warehouse"}, "related": []}},
        "concepts": [
            {"id": "occ:warehouse_worker", "kind": "occupation", "group": "warehouse",
             "labels": labels, "skills": ["skill:order_picking"]},
            {"id": "skill:order_picking", "kind": "skill", "group": "warehouse",
             "labels": {"de": ["Kommissionieren"], "en": ["order picking"]}},
        ],
    }  # fmt: skip


@pytest.fixture
def imported() -> dict:
    return read_esco(ESCO, ["de", "en"])


def by_uri(data: dict, uri: str) -> dict:
    return next(c for c in data["concepts"] if c.get("esco_uri") == uri)


def test_released_occupations_and_skills_are_read_in_each_language(imported):
    uris = {c["esco_uri"] for c in imported["concepts"]}
    assert WAREHOUSE_URI in uris and GLASS_URI in uris
    assert len(uris) == 5  # the obsolete "Ladearbeiter" is left out
    glass = by_uri(imported, GLASS_URI)
    assert glass["kind"] == "occupation"
    assert glass["id"] == "occ:esco-0a1b2c3d-0000-4000-8000-000000000002"
    assert glass["group"] == "isco-73"
    assert glass["labels"]["en"] == ["glass blower", "glassblower", "scientific glassblower",
                                     "glass blowr"]  # fmt: skip


def test_german_labels_lose_their_female_twin(imported):
    labels = by_uri(imported, WAREHOUSE_URI)["labels"]["de"]
    assert labels == ["Lagerarbeiter", "Lagerhelfer", "Magazinarbeiter"]


def test_essential_skills_become_typical_skills(imported):
    warehouse = by_uri(imported, WAREHOUSE_URI)
    assert warehouse["skills"] == ["skill:esco-5f6e7d8c-0000-4000-8000-000000000011"]


def test_optional_skills_only_on_request():
    data = read_esco(ESCO, ["de", "en"], relation_types=("essential", "optional"))
    assert len(by_uri(data, WAREHOUSE_URI)["skills"]) == 2


def test_an_isco_filter_keeps_those_occupations_and_the_skills_they_need():
    data = read_esco(ESCO, ["de", "en"], isco_prefixes=["93"])
    assert {c["esco_uri"] for c in data["concepts"]} == {WAREHOUSE_URI, FORKLIFT_URI}


def test_an_esco_concept_with_a_curated_german_label_merges_into_it(imported):
    merged = merge(base(), imported)
    warehouse = next(c for c in merged["concepts"] if c["id"] == "occ:warehouse_worker")
    assert warehouse["esco_uri"] == WAREHOUSE_URI
    assert warehouse["labels"]["de"] == ["Lagerhelfer", "Lagerarbeiter", "Magazinarbeiter"]
    assert "storehouse worker" in warehouse["labels"]["en"]
    # the curated skill stays first
    assert warehouse["skills"][0] == "skill:order_picking"
    assert warehouse["skills"][1] == "skill:esco-5f6e7d8c-0000-4000-8000-000000000011"


def test_other_esco_concepts_are_added(imported):
    merged = merge(base(), imported)
    ids = [c["id"] for c in merged["concepts"]]
    assert "occ:esco-0a1b2c3d-0000-4000-8000-000000000002" in ids
    assert len(ids) == len(set(ids))
    assert dataformat.problems(merged, ["de", "en"]) == []
    assert merged["groups"]["isco-73"]["labels"]["de"] == "ISCO 73"


def test_merging_twice_changes_nothing(imported):
    once = merge(base(), imported)
    assert merge(once, imported) == once


def test_the_merged_taxonomy_recognises_esco_labels(imported):
    taxonomy = Taxonomy.from_dict(merge(base(), imported))
    assert taxonomy.concepts_in("Magazinarbeiter")[0].id == "occ:warehouse_worker"
    assert taxonomy.concepts_in("Glasbläserin")[0].id.startswith("occ:esco-")
    assert taxonomy.concepts_in("Gabelstapler fahren")[0].id.startswith("skill:esco-")


def test_the_command_writes_a_merged_file(tmp_path):
    source = tmp_path / "base.json"
    source.write_text(dataformat.dumps(base()), encoding="utf-8")
    out = tmp_path / "merged.json"
    assert main([str(ESCO), "--base", str(source), "--out", str(out), "--isco", "93"]) == 0
    merged = dataformat.load(out)
    assert by_uri(merged, WAREHOUSE_URI)["id"] == "occ:warehouse_worker"


def test_a_folder_without_esco_files_is_a_clear_error(tmp_path, capsys):
    assert main([str(tmp_path)]) == 2
    assert "No ESCO files" in capsys.readouterr().err
