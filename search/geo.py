"""Where a German postal code lies, and how far apart two points are.

The postal-code points ship with Lotse in data/postcodes_de.tsv.gz (GeoNames,
CC BY 4.0; see data/POSTCODES_LICENCE.md) and are read once, on first use.
Nothing here touches the network or the database.
"""

from __future__ import annotations

import gzip
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

__all__ = ["BoundingBox", "Point", "bounding_box", "distance_km", "postcode_point"]

POSTCODES = Path(__file__).resolve().parent / "data" / "postcodes_de.tsv.gz"
EARTH_RADIUS_KM = 6371.0088  # mean radius (IUGG)


@dataclass(frozen=True)
class Point:
    """A postal code's approximate centre and the place it is named after."""

    latitude: float
    longitude: float
    name: str


@dataclass(frozen=True)
class BoundingBox:
    """Every point within a radius lies inside; corners may lie outside it."""

    min_latitude: float
    max_latitude: float
    min_longitude: float
    max_longitude: float


@cache
def _postcodes() -> dict[str, Point]:
    with gzip.open(POSTCODES, "rt", encoding="utf-8") as lines:
        next(lines)  # the header
        points = {}
        for line in lines:
            code, latitude, longitude, name = line.rstrip("\n").split("\t")
            points[code] = Point(float(latitude), float(longitude), name)
    return points


def postcode_point(postal_code: str) -> Point | None:
    """The point of a five-digit German postal code; None if it is not known."""
    return _postcodes().get(postal_code.strip())


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance by the haversine formula (the earth as a sphere)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    half_dphi = math.radians(lat2 - lat1) / 2
    half_dlambda = math.radians(lon2 - lon1) / 2
    a = math.sin(half_dphi) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(half_dlambda) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def bounding_box(latitude: float, longitude: float, radius_km: float) -> BoundingBox:
    """A latitude/longitude box around every point within `radius_km`.

    Cheap to test in SQL (`latitude BETWEEN ...`), so a query can narrow the
    rows before it computes exact distances. Near a pole, or across the 180th
    meridian, the box takes in every longitude rather than wrap around.
    """
    if radius_km < 0:
        raise ValueError(f"radius_km must not be negative, not {radius_km}")
    angle = radius_km / EARTH_RADIUS_KM  # the radius as an angle at the earth's centre
    dlat = math.degrees(angle)
    min_lat, max_lat = max(-90.0, latitude - dlat), min(90.0, latitude + dlat)
    if abs(latitude) + dlat >= 90.0:  # the circle takes in a pole
        return BoundingBox(min_lat, max_lat, -180.0, 180.0)
    dlon = math.degrees(math.asin(min(1.0, math.sin(angle) / math.cos(math.radians(latitude)))))
    west, east = longitude - dlon, longitude + dlon
    if west < -180.0 or east > 180.0:
        return BoundingBox(min_lat, max_lat, -180.0, 180.0)
    return BoundingBox(min_lat, max_lat, west, east)
