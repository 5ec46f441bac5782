"""Free text in seven languages, with typos, becomes taxonomy concepts."""

from __future__ import annotations

import time

import pytest

from matching.taxonomy import Taxonomy, default_taxonomy, occupation_of_title


@pytest.fixture(scope="module")
def taxonomy() -> Taxonomy:
    return default_taxonomy()


def occupations(taxonomy: Taxonomy, text: str) -> list[str]:
    return taxonomy.analyse(text, "occupation").ids()


def skills(taxonomy: Taxonomy, text: str) -> list[str]:
    return taxonomy.analyse(text, "skill").ids()


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        # German, colloquial and official
        ("Staplerfahrer", "occ:forklift_driver"),
        ("Lagerarbeiter", "occ:warehouse_worker"),
        ("Kommissionierer", "occ:order_picker"),
        ("Putzfrau", "occ:cleaner"),
        ("Küchenhilfe", "occ:kitchen_helper"),
        ("Altenpflegehelferin", "occ:care_assistant"),
        ("Erzieherin", "occ:educator"),
        ("Paketbote", "occ:courier_driver"),
        # English
        ("forklift driver", "occ:forklift_driver"),
        ("warehouse worker", "occ:warehouse_worker"),
        ("kitchen porter", "occ:kitchen_helper"),
        ("security guard", "occ:security_guard"),
        ("bus driver", "occ:bus_driver"),
        # Ukrainian
        ("водій навантажувача", "occ:forklift_driver"),
        ("комірник", "occ:warehouse_worker"),
        ("прибиральниця", "occ:cleaner"),
        ("кухар", "occ:cook"),
        ("перукар", "occ:hairdresser"),
        # Russian
        ("складской рабочий", "occ:warehouse_worker"),
        ("кладовщик", "occ:warehouse_worker"),
        ("дальнобойщик", "occ:truck_driver"),
        ("сиделка", "occ:care_assistant"),
        ("сварщик", "occ:welder"),
        # Arabic
        ("عامل مستودع", "occ:warehouse_worker"),
        ("سائق شاحنة", "occ:truck_driver"),
        ("طباخ", "occ:cook"),
        ("ممرضة", "occ:nurse"),
        ("حلاق", "occ:hairdresser"),
        # Farsi
        ("انباردار", "occ:warehouse_worker"),
        ("راننده لیفتراک", "occ:forklift_driver"),
        ("آشپز", "occ:cook"),
        ("نظافتچی", "occ:cleaner"),
        ("جوشکار", "occ:welder"),
        # Turkish
        ("depo işçisi", "occ:warehouse_worker"),
        ("forklift operatörü", "occ:forklift_driver"),
        ("aşçı", "occ:cook"),
        ("temizlikçi", "occ:cleaner"),
        ("kuaför", "occ:hairdresser"),
    ],
)
def test_occupations_are_recognised_in_every_language(taxonomy, text, concept):
    assert concept in occupations(taxonomy, text)


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("Lagerhelfr", "occ:warehouse_worker"),
        ("Gabelstaplerfaher", "occ:forklift_driver"),
        ("Sicherheitsdienst", "occ:security_guard"),
        ("Sicherheitsdeinst", "occ:security_guard"),  # swapped letters count as one edit
        ("Reinigungskarft", "occ:cleaner"),
        ("Fuhrerschein Klasse B", "skill:driving_licence_b"),
        ("warehose worker", "occ:warehouse_worker"),
        ("forklfit driver", "occ:forklift_driver"),
        ("складськй працівник", "occ:warehouse_worker"),
        ("дальнобойшик", "occ:truck_driver"),
        ("موظف كول سنتر", "occ:call_centre_agent"),
        ("عامل مستودغ", "occ:warehouse_worker"),
        ("راننده لیفتراگ", "occ:forklift_driver"),
        ("depo iscisi", "occ:warehouse_worker"),
        ("kamyon şöforü", "occ:truck_driver"),
    ],
)
def test_typos_still_find_the_concept(taxonomy, text, concept):
    assert concept in taxonomy.analyse(text).ids()


