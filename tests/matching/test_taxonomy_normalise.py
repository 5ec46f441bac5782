"""Folding text from many keyboards into one form, and German title markers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from matching.taxonomy.normalise import fold, strip_gender, transliterate_cyrillic


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Führerschein", "Fuehrerschein"),
        ("Führerschein", "Fuhrerschein"),
        ("Bäcker", "Baecker"),
        ("Straße", "Strasse"),
        ("KÜCHENHILFE", "küchenhilfe"),
        ("Café", "Cafe"),
        ("şoför", "sofor"),
        ("İşçi", "isci"),
        ("ışık", "isik"),
        ("ёлка", "елка"),
        ("أحمد", "احمد"),  # alef with hamza
        ("إبراهيم", "ابراهيم"),
        ("آمنة", "امنه"),  # alef madda, teh marbuta
        ("مستشفى", "مستشفي"),  # alef maksura
        ("کارگر", "كارگر"),  # Persian keh
        ("یک", "يك"),  # Persian yeh
        ("مـــطـــبـــخ", "مطبخ"),  # tatweel
        ("مُمَرِّضَة", "ممرضه"),  # harakat
        ("ﻛﺎﺭﮔﺮ", "كارگر"),  # presentation forms
        ("۲ سال", "2 سال"),  # Persian digits
        ("٣ سنوات", "3 سنوات"),  # Arabic-Indic digits
    ],
)
def test_spellings_of_one_word_fold_alike(a, b):
    assert fold(a) == fold(b)


def test_zero_width_non_joiner_separates_persian_word_parts():
    assert fold("پاک\u200cکننده") == "پاك كننده"


def test_punctuation_and_spacing_collapse():
    assert fold("  LKW-Fahrer / Kraftfahrer (m/w/d)!! ") == "lkw fahrer kraftfahrer m w d"


def test_apostrophes_join_words():
    assert fold("кур'єр") == fold("курʼєр") == "курєр"


def test_vowel_pairs_that_are_not_umlauts_stay():
    assert fold("Feuerwehr") == "feuerwehr"
    assert fold("Bauer") == "bauer"
    assert fold("Queue") == "queue"


@given(st.text())
def test_fold_never_raises_and_is_idempotent(text):
    once = fold(text)
    assert fold(once) == once


@given(st.text())
def test_fold_gives_single_spaced_lowercase_words(text):
    folded = fold(text)
    assert folded == folded.strip()
    assert "  " not in folded
    assert folded == folded.lower()


@given(st.text())
def test_strip_gender_and_transliteration_never_raise(text):
    assert isinstance(strip_gender(text), str)
    assert isinstance(transliterate_cyrillic(text), str)


@pytest.mark.parametrize(
    ("title", "stripped"),
    [
        ("Lagerhelfer (m/w/d)", "Lagerhelfer"),
        ("Lagerhelfer (w/m/d)", "Lagerhelfer"),
        ("Lagerhelfer (m/w/div)", "Lagerhelfer"),
        ("Lagerhelfer (d/m/w) in Erfurt", "Lagerhelfer in Erfurt"),
        ("Lagerhelfer [m/f/d]", "Lagerhelfer"),
        ("Lagerhelfer (gn*)", "Lagerhelfer"),
        ("Lagerhelfer (all genders)", "Lagerhelfer"),
        ("Lagerhelfer m/w/d", "Lagerhelfer"),
        ("Koch:in", "Koch"),
        ("Fahrer*in", "Fahrer"),
        ("Fahrer*innen gesucht", "Fahrer gesucht"),
        ("Pfleger_in", "Pfleger"),
        ("Helfer/-in Hochbau", "Helfer Hochbau"),
        ("Helfer/in", "Helfer"),
        ("Verkäufer(in)", "Verkäufer"),
        ("MitarbeiterIn Kasse", "Mitarbeiter Kasse"),
        ("Kaufmann/-frau im Einzelhandel", "Kaufmann im Einzelhandel"),
        ("Kaufmann/Kauffrau für Büromanagement", "Kaufmann für Büromanagement"),
        ("Koch/Köchin", "Koch"),
        ("Arzt/Ärztin", "Arzt"),
        ("Bäcker/Bäckerin (m/w/d)", "Bäcker"),
    ],
)
def test_gender_markers_are_stripped_from_titles(title, stripped):
    assert strip_gender(title) == stripped


def test_a_slash_between_two_fields_is_kept():
    assert strip_gender("Helfer (m/w/d) Lager/Logistik") == "Helfer Lager/Logistik"
    assert strip_gender("Dolmetscher:in Arabisch/Deutsch") == "Dolmetscher Arabisch/Deutsch"


def test_german_words_in_cyrillic_are_spelled_the_german_way():
    assert transliterate_cyrillic("штаплерфарер") == "staplerfarer"
    assert transliterate_cyrillic("шпедитор") == "speditor"
    assert transliterate_cyrillic("Lagerhelfer") == "lagerhelfer"
