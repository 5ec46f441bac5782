"""The public guide in Chromium: a visitor's way into Arabic, axe-core on every kind
of page in German and Arabic, the keyboard, outside requests, no JavaScript, print."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.slow, pytest.mark.browser]


def describe_violations(url: str, violations: list[dict]) -> str:
    """axe-core's findings, one rule per paragraph, with the elements concerned."""
    lines = [f"{len(violations)} accessibility rule(s) violated on {url}:"]
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']}"
            f" <{violation['helpUrl']}>"
        )
        for node in violation["nodes"]:
            lines.append(f"    at {' '.join(map(str, node['target']))}: {node['html'][:160]}")
            if node.get("failureSummary"):
                summary = node["failureSummary"].replace("\n", "\n      ")
                lines.append(f"      {summary}")
    return "\n".join(lines)


def test_a_visitor_switches_to_arabic_and_opens_an_offer(page, live_server, german, arabic):
    page.goto(live_server.url + german.home.url)
    expect(page.locator("html")).to_have_attribute("lang", "de")

    page.locator(".language-picker").get_by_role("link", name=re.compile("^العربي")).click()
    expect(page).to_have_url(live_server.url + arabic.home.url)
    page.get_by_role("heading", name=arabic.offers.title).get_by_role("link").click()
    page.get_by_role("link", name=arabic.offer.title, exact=True).click()

    expect(page).to_have_url(live_server.url + arabic.offer.url)
    expect(page.get_by_role("heading", level=1)).to_have_text(arabic.offer.title)
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("html")).to_have_attribute("lang", "ar")


def violations_on_home_topic_and_offer(page, axe, base_url, guide, language) -> list[str]:
    found = []
    for shown in (guide.home, guide.topic, guide.offer):
        url = base_url + shown.url
        page.goto(url)
        expect(page.locator("html")).to_have_attribute("lang", language)
        # axe-core's default rules: WCAG 2.0-2.2 A and AA, and its best practices.
        violations = axe.run(page).response["violations"]
        if violations:
            found.append(describe_violations(url, violations))
    return found


def test_german_pages_have_no_accessibility_violations(page, live_server, german, axe):
    found = violations_on_home_topic_and_offer(page, axe, live_server.url, german, "de")

    assert not found, "\n\n".join(found)


def test_arabic_pages_have_no_accessibility_violations(page, live_server, arabic, axe):
    found = violations_on_home_topic_and_offer(page, axe, live_server.url, arabic, "ar")

    assert not found, "\n\n".join(found)


def test_first_tab_reaches_the_skip_link_and_enter_moves_focus_to_main(page, live_server, german):
    page.goto(live_server.url + german.topic.url)

    page.keyboard.press("Tab")
    skip_link = page.locator(".skip-link")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_in_viewport()
    page.keyboard.press("Enter")

    expect(page.locator("main")).to_be_focused()


def test_guide_pages_request_nothing_from_other_hosts(page, live_server, german, arabic):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    for pages in (german, arabic):
        for shown in (pages.home, pages.topic, pages.offers, pages.offer):
            page.goto(live_server.url + shown.url)

    foreign = [url for url in requested if not url.startswith(live_server.url + "/")]
    assert len(requested) > 8, "the pages' own styles and scripts were requested too"
    assert not foreign, f"requests to other hosts: {foreign}"


def test_offer_filter_works_without_javascript(page_without_javascript, live_server, german):
    page = page_without_javascript
    page.goto(live_server.url + german.offers.url)
    filters = page.locator("form.filters")

    filters.locator("#filter-language").select_option("ar")
    filters.get_by_role("button").click()
    expect(page).to_have_url(re.compile(r"[?&]language=ar(&|$)"))
    expect(page.get_by_role("link", name=german.offer.title)).to_be_visible()

    filters.locator("#filter-language").select_option("tr")
    filters.get_by_role("button").click()
    expect(page).to_have_url(re.compile(r"[?&]language=tr(&|$)"))
    expect(page.get_by_role("link", name=german.offer.title)).to_have_count(0)


def test_printed_offer_leaves_out_header_and_language_picker(page, live_server, german):
    page.goto(live_server.url + german.offer.url)
    expect(page.locator(".language-picker")).to_be_visible()

    page.emulate_media(media="print")

    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator(".language-picker")).to_be_hidden()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