def test_persian_and_arabic_letter_variants_are_one(taxonomy):
    # Persian keh and yeh typed on an Arabic keyboard, and the other way round
    assert occupations(taxonomy, "كارگر انبار") == occupations(taxonomy, "کارگر انبار")
    assert "occ:warehouse_worker" in occupations(taxonomy, "کارگر انبار")
    assert "occ:warehouse_worker" in occupations(taxonomy, "عامل المستودع")  # with the article


def test_a_german_loanword_in_cyrillic_is_recognised(taxonomy):
    assert "occ:forklift_driver" in occupations(taxonomy, "штаплерфарер")


def test_a_sentence_names_several_occupations(taxonomy):
    found = occupations(taxonomy, "ich suche arbeit als lagerhelfer oder fahrer")
    assert found[:2] == ["occ:warehouse_worker", "occ:driver"]


def test_a_mixed_language_line_finds_each_part(taxonomy):
    found = taxonomy.analyse("Küchenhilfe / عامل نظافة / водитель погрузчика").ids()
    assert {"occ:kitchen_helper", "occ:cleaner", "occ:forklift_driver"} <= set(found)


def test_skills_are_recognised_with_their_licence_class(taxonomy):
    assert {"skill:driving_licence_c", "skill:driving_licence_ce"} <= set(
        skills(taxonomy, "Führerschein C/CE")
    )
    assert "skill:driving_licence_b" in skills(taxonomy, "права категории B")
    assert "skill:driving_licence_b" in skills(taxonomy, "B sınıfı ehliyet")
    assert "skill:forklift_licence" in skills(taxonomy, "forklift licence")
    assert "skill:haccp" in skills(taxonomy, "HACCP-Schulung")
    assert "skill:first_aid" in skills(taxonomy, "Erste-Hilfe-Kurs")
    assert "skill:cash_register" in skills(taxonomy, "Kassenerfahrung")


def test_language_skills_are_concepts(taxonomy):
    assert "skill:lang_arabic" in skills(taxonomy, "sehr gute Arabischkenntnisse")
    assert "skill:lang_russian" in skills(taxonomy, "русский язык")
    assert "skill:lang_farsi" in skills(taxonomy, "Dari")
    assert "skill:lang_ukrainian" in skills(taxonomy, "українська мова")
    assert "skill:lang_turkish" in skills(taxonomy, "Türkçe")


def test_german_compounds_are_recognised_by_their_head(taxonomy):
    assert "occ:forklift_driver" in occupations(taxonomy, "Gabelstaplerfahrer")
    assert "occ:warehouse_worker" in occupations(taxonomy, "Nachtschichtlagerhelfer")
    assert "occ:cleaner" in occupations(taxonomy, "Krankenhausreinigungskraft")


def test_female_forms_are_recognised_without_a_marker(taxonomy):
    assert "occ:cashier" in occupations(taxonomy, "Kassiererin")
    assert "occ:warehouse_worker" in occupations(taxonomy, "Lagerhelferin")
    assert "occ:nurse" in occupations(taxonomy, "Pflegefachfrau")
    assert "occ:florist" in occupations(taxonomy, "Floristin")


def test_unknown_words_come_back_as_leftover_text(taxonomy):
    analysis = taxonomy.analyse("Staplerfahrer und Astronaut mit Erfahrung")
    assert analysis.ids() == ["occ:forklift_driver"]
    assert analysis.leftover == ("astronaut",)


def test_text_with_no_concept_finds_nothing(taxonomy):
    analysis = taxonomy.analyse("Quantenchromodynamik")
    assert analysis.hits == ()
    assert analysis.leftover == ("quantenchromodynamik",)


def test_a_generic_role_word_alone_is_not_a_misspelt_occupation(taxonomy):
    assert occupations(taxonomy, "Mitarbeiter") == []
    assert occupations(taxonomy, "Helfer") == []


def test_short_words_are_not_matched_by_similarity(taxonomy):
    # "Loch" is one letter from "Koch" but no cook
    assert occupations(taxonomy, "Loch") == []


def test_empty_and_odd_text_is_harmless(taxonomy):
    for text in ("", "   ", "(m/w/d)", "!!!", "12345", "\u200c\u0640"):
        assert taxonomy.concepts_in(text) == []


def test_scores_put_exact_matches_above_typos(taxonomy):
    exact = taxonomy.concepts_in("Lagerhelfer")[0]
    typo = taxonomy.concepts_in("Lagerhlefer")[0]
    assert exact.id == typo.id == "occ:warehouse_worker"
    assert exact.score == 100 > typo.score >= 75


