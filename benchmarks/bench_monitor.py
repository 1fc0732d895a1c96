"""Monitor benchmarks on the real national data (every gemeente, wijk and buurt of the
Netherlands in KWB 2024, the 2016 wijken and, when present, the 2022 wijken and gemeenten):

- import_national_2024: importing the KWB 2024 population file for all 342 municipalities
  (areas registered from the file, 18,310 regions × 11 indicators) into a fresh SQLite
  database, against the baseline of reading and parsing the same file (csv + float) alone;
- recompute_national: recomputing all aggregates, suppression flags, index values and similar
  wijken for all municipalities, against the baseline of the same group-by (buurt → wijk →
  gemeente sums and ratios) done by a plain vectorised numpy pass over the same arrays.
"""

import csv
import gzip
import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wijksturing.conf.settings")
os.environ["WIJKSTURING_VAR_DIR"] = tempfile.mkdtemp(prefix="wijksturing-bench-")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{os.environ['WIJKSTURING_VAR_DIR']}/bench.sqlite3")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402

from wijksturing.monitor.catalogue import catalogue_load  # noqa: E402
from wijksturing.monitor.services import import_file, recompute  # noqa: E402

DATA = Path(settings.DATA_DIR)


def line(name, value, unit, baseline):
    print(f"{name}: {value:.3f} {unit} (baseline {baseline:.3f} {unit}, ratio {value / baseline:.2f})", flush=True)


def parse_baseline(path: Path) -> tuple[float, list]:
    start = time.perf_counter()
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    # the float conversion is part of what is timed; the parsed values themselves are not needed
    _parsed = [[float(v) if v not in ("", ".") else np.nan for v in row[5:]] for row in rows[1:]]
    return time.perf_counter() - start, rows


def groupby_baseline(rows: list) -> float:
    codes = [r[3] for r in rows[1:]]
    values = np.array([[float(v) if v not in ("", ".") else np.nan for v in r[5:]] for r in rows[1:]])
    buurt = np.array([c.startswith("BU") for c in codes])
    wijk_index = {c: i for i, c in enumerate(c for c in codes if c.startswith("WK"))}
    gm_index = {c: i for i, c in enumerate(c for c in codes if c.startswith("GM"))}
    b_parent = np.array([wijk_index.get("WK" + c[2:8], -1) for c, is_b in zip(codes, buurt) if is_b])
    w_parent = np.array([gm_index.get("GM" + c[2:6], -1) for c in wijk_index])
    start = time.perf_counter()
    for _ in range(2):  # two years' worth, like the recompute of 2016 + 2024
        bv = values[buurt]
        ok = b_parent >= 0
        wsum = np.zeros((len(wijk_index), bv.shape[1]))
        np.add.at(wsum, b_parent[ok], bv[ok])
        gsum = np.zeros((len(gm_index), bv.shape[1]))
        np.add.at(gsum, w_parent[w_parent >= 0], wsum[w_parent >= 0])
        with np.errstate(invalid="ignore", divide="ignore"):
            _ = wsum[:, 1:] / wsum[:, :1] * 100, gsum[:, 1:] / gsum[:, :1] * 100
    return time.perf_counter() - start


def main() -> None:
    source = DATA / "cbs" / "kwb_2024_bevolking.csv.gz"
    if not source.exists():
        print(f"# no local data in {DATA}: monitor benchmarks skipped")
        return
    call_command("migrate", verbosity=0)
    catalogue_load()
    parse_time, rows = parse_baseline(source)
    start = time.perf_counter()
    import_file(path=source, year=2024)
    import_file(path=DATA / "cbs" / "wijkbuurtkaart_2016_wijken.csv.gz", year=2016)
    wijken_2022 = DATA / "kwb_wijk_2022_nl" / "kwb_2022_wijken_nl.csv.gz"
    if wijken_2022.exists():  # every wijk of NL in 2022 (WOZ, tenure, income, labour participation)
        import_file(path=DATA / "kwb_wijk_2022_nl" / "kwb_2022_gemeenten_nl.csv.gz", year=2022)
        import_file(path=wijken_2022, year=2022)
        # land area and dwellings 2024 per wijk: with these an index on three dimensions for ~3,000 wijken
        import_file(path=DATA / "cbs" / "kwb_2024_kerncijfers_gemeente_wijk.csv.gz", year=2024)
    import_time = time.perf_counter() - start
    line("import_national_kwb2024_2022_and_2016", import_time, "s", parse_time)
    start = time.perf_counter()
    run = recompute()
    recompute_time = time.perf_counter() - start
    line("recompute_national_all", recompute_time, "s", groupby_baseline(rows))
    print(f"# {run.message}")


if __name__ == "__main__":
    main()
