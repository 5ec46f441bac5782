"""Measuring the engine on a labelled data set (format: shared/eval/README.md).

`load` writes the data set into the current (fresh, temporary) store the way
production data arrives: vacancies through `search.catalogue.upsert` and the
index sync, participants as an office's participants with or without
consent. `run` then asks the engine exactly as the Celery tasks do, and
`metrics` scores the ranked lists. The metric functions are pure.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from typing import Any

WORKING_TIME = {"schicht": "schicht_nacht_wochenende"}


def precision_at(ranked: Sequence[str], relevant: Mapping[str, int], k: int) -> float:
    return sum(1 for v in ranked[:k] if relevant.get(v, 0) >= 1) / k


def recall_at(ranked: Sequence[str], relevant: Mapping[str, int], k: int) -> float:
    wanted = [v for v, grade in relevant.items() if grade >= 1]
    if not wanted:
        return 0.0
    return sum(1 for v in ranked[:k] if relevant.get(v, 0) >= 1) / len(wanted)


def ndcg_at(ranked: Sequence[str], relevant: Mapping[str, int], k: int) -> float:
    def dcg(grades: Sequence[int]) -> float:
        return sum((2**g - 1) / math.log2(rank + 2) for rank, g in enumerate(grades[:k]))

    ideal = dcg(sorted(relevant.values(), reverse=True))
    return dcg([relevant.get(v, 0) for v in ranked]) / ideal if ideal else 0.0


def metrics(
    ranked: Mapping[str, Sequence[str]],
    relevance: Mapping[str, Mapping[str, int]],
    consenting: set[str],
) -> dict[str, float | int]:
    """The headline numbers of shared/eval/README.md, over participants with relevant ones."""
    judged = [p for p in sorted(consenting) if any(g >= 1 for g in relevance.get(p, {}).values())]
    leak = sum(len(ranked.get(p, ())) for p in ranked if p not in consenting)
    empty = [p for p in sorted(consenting) if p not in judged]
    count = max(len(judged), 1)
    return {
        "precision@5": round(
            sum(precision_at(ranked.get(p, []), relevance[p], 5) for p in judged) / count, 4
        ),
        "recall@20": round(
            sum(recall_at(ranked.get(p, []), relevance[p], 20) for p in judged) / count, 4
        ),
        "nDCG@10": round(
            sum(ndcg_at(ranked.get(p, []), relevance[p], 10) for p in judged) / count, 4
        ),
        "leak": leak,
        "participants_evaluated": len(judged),
        "suggestions_without_relevant": sum(len(ranked.get(p, ())) for p in empty),
    }


def vacancy_data(row: Mapping[str, Any]) -> Any:
    """A data set vacancy as the crawlers would hand it to the catalogue."""
    import nh3

    from search.vacancies import Place, VacancyData

    time = (
        WORKING_TIME.get(row["working_time"], row["working_time"])
        if row.get("working_time")
        else None
    )
    return VacancyData(
        source=f"eval-{row['source']}",
        external_id=row["id"],
        kind=row["kind"],
        title=row["title"],
        employer=row.get("employer") or "",
        description=nh3.clean(row.get("description") or ""),
        places=(
            Place(
                postal_code=row.get("postal_code") or "",
                city=row.get("city") or "",
                latitude=row.get("lat"),
                longitude=row.get("lon"),
            ),
        ),
        working_time=frozenset({time}) if time else None,
        german_level=row.get("required_german_level") or "",
        driving_licence=bool(row.get("requires_driving_licence")),
        skills=tuple(row.get("skills") or ()),
        posted=dt.date.fromisoformat(row["posted_at"]) if row.get("posted_at") else None,
        valid_through=(
            dt.date.fromisoformat(row["valid_through"]) if row.get("valid_through") else None
        ),
    )
