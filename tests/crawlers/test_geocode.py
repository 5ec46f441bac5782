"""crawlers.geocode: places with only a postal code get its point before they are stored."""

import pytest
from scrapy.utils.test import get_crawler

from crawlers.geocode import geocode
from crawlers.pipelines import CataloguePipeline
from search.models import Vacancy
from search.vacancies import Place
from tests.search.builders import vacancy

GOTHA = Place(street="Am Hafen 1", postal_code="99867", city="Gotha")


def test_a_place_with_only_a_postal_code_gets_its_point():
    (place,) = geocode(vacancy(places=(GOTHA,))).places
    assert place.latitude == pytest.approx(50.948, abs=0.01)
    assert place.longitude == pytest.approx(10.702, abs=0.01)
    assert (place.street, place.postal_code, place.city) == ("Am Hafen 1", "99867", "Gotha")


def test_coordinates_the_source_gave_are_kept():
    given = Place(postal_code="99867", city="Gotha", latitude=50.9441, longitude=10.7123)
    located = vacancy(places=(given,))
    assert geocode(located) is located


def test_half_a_coordinate_is_replaced_by_the_postal_codes_point():
    (place,) = geocode(vacancy(places=(Place(postal_code="99867", latitude=50.0),))).places
    assert (place.latitude, place.longitude) == pytest.approx((50.948, 10.702), abs=0.01)


def test_an_unknown_postal_code_leaves_the_place_without_a_point():
    unknown = vacancy(places=(Place(postal_code="00000", city="Nirgendwo"),))
    assert geocode(unknown) is unknown


def test_a_city_without_a_postal_code_is_not_guessed():
    city_only = vacancy(places=(Place(city="Gotha"),))
    assert geocode(city_only) is city_only


def test_every_place_of_a_vacancy_is_located_on_its_own():
    berlin = Place(postal_code="10115", city="Berlin")
    munich = Place(postal_code="80331", city="München", latitude=48.1, longitude=11.6)
    first, second, third = geocode(vacancy(places=(berlin, munich, Place(city="Erfurt")))).places
    assert (first.latitude, first.longitude) == pytest.approx((52.53, 13.38), abs=0.01)
    assert second == munich
    assert third == Place(city="Erfurt")


def test_a_vacancy_without_places_stays_as_it_is():
    nowhere = vacancy(places=())
    assert geocode(nowhere) is nowhere


@pytest.mark.django_db
def test_the_pipeline_stores_the_postal_codes_point_when_the_source_gave_none():
    pipeline = CataloguePipeline(get_crawler())
    pipeline._store(vacancy(places=(GOTHA,)))  # what process_item runs in its worker thread
    stored = Vacancy.objects.get()
    assert (stored.latitude, stored.longitude) == pytest.approx((50.948, 10.702), abs=0.01)


@pytest.mark.django_db
def test_the_pipeline_stores_the_sources_own_coordinates_unchanged():
    pipeline = CataloguePipeline(get_crawler())
    pipeline._store(vacancy())  # Am Hafen 1, 99867 Gotha at 50.95, 10.7
    stored = Vacancy.objects.get()
    assert (stored.latitude, stored.longitude) == (50.95, 10.7)