@pytest.mark.parametrize(
    ("title", "concept"),
    [
        ("Staplerfahrer (m/w/d)", "occ:forklift_driver"),
        ("Gabelstaplerfahrer:in", "occ:forklift_driver"),
        ("Lagerhelfer Nachtschicht", "occ:warehouse_worker"),
        ("Helfer (m/w/d) Lager/Logistik", "occ:warehouse_worker"),
        ("Koch/Köchin in Vollzeit", "occ:cook"),
        ("Verkäufer/-in Bäckerei", "occ:bakery_sales"),
        ("Kaufmann/-frau im Einzelhandel", "occ:retail_clerk"),
        ("Ausbildung Pflegefachmann/-frau (w/m/div)", "occ:nurse"),
        ("Mitarbeiter*in Unterhaltsreinigung", "occ:cleaner"),
        ("Berufskraftfahrer CE Nahverkehr (m/w/d)", "occ:truck_driver"),
        ("Fahrer Transporter (Klasse B)", "occ:van_driver"),
        ("Praktikum im Bereich Pflege", "occ:care_assistant"),
        ("Dolmetscher:in Arabisch/Deutsch", "occ:interpreter"),
    ],
)
def test_vacancy_titles_name_their_occupation(title, concept):
    assert occupation_of_title(title)[0].id == concept


def test_a_title_naming_only_a_skill_infers_occupations(taxonomy):
    found = taxonomy.occupation_of_title("Weiterbildung Staplerschein (Flurförderzeuge)")
    assert found[0].id == "occ:forklift_driver"
    assert found[0].score < 100


def test_related_concepts_go_both_ways(taxonomy):
    assert "occ:forklift_driver" in taxonomy.related_to("occ:warehouse_worker")
    assert taxonomy.related("occ:forklift_driver", "occ:warehouse_worker")
    assert taxonomy.related("occ:warehouse_worker", "occ:forklift_driver")
    assert not taxonomy.related("occ:warehouse_worker", "occ:warehouse_worker")
    assert not taxonomy.related("occ:warehouse_worker", "occ:hairdresser")


def test_relation_tells_how_close_two_occupations_are(taxonomy):
    assert taxonomy.relation("occ:cook", "occ:cook") == "same"
    assert taxonomy.relation("occ:cook", "occ:kitchen_helper") == "related"
    assert taxonomy.relation("occ:warehouse_worker", "occ:courier_driver") in (
        "related",
        "neighbour",
    )
    assert taxonomy.relation("occ:hairdresser", "occ:welder") is None


def test_labels_for_people_in_their_language(taxonomy):
    assert taxonomy.label("occ:forklift_driver") == "Staplerfahrer"
    assert taxonomy.label("occ:forklift_driver", "uk") == "водій навантажувача"
    assert taxonomy.label("occ:forklift_driver", "xx") == "Staplerfahrer"
    assert taxonomy.label("") == ""


def test_search_phrases_are_german_labels_of_the_concepts_and_their_neighbours(taxonomy):
    phrases = taxonomy.search_phrases(["occ:forklift_driver"])
    assert "Staplerfahrer" in phrases
    assert "Gabelstaplerfahrer" in phrases
    assert "Lagerhelfer" in phrases  # the related warehouse worker
    assert taxonomy.search_phrases(["occ:forklift_driver"], related=False).count("Lagerhelfer") == 0


def test_a_short_text_is_analysed_in_well_under_two_milliseconds():
    taxonomy = Taxonomy.load()  # a fresh one: nothing cached
    texts = [
        "ich suche arbeit als lagerhelfer oder fahrer",
        "Helfer (m/w/d) Lager/Logistik",
        "водитель погрузчика, опыт 3 года",
        "عامل مستودع / سائق",
        "کارگر نظافت",
        "forklift licence, driving licence B",
        "kamyon şoförü",
        "Gabelstaplerfahrer Nachtschicht",
    ] * 5
    texts = [f"{text} {i}" for i, text in enumerate(texts)]  # all distinct
    start = time.perf_counter()
    for text in texts:
        taxonomy.analyse(text)
    per_text = (time.perf_counter() - start) / len(texts)
    assert per_text < 0.002
