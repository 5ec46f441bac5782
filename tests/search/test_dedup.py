"""Which postings describe the same opening (pure rules, no database)."""

from search.dedup import Posting, same_vacancy, simplify

CAREER_PAGE = Posting(
    "Berufskraftfahrer (m/w/d) CE im Nahverkehr", "Seelogistik GmbH", "99867", "Gotha", "job",
    "https://jobs.example.org/berufskraftfahrer",
)  # fmt: skip


def test_simplify_drops_gender_markers_and_legal_forms():
    assert simplify("Lagerhelfer (m/w/d) – Seelogistik GmbH") == "lagerhelfer seelogistik"


def test_same_link_from_another_source_is_the_same_vacancy_whatever_the_wording():
    feed_item = Posting(
        "Fahrer gesucht", "", "", "", "job", "https://jobs.example.org/berufskraftfahrer/", "feed"
    )
    assert same_vacancy(CAREER_PAGE, feed_item)


def test_two_postings_on_one_page_of_one_source_stay_apart():
    second = Posting("Bäcker (m/w/d)", "Seelogistik GmbH", "99867", "Gotha", "job", CAREER_PAGE.url)
    assert not same_vacancy(CAREER_PAGE, second)


def test_differently_worded_title_at_the_same_employer_and_place_is_the_same_vacancy():
    ba = Posting("Berufskraftfahrer CE Nahverkehr (m/w/d)", "Seelogistik", "99867", "Gotha", "job")
    assert same_vacancy(CAREER_PAGE, ba)


def test_another_place_is_another_vacancy():
    elsewhere = Posting(CAREER_PAGE.title, CAREER_PAGE.employer, "99817", "Eisenach", "job")
    assert not same_vacancy(CAREER_PAGE, elsewhere)


def test_another_employer_is_another_vacancy():
    other = Posting(CAREER_PAGE.title, "Hörselwerk Gotha GmbH", "99867", "Gotha", "job")
    assert not same_vacancy(CAREER_PAGE, other)


def test_an_ausbildung_is_not_the_same_as_a_job_with_a_similar_title():
    ausbildung = Posting(
        "Berufskraftfahrer (m/w/d)", "Seelogistik GmbH", "99867", "Gotha", "ausbildung"
    )
    assert not same_vacancy(CAREER_PAGE, ausbildung)
