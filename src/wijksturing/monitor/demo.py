"""The monitor's demo: Arnhem (GM0202) and Nijmegen (GM0268) from the real open data.

From the local copy in ``settings.DATA_DIR`` when it exists (CBS KWB 2024 and 2016, CBS
Nabijheid voorzieningen 2021 and the KWB buurt extract 2021 for Arnhem, KWB 2022 per wijk and
gemeente (WOZ value, tenure, labour participation, income), KWB 2023 inhabitants and land area
per buurt, police crime figures 2023, KWB gemeente housing figures 2020–2025, CBS/PDOK
boundaries); otherwise
downloaded from CBS and PDOK (KWB 2024 with every variable, and the boundaries)."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings

from wijksturing.areas.services import boundaries_import_file, gebieden_load_default
from wijksturing.monitor.catalogue import catalogue_load
from wijksturing.monitor.importers.download import boundaries_download, kwb_download
from wijksturing.monitor.services import import_file, recompute

DEMO = ["GM0202", "GM0268"]

# (relative path, data year, layout year or None) — in this order
LOCAL_FILES = [
    ("cbs/kwb_2024_bevolking.csv.gz", 2024, None),
    ("cbs/kwb_2024_kerncijfers_gemeente_wijk.csv.gz", 2024, None),
    ("cbs/wijkbuurtkaart_2016_gemeenten.csv.gz", 2016, None),
    ("cbs/wijkbuurtkaart_2016_wijken.csv.gz", 2016, None),
    ("kwb_buurt_2021_steden/cbs_85231ENG_nabijheid_voorzieningen_2021_10gemeenten.csv.gz", 2021, None),
    ("kwb_buurt_2021_steden/kwb_buurt_10steden_studentextract.csv.gz", 2021, None),
    ("kwb_wijk_2022_nl/kwb_2022_gemeenten_nl.csv.gz", 2022, None),
    ("kwb_wijk_2022_nl/kwb_2022_wijken_nl.csv.gz", 2022, None),
    ("kwb_buurt_2023_bevolking/kwb_2023_buurt_bevolking_oppervlakte_arnhem_nijmegen.csv.gz", 2023, 2024),
    ("politie/misdrijven_buurt_2023_arnhem_nijmegen.csv", None, 2024),
    ("kwb_gemeente_2020_2025/kwb_gemeente_wonen_2020_2025.csv.gz", None, None),
]
BOUNDARIES = [
    "geo/gemeenten_arnhem_nijmegen.geojson",
    "geo/wijken_arnhem_nijmegen.geojson",
    "geo/buurten_arnhem_nijmegen.geojson",
]
BOUNDARY_SOURCE = "CBS/PDOK wijk- en buurtkaart, gegeneraliseerd (Arnhem 2022, Nijmegen 2024)"


def load_demo(*, stdout, offline: bool = False, municipalities: list[str] | None = None) -> None:
    codes = set(municipalities or DEMO)
    catalogue_load()
    for code in sorted(codes):
        gebieden_load_default(municipality_code=code)
    data = Path(settings.DATA_DIR)
    if data.exists():
        for relative in BOUNDARIES:
            boundaries_import_file(path=data / relative, year=2024, source=BOUNDARY_SOURCE, municipality_codes=codes)
        for relative, year, layout_year in LOCAL_FILES:
            if (data / relative).exists():
                run = import_file(path=data / relative, year=year, municipalities=codes, layout_year=layout_year)
                stdout.write(f"  {relative}: {run.observations} figures")
    elif offline:
        stdout.write(f"  no local data in {data} and --offline: nothing to load")
        return
    else:
        target = Path(settings.VAR_DIR) / "downloads"
        for code in sorted(codes):
            for level in ("gemeenten", "wijken", "buurten"):
                path = boundaries_download(year=2024, municipality_code=code, level=level, target_dir=target)
                boundaries_import_file(path=path, year=2024, source="CBS/PDOK wijk- en buurtkaart 2024",
                                       municipality_codes={code})
            kwb = kwb_download(year=2024, municipality_code=code, target_dir=target)
            run = import_file(path=kwb, year=2024, municipalities={code})
            stdout.write(f"  CBS 85984NED {code}: {run.observations} figures")
    run = recompute(municipality_codes=sorted(codes))
    stdout.write(f"  recomputed: {run.message}")
