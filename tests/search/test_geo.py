"""search.geo: postal-code points shipped with Lotse, distances and bounding boxes."""

import gzip

import pytest

from search.geo import POSTCODES, bounding_box, distance_km, postcode_point

GOTHA = (50.9482, 10.7019)
ERFURT = (50.9746, 11.0297)


@pytest.mark.parametrize(
    ("postal_code", "latitude", "longitude", "name"),
    [
        ("99867", 50.95, 10.70, "Gotha"),
        ("10115", 52.53, 13.38, "Berlin"),
        ("80331", 48.13, 11.57, "München"),
        ("01067", 51.06, 13.72, "Dresden"),
    ],
)
def test_a_known_postal_code_lies_where_its_town_is(postal_code, latitude, longitude, name):
    point = postcode_point(postal_code)
    assert point is not None
    assert point.latitude == pytest.approx(latitude, abs=0.05)
    assert point.longitude == pytest.approx(longitude, abs=0.05)
    assert point.name == name


def test_surrounding_whitespace_is_ignored():
    assert postcode_point(" 99867\n") == postcode_point("99867")


@pytest.mark.parametrize("postal_code", ["00000", "99999", "9986", "998670", "Gotha", ""])
def test_an_unknown_postal_code_has_no_point(postal_code):
    assert postcode_point(postal_code) is None


def test_the_shipped_data_covers_germany():
    with gzip.open(POSTCODES, "rt", encoding="utf-8") as lines:
        header, *rows = lines.read().splitlines()
    assert header.split("\t") == ["postal_code", "latitude", "longitude", "place_name"]
    assert len(rows) > 8000
    for row in rows:
        code, latitude, longitude, name = row.split("\t")
        assert len(code) == 5 and code.isdigit() and name
        assert 47.2 < float(latitude) < 55.1 and 5.8 < float(longitude) < 15.1, row


def test_gotha_to_erfurt_is_about_22_km():
    assert distance_km(*GOTHA, *ERFURT) == pytest.approx(22.5, abs=1.5)


def test_distance_is_symmetric_and_zero_to_itself():
    assert distance_km(*GOTHA, *ERFURT) == pytest.approx(distance_km(*ERFURT, *GOTHA))
    assert distance_km(*GOTHA, *GOTHA) == 0


def test_berlin_to_munich_is_about_504_km():
    assert distance_km(52.5200, 13.4050, 48.1374, 11.5755) == pytest.approx(504, abs=3)


def test_the_bounding_box_holds_every_point_within_the_radius():
    box = bounding_box(*GOTHA, 25)
    assert box.min_latitude < ERFURT[0] < box.max_latitude
    assert box.min_longitude < ERFURT[1] < box.max_longitude
    # The box reaches at least the radius east and north of Gotha.
    assert distance_km(*GOTHA, GOTHA[0], box.max_longitude) >= 24.9
    assert distance_km(*GOTHA, box.max_latitude, GOTHA[1]) == pytest.approx(25)


def test_the_bounding_box_leaves_out_what_is_far_away():
    box = bounding_box(*GOTHA, 10)
    assert not box.min_longitude < ERFURT[1] < box.max_longitude


def test_a_bounding_box_around_a_pole_takes_in_every_longitude():
    box = bounding_box(89.9, 0.0, 50)
    assert (box.max_latitude, box.min_longitude, box.max_longitude) == (90.0, -180.0, 180.0)


def test_a_negative_radius_is_refused():
    with pytest.raises(ValueError, match="radius_km"):
        bounding_box(*GOTHA, -1)
