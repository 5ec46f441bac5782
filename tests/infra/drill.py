"""The restore drill's data and its snapshot, run inside a Lotse process:

    python -m tests.infra.drill prepare    # seed, build the indices, print a snapshot
    python -m tests.infra.drill snapshot   # JSON: counts, sample records, searches, files
    python -m tests.infra.drill vacancies APP  # unapply APP's newest migration, add vacancies

The drill (test_backup_restore.py) compares the snapshot taken before the
backup with the one taken after the restore.
"""

from __future__ import annotations

import hashlib
import io
import json
import sys

import django

SAMPLE = 3  # records compared field by field from each end of every table
SEARCHES = ("Lagerhelfer", "Pflegehelferin", "Koch")
GUIDE_SEARCHES = ("Jobcoaching", "Sprachcafé")


def seed_vacancies() -> list[int]:
    from search import catalogue
    from tests.search.builders import vacancy

    titles = ["Lagerhelfer", "Pflegehelferin", "Koch", "Bürokraft", "Gabelstaplerfahrer"]
    return [
        catalogue.upsert(
            vacancy(
                external_id=f"https://jobs.example.org/{n}",
                url=f"https://jobs.example.org/{n}",
                title=f"{titles[n % len(titles)]} {n} (m/w/d)",
                employer=f"Betrieb {n % 7} GmbH",
            )
        ).vacancy_id
        for n in range(40)
    ]


def seed() -> None:
    from django.contrib.auth.models import Group
    from django.core.files.images import ImageFile
    from PIL import Image as PILImage
    from wagtail.images.models import Image

    from matching.models import COACHES_GROUP, Membership, Office, Participant
    from matching.privacy import give_consent
    from tests.cms.guide_builders import german_home, offer, offer_index, translate

    offers = offer_index(german_home())
    coaching = offer("Jobcoaching Gotha-West", parent=offers, slots=[(0, "09:00", "12:00")])
    translate(coaching, "en", title="Job coaching Gotha-West")
    offer("Sprachcafé im Stadtteilzentrum", parent=offers)
    vacancy_ids = seed_vacancies()
    office = Office.objects.create(name="Anlaufstelle Gotha-West", code="gw", postal_code="99867")
    from django.contrib.auth import get_user_model

    alice = get_user_model().objects.create_user("alice", password="drill-only")  # noqa: S106
    alice.groups.add(Group.objects.get(name=COACHES_GROUP))
    Membership.objects.create(office=office, user=alice, role=Membership.Role.COACH)
    for n, (name, language) in enumerate(
        [("Yulia Kovalenko", "uk"), ("Omar Haddad", "ar"), ("Dariusz Nowak", "de")]
    ):
        participant = Participant.objects.create(
            office=office,
            name=name,
            language=language,
            desired_kinds=["job"],
            desired_occupations="Lagerhelfer",
            skills="Gabelstaplerschein",
            german_level="A2",
            home_postal_code="99867",
            latitude=50.95,
            longitude=10.7,
            availability=["vollzeit"],
        )
        give_consent(participant, by=alice, method="paper")
        participant.suggestions.create(
            vacancy_id=vacancy_ids[n], score=80 - n, explanation={"notes": ["drill"]}
        )
    picture = io.BytesIO()
    PILImage.new("RGB", (8, 8), (200, 30, 30)).save(picture, "PNG")
    Image.objects.create(title="Drill", file=ImageFile(picture, name="drill.png"))


def snapshot() -> dict[str, object]:
    from django.apps import apps
    from django.conf import settings
    from django.core import serializers
    from wagtail.models import Page

    from search.query import Query, search

    counts: dict[str, int] = {}
    samples: dict[str, object] = {}
    for model in apps.get_models(include_auto_created=True):
        label = model._meta.label
        rows = model._base_manager.order_by("pk")
        counts[label] = rows.count()
        if counts[label]:
            first = list(rows[:SAMPLE])
            last = list(rows.reverse()[:SAMPLE])
            samples[label] = json.loads(serializers.serialize("json", first + last))
    vacancy_searches = {}
    for text in SEARCHES:
        results = search(Query(text=text, page_size=50))
        vacancy_searches[text] = {"total": results.total, "ids": [hit.id for hit in results.hits]}
    guide_searches = {
        text: sorted(page.pk for page in Page.objects.live().search(text))
        for text in GUIDE_SEARCHES
    }
    media = {
        str(path.relative_to(settings.MEDIA_ROOT)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(settings.MEDIA_ROOT.rglob("*"))
        if path.is_file()
    }
    return {
        "counts": counts,
        "samples": samples,
        "vacancy_searches": vacancy_searches,
        "guide_searches": guide_searches,
        "media": media,
    }


if __name__ == "__main__":
    django.setup()
    if sys.argv[1:] == ["prepare"]:
        from django.core.management import call_command

        seed()
        call_command("search_rebuild", verbosity=0)
        call_command("update_index", verbosity=0)
        print(json.dumps(snapshot(), sort_keys=True, default=str))
    elif sys.argv[1:2] == ["vacancies"]:
        # The rolling-update test: vacancies in the index, and APP's newest
        # migration unapplied (a release's pending migration); prints its name.
        from django.core.management import call_command
        from django.db import connection
        from django.db.migrations.loader import MigrationLoader

        app = sys.argv[2]
        graph = MigrationLoader(connection).graph
        (latest,) = [node for node in graph.leaf_nodes() if node[0] == app]
        (previous,) = [node for node in graph.node_map[latest].parents if node[0] == app]
        call_command("migrate", app, previous[1], verbosity=0)
        seed_vacancies()
        call_command("search_rebuild", verbosity=0)
        print(latest[1])
    elif sys.argv[1:] == ["snapshot"]:
        print(json.dumps(snapshot(), sort_keys=True, default=str))
    else:
        sys.exit("usage: python -m tests.infra.drill prepare|snapshot|vacancies APP")
