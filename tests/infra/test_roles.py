"""Each staff role can do what it must and nothing else (cms.accounts.roles).

Every check is a request through the real admin views by a signed-in user
whose session has confirmed its second factor: 200 where the role may, a
refusal (a redirect to the admin's start, 403, or 404 for another office's
participant) where it may not.
"""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Page

from cms.accounts import roles
from matching.models import Membership, Office
from tests.cms.translation_builders import german_topic_page, locale, translate
from tests.matching.conftest import consenting, make_participant, stored_vacancy, suggest
from tests.staff import StaffClient

EVERYONE = ("editor", "translator", "coach", "lead", "administrator")


def staff(name: str, group: str) -> object:
    user = get_user_model().objects.create_user(name, password="x")  # noqa: S106
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def world(db):
    gotha = Office.objects.create(name="Anlaufstelle Gotha-West", code="gw")
    leipzig = Office.objects.create(name="Anlaufstelle Leipziger Westen", code="lw")
    people = {
        "editor": staff("erika", roles.EDITORS),
        "translator": staff("tanja", roles.TRANSLATORS),
        "coach": staff("alice", roles.COACHES),
        "lead": staff("lena", roles.OFFICE_LEADS),
        "administrator": staff("adam", roles.ADMINISTRATORS),
    }
    Membership.objects.create(office=gotha, user=people["coach"])
    Membership.objects.create(office=gotha, user=people["lead"], role=Membership.Role.LEAD)
    german = german_topic_page()
    translate(german, "uk")
    ours = consenting(make_participant(gotha))
    theirs = consenting(make_participant(leipzig))
    suggest(ours, stored_vacancy(1))
    return {
        "people": people,
        "german": german,
        "ukrainian": german.get_translation(locale("uk")),
        "ours": ours,
        "theirs": theirs,
    }


def get(world, role: str, path: str):
    client = StaffClient()
    client.force_login(world["people"][role])
    return client.get(path)


def allowed(response) -> bool:
    return response.status_code == 200


def refused(response) -> bool:
    if response.status_code == 302:
        return response.url in (reverse("wagtailadmin_home"), "/admin/")
    return response.status_code in (403, 404)


def check(world, path: str, may: tuple[str, ...]) -> None:
    for role in EVERYONE:
        response = get(world, role, path)
        expected = allowed if role in may else refused
        assert expected(response), f"{role} on {path}: {response.status_code}"


def test_the_roles_exist_once_each(world):
    for name in roles.ROLES:
        assert Group.objects.filter(name=name).count() == 1


def test_editors_edit_german_guide_pages(world):
    check(world, f"/admin/pages/{world['german'].pk}/edit/", may=("editor",))


def test_editors_and_translators_edit_translated_pages(world):
    check(world, f"/admin/pages/{world['ukrainian'].pk}/edit/", may=("editor", "translator"))


def test_editors_and_translators_publish_and_others_do_not(world):
    german, ukrainian = world["german"], world["ukrainian"]
    people = world["people"]
    assert german.permissions_for_user(people["editor"]).can_publish()
    assert not german.permissions_for_user(people["translator"]).can_publish()
    assert ukrainian.permissions_for_user(people["translator"]).can_publish()
    assert not ukrainian.permissions_for_user(people["translator"]).can_add_subpage()
    for role in ("coach", "lead", "administrator"):
        assert not ukrainian.permissions_for_user(people[role]).can_edit()


def test_translators_may_not_create_pages_or_send_pages_for_translation(world):
    german = world["german"]
    check(world, f"/admin/pages/add/guide/topicpage/{german.get_parent().pk}/", may=("editor",))
    check(world, f"/admin/localize/submit/page/{german.pk}/", may=("editor",))


def test_a_new_languages_pages_are_the_translators_at_once(world):
    translate(world["german"], "ar")
    arabic = world["german"].get_translation(locale("ar"))
    assert arabic.permissions_for_user(world["people"]["translator"]).can_edit()
    home = Page.objects.get(depth=2, locale=locale("ar"))
    assert home.permissions_for_user(world["people"]["translator"]).can_publish()


def test_the_translation_status_report_is_for_editors_and_translators(world):
    check(world, reverse("guide_translation_status"), may=("editor", "translator"))


def test_the_guides_partners_are_edited_by_editors(world):
    check(world, "/admin/snippets/guide/partner/", may=("editor",))


def test_participants_are_for_coaches_and_leads(world):
    check(world, reverse("matching:participant_list"), may=("coach", "lead"))
    check(world, reverse("matching:inactive_list"), may=("coach", "lead"))


def test_a_participant_of_the_own_office_is_seen_by_its_coach_and_lead(world):
    path = reverse("matching:participant_detail", args=[world["ours"].pk])
    check(world, path, may=("coach", "lead"))


def test_another_offices_participant_is_not_found(world):
    path = reverse("matching:participant_detail", args=[world["theirs"].pk])
    for role in ("coach", "lead"):
        assert get(world, role, path).status_code == 404


def test_only_office_leads_erase_a_participant(world):
    check(world, reverse("matching:participant_delete", args=[world["ours"].pk]), may=("lead",))


def test_the_review_queue_is_for_coaches_and_leads(world):
    check(world, reverse("matching:review_queue"), may=("coach", "lead"))
    check(world, reverse("matching:follow_ups"), may=("coach", "lead"))


def test_the_participants_api_is_for_coaches_and_leads(world):
    for role in EVERYONE:
        response = get(world, role, "/api/v1/participants/")
        assert response.status_code == (200 if role in ("coach", "lead") else 403), role


def test_crawl_sources_are_for_administrators(world):
    check(world, "/admin/crawl_sources/", may=("administrator",))
    check(world, "/admin/crawl_sources/new/", may=("administrator",))
    check(world, "/admin/crawl_runs/", may=("administrator",))


def test_offices_and_memberships_are_set_up_by_administrators(world):
    check(world, "/admin/offices/", may=("administrator",))
    check(world, "/admin/memberships/", may=("administrator",))
    check(world, "/admin/consenttext/", may=("administrator",))


def test_users_and_groups_stay_with_superusers(world):
    check(world, "/admin/users/", may=())
    check(world, "/admin/groups/", may=())


def test_every_role_reaches_the_admin(world):
    check(world, "/admin/", may=EVERYONE)
