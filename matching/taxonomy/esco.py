"""Importing ESCO's CSV files into the taxonomy.

ESCO (European Skills, Competences, Qualifications and Occupations) publishes
its classification as CSV files per language: `occupations_<lang>.csv`,
`skills_<lang>.csv` and `occupationSkillRelations_<lang>.csv` (v1.1 and v1.2
use the same columns: conceptUri, preferredLabel, altLabels and hiddenLabels
with one label per line, status, iscoGroup for occupations; occupationUri,
relationType, skillUri for the relations). An operator who has downloaded them
merges them into the curated file with

    python -m matching.taxonomy.esco ESCO_DIR --out matching/taxonomy/concepts.json

An ESCO concept whose URI a curated concept carries (`esco_uri`), or whose
German preferred label (failing that: any German label, if it names exactly
one curated concept) folds to a curated concept's German label, adds its
labels to that concept; the curated concept keeps its id, group, related concepts and
the order of its typical skills. Other ESCO concepts become new concepts with
ids `occ:esco-<uuid>` / `skill:esco-<uuid>`, the group `isco-<2 digits>`, and
as related occupations those of the same ISCO unit group. ESCO has no Russian,
Farsi or Turkish labels: imported concepts carry what ESCO has.
"""

from __future__ import annotations

import argparse
import copy
import csv
import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from matching.taxonomy.dataformat import FORMAT, dumps, load
from matching.taxonomy.index import DATA_FILE, LANGUAGES
from matching.taxonomy.normalise import fold, strip_gender

MAX_RELATED = 8


def _read_csv(path: Path) -> list[dict[str, str]]:
    # ESCO's files are UTF-8, some with a byte order mark.
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _labels(row: Mapping[str, str], lang: str) -> list[str]:
    raw = [row.get("preferredLabel", "")]
    for column in ("altLabels", "hiddenLabels"):
        raw.extend((row.get(column) or "").splitlines())
    out: list[str] = []
    seen: set[str] = set()
    for label in raw:
        # German ESCO labels name both forms: "Lagerarbeiter/Lagerarbeiterin"
        label = strip_gender(label) if lang == "de" else label.strip()
        key = fold(label)
        if key and key not in seen:
            seen.add(key)
            out.append(label)
    return out


def _uuid(uri: str) -> str:
    return uri.rstrip("/").rsplit("/", 1)[-1]


def _relations_file(directory: Path) -> Path | None:
    for pattern in ("occupationSkillRelations_en.csv", "occupationSkillRelations*.csv"):
        found = sorted(directory.glob(pattern))
        if found:
            return found[0]
    return None


def read_esco(
    directory: Path | str,
    languages: Sequence[str] = LANGUAGES,
    *,
    isco_prefixes: Sequence[str] = (),
    relation_types: Sequence[str] = ("essential",),
    max_skills: int = 20,
) -> dict[str, Any]:
    """The ESCO files in `directory` as a taxonomy (the data-file format).

    `isco_prefixes` keeps only occupations whose ISCO group starts with one of
    them (e.g. "93" for labourers) and only the skills those occupations need;
    by default everything is read.
    """
    directory = Path(directory)
    available = [
        lang
        for lang in languages
        if (directory / f"occupations_{lang}.csv").exists()
        or (directory / f"skills_{lang}.csv").exists()
    ]
    if not available:
        raise FileNotFoundError(
            f"No ESCO files in {directory}: expected occupations_<lang>.csv and "
            f"skills_<lang>.csv for one of {', '.join(languages)}."
        )
    occupations: dict[str, dict[str, Any]] = {}
    skills: dict[str, dict[str, Any]] = {}
    for lang in available:
        for kind, name, target in (
            ("occupation", "occupations", occupations),
            ("skill", "skills", skills),
        ):
            path = directory / f"{name}_{lang}.csv"
            if not path.exists():
                continue
            for row in _read_csv(path):
                uri = row.get("conceptUri", "")
                if not uri or (row.get("status") or "released") != "released":
                    continue
                isco = row.get("iscoGroup", "")
                if (
                    kind == "occupation"
                    and isco_prefixes
                    and not isco.startswith(tuple(isco_prefixes))
                ):
                    continue
                prefix = "occ" if kind == "occupation" else "skill"
                entry = target.setdefault(
                    uri,
                    {
                        "id": f"{prefix}:esco-{_uuid(uri)}",
                        "kind": kind,
                        "group": f"isco-{isco[:2]}" if isco else "esco",
                        "esco_uri": uri,
                        "labels": {},
                        "isco": isco,
                    },
                )
                labels = _labels(row, lang)
                if labels:
                    entry["labels"][lang] = labels
    needed: dict[str, list[str]] = {uri: [] for uri in occupations}
    relations = _relations_file(directory)
    if relations is not None:
        for row in _read_csv(relations):
            occupation, skill = row.get("occupationUri", ""), row.get("skillUri", "")
            if (
                occupation in needed
                and skill in skills
                and row.get("relationType", "essential") in relation_types
                and len(needed[occupation]) < max_skills
            ):
                needed[occupation].append(skill)
    if isco_prefixes:
        keep = {uri for uris in needed.values() for uri in uris}
        skills = {uri: entry for uri, entry in skills.items() if uri in keep}
    by_unit: dict[str, list[str]] = {}
    for uri, entry in occupations.items():
        by_unit.setdefault(entry["isco"], []).append(uri)
    concepts: list[dict[str, Any]] = []
    for uri, entry in occupations.items():
        siblings = [u for u in by_unit[entry.pop("isco")] if u != uri][:MAX_RELATED]
        entry["related"] = [occupations[u]["id"] for u in siblings]
        entry["skills"] = [skills[u]["id"] for u in needed[uri] if u in skills]
        concepts.append(entry)
    for entry in skills.values():
        entry.pop("isco", None)
        concepts.append(entry)
    return {"format": FORMAT, "languages": list(languages), "concepts": concepts}


