"""Coordinates for places that a source gives only a postal code for.

Distance search needs a point for every vacancy, but many sources state just
"99867 Gotha". Such a place gets the centre of its postal code from the data
Lotse ships (`search.geo`). Coordinates the source gave are kept, a place
without a postal code is left alone (a city name alone is too ambiguous to
guess from), and an unknown postal code simply stays without a point.
"""

from __future__ import annotations

from dataclasses import replace

from search.geo import postcode_point
from search.vacancies import Place, VacancyData

__all__ = ["geocode"]


def geocode(vacancy: VacancyData) -> VacancyData:
    """The vacancy with its places' missing coordinates filled in from their postal codes."""
    places = tuple(_located(place) for place in vacancy.places)
    if places == vacancy.places:
        return vacancy
    return replace(vacancy, places=places)


def _located(place: Place) -> Place:
    # Half a coordinate is no position: a place needs both or gets both.
    if place.latitude is not None and place.longitude is not None:
        return place
    if not place.postal_code:
        return place
    point = postcode_point(place.postal_code)
    if point is None:
        return place
    return replace(place, latitude=point.latitude, longitude=point.longitude)
