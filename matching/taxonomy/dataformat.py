"""Reading, checking and writing the taxonomy data file (format in README.md)."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

FORMAT = "lotse-taxonomy/1"


def load(path: Path | str) -> dict[str, Any]:
    with open(path, encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


def problems(data: Mapping[str, Any], languages: Sequence[str] | None = None) -> list[str]:
    """What is wrong with a taxonomy, one sentence each; empty when it is sound.

    Every concept needs a unique id, a kind, a group, and at least one label in
    each of `languages` (default: the file's own list; concepts imported from
    ESCO need only some label); related concepts and typical skills must
    exist and be of the right kind.
    """
    found: list[str] = []
    if data.get("format") != FORMAT:
        found.append(f"The file's format is {data.get('format')!r}; expected {FORMAT!r}.")
    languages = list(languages if languages is not None else data.get("languages", []))
    concepts = data.get("concepts", [])
    kinds: dict[str, str] = {}
    for entry in concepts:
        cid = entry.get("id")
        if not cid:
            found.append(f"A concept has no id: {entry!r:.80}")
            continue
        if cid in kinds:
            found.append(f"The id {cid} is used twice.")
        kinds[cid] = entry.get("kind", "")
    groups = data.get("groups", {})
    for entry in concepts:
        cid = entry.get("id", "?")
        if entry.get("kind") not in ("occupation", "skill"):
            found.append(f"{cid}: kind must be 'occupation' or 'skill', not {entry.get('kind')!r}.")
        if not entry.get("group"):
            found.append(f"{cid}: has no group.")
        elif entry.get("kind") == "occupation" and groups and entry["group"] not in groups:
            found.append(f"{cid}: group {entry['group']!r} is not listed under 'groups'.")
        labels = entry.get("labels", {})
        # ESCO has no Russian, Farsi or Turkish: imported concepts need one label
        wanted = languages if ":esco-" not in cid else []
        for lang in wanted:
            if not [label for label in labels.get(lang, []) if label.strip()]:
                found.append(f"{cid}: no label in {lang}.")
        if not any(label.strip() for values in labels.values() for label in values):
            found.append(f"{cid}: has no label at all.")
        for related in entry.get("related", []):
            if related not in kinds:
                found.append(f"{cid}: related concept {related} does not exist.")
            elif kinds[related] != entry.get("kind"):
                found.append(f"{cid}: related concept {related} is of another kind.")
            elif related == cid:
                found.append(f"{cid}: is related to itself.")
        for skill in entry.get("skills", []):
            if kinds.get(skill) != "skill":
                found.append(f"{cid}: typical skill {skill} is not a skill in the taxonomy.")
    for group_id, group in groups.items():
        for related in group.get("related", []):
            if related not in groups:
                found.append(f"Group {group_id}: related group {related} is not listed.")
    return found


def dumps(data: Mapping[str, Any]) -> str:
    """The taxonomy as JSON, one concept per block and one language per line,
    so a reviewer can read a change in a diff."""

    def j(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False)

    languages = list(data.get("languages", []))
    out = ["{", f'  "format": {j(data.get("format", FORMAT))},', f'  "languages": {j(languages)},']
    groups = data.get("groups", {})
    if groups:
        out.append('  "groups": {')
        lines = [f"    {j(gid)}: {j(group)}" for gid, group in groups.items()]
        out.append(",\n".join(lines))
        out.append("  },")
    blocks = []
    for entry in data.get("concepts", []):
        head = (
            f'    {{"id": {j(entry["id"])}, "kind": {j(entry["kind"])}, '
            f'"group": {j(entry["group"])}'
        )
        if entry.get("esco_uri"):
            head += f', "esco_uri": {j(entry["esco_uri"])}'
        labels = entry.get("labels", {})
        order = [lang for lang in languages if lang in labels] + [
            lang for lang in labels if lang not in languages
        ]
        label_lines = ",\n".join(f"      {j(lang)}: {j(labels[lang])}" for lang in order)
        block = head + ',\n     "labels": {\n' + label_lines + "\n     }"
        for key in ("related", "skills"):
            if entry.get(key):
                block += f',\n     "{key}": {j(entry[key])}'
        blocks.append(block + "}")
    out.append('  "concepts": [')
    out.append(",\n".join(blocks))
    out.append("  ]")
    out.append("}")
    return "\n".join(out) + "\n"