def merge(base: Mapping[str, Any], imported: Mapping[str, Any]) -> dict[str, Any]:
    """`base` (the curated taxonomy) with `imported` concepts merged in."""
    merged = copy.deepcopy(dict(base))
    concepts: list[dict[str, Any]] = merged.setdefault("concepts", [])
    by_uri: dict[str, dict[str, Any]] = {c["esco_uri"]: c for c in concepts if c.get("esco_uri")}
    by_label: dict[tuple[str, str], dict[str, Any]] = {}
    for concept in concepts:
        for label in concept.get("labels", {}).get("de", []):
            by_label.setdefault((concept["kind"], fold(label)), concept)
    renamed: dict[str, str] = {}  # imported id -> the curated id it merged into
    fresh: list[dict[str, Any]] = []
    for entry in imported.get("concepts", []):
        target = by_uri.get(entry.get("esco_uri", "")) or _same_concept(entry, by_label)
        if target is None:
            fresh.append(copy.deepcopy(entry))
            continue
        renamed[entry["id"]] = target["id"]
        target.setdefault("esco_uri", entry.get("esco_uri", ""))
        for lang, labels in entry.get("labels", {}).items():
            _add_labels(target.setdefault("labels", {}).setdefault(lang, []), labels)
    imported_skills = {e["id"]: e.get("skills", []) for e in imported.get("concepts", [])}
    groups: dict[str, Any] = merged.setdefault("groups", {})
    for entry in fresh:
        entry["related"] = [renamed.get(r, r) for r in entry.get("related", [])]
        entry["skills"] = [renamed.get(s, s) for s in entry.get("skills", [])]
        if entry["kind"] == "occupation" and entry["group"] not in groups:
            name = entry["group"].replace("isco-", "ISCO ")
            groups[entry["group"]] = {"labels": {"de": name, "en": name}, "related": []}
        concepts.append(entry)
    # Curated occupations keep their own skills first; ESCO's follow.
    for concept in concepts:
        for imported_id, target_id in renamed.items():
            if target_id == concept["id"] and concept["kind"] == "occupation":
                extra = [renamed.get(s, s) for s in imported_skills.get(imported_id, [])]
                _add_labels(concept.setdefault("skills", []), extra, by_fold=False)
    return merged


def _same_concept(
    entry: Mapping[str, Any], by_label: Mapping[tuple[str, str], dict[str, Any]]
) -> dict[str, Any] | None:
    """The curated concept an ESCO concept is: the one its German preferred
    label names, else the only one any of its German labels names."""
    german = entry.get("labels", {}).get("de", [])
    matches = [by_label.get((entry["kind"], fold(label))) for label in german]
    if matches and matches[0] is not None:
        return matches[0]
    found = {id(m): m for m in matches if m is not None}
    return next(iter(found.values())) if len(found) == 1 else None


def _add_labels(existing: list[str], new: Iterable[str], by_fold: bool = True) -> None:
    seen = {fold(x) if by_fold else x for x in existing}
    for item in new:
        key = fold(item) if by_fold else item
        if key and key not in seen:
            seen.add(key)
            existing.append(item)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m matching.taxonomy.esco",
        description="Merge ESCO's CSV files into the Lotse taxonomy.",
    )
    parser.add_argument("directory", type=Path, help="folder with ESCO's CSV files")
    parser.add_argument("--base", type=Path, default=DATA_FILE, help="taxonomy to merge into")
    parser.add_argument("--out", type=Path, help="where to write (default: standard output)")
    parser.add_argument(
        "--isco", default="", help="comma-separated ISCO group prefixes to keep, e.g. 83,91,93"
    )
    parser.add_argument(
        "--optional-skills", action="store_true", help="also take ESCO's optional skills"
    )
    args = parser.parse_args(argv)
    try:
        imported = read_esco(
            args.directory,
            isco_prefixes=[p.strip() for p in args.isco.split(",") if p.strip()],
            relation_types=("essential", "optional") if args.optional_skills else ("essential",),
        )
    except FileNotFoundError as error:
        print(error, file=sys.stderr)
        return 2
    text = dumps(merge(load(args.base), imported))
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
