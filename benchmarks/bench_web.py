"""Server time of the area page and the thematic-map data endpoint, and requests per second
under a local threaded load generator, against a trivial Django view measured in the same run.

Runs on its own SQLite database with the demo loaded (offline), in a temporary folder:
    python benchmarks/bench_web.py
Prints lines ``<name>: <value> <unit> (baseline <value> <unit>, ratio <ratio>)``.
Targets: the area page within 3x the trivial view and under 50 ms with a warm cache. Warm means
an anonymous visitor's hit in the whole-page cache (``web.pagecache``): every timed request is
checked to be one (``X-Cache: hit``); one line shows a miss (cache cleared) for comparison.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path
from statistics import median

TMP = Path(tempfile.mkdtemp(prefix="wijksturing-bench-web-"))
os.environ.update(WIJKSTURING_VAR_DIR=str(TMP), DATABASE_URL=f"sqlite:///{TMP / 'bench.sqlite3'}",
                  DJANGO_SETTINGS_MODULE="wijksturing.conf.settings", DJANGO_DEBUG="false",
                  DJANGO_SECRET_KEY="bench-" + os.urandom(16).hex(), DJANGO_SECURE_SSL_REDIRECT="false",
                  WIJKSTURING_STATIC_MANIFEST="false",
                  DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost,testserver")
ROUNDS = 30
MAP_DATA = "/kaart/data.json?gemeente=GM0202&indicator=a_inw&jaar=2024&niveau="
PAGES = {  # name: URL, timed with a warm cache (anonymous visitor)
    "area page (wijk WK020202)": "/wijk/WK020202/",
    "area page (gebied W1)": "/gemeente/GM0202/gebied/W1/",
    "area page (municipality GM0202)": "/gemeente/GM0202/",
    "thematic-map data, wijken of GM0202": MAP_DATA + "wijk",
    "thematic-map data, all buurten of GM0202": MAP_DATA + "buurt",
}


def _setup() -> None:
    cli = [sys.executable, "-m", "wijksturing.cli"]
    env = dict(os.environ, DJANGO_DEBUG="true")  # the demo users need DEBUG; pages are timed without it
    subprocess.run(cli + ["migrate", "--noinput", "-v0"], env=env, check=True)
    subprocess.run(cli + ["demo", "--offline"], env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _server_time(client, path: str, *, cached: bool = True) -> float:
    """Median server time in ms (Django test client: the full request/response cycle through
    every middleware). Warm means warm: every timed request of a cached page must be a hit."""
    client.get(path)  # warm
    times = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        response = client.get(path)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (path, response.status_code)
        assert not cached or response.get("X-Cache") == "hit", (path, response.get("X-Cache"))
    return median(times)


def _cold_time(client, path: str, rounds: int = 10) -> float:
    """Median server time in ms of a miss: the whole cache (pages and fragments) cleared first."""
    from django.core.cache import cache

    times = []
    for _ in range(rounds):
        cache.clear()
        start = time.perf_counter()
        response = client.get(path)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200 and response.get("X-Cache") == "miss", (path, response.get("X-Cache"))
    return median(times)


def _load(url: str, *, threads: int = 4, seconds: float = 3.0) -> float:
    """Requests per second from ``threads`` keep-alive-less clients on loopback, bounded in time."""
    stop = time.perf_counter() + seconds
    counts = [0] * threads

    def worker(i: int) -> None:
        while time.perf_counter() < stop:
            with urllib.request.urlopen(url, timeout=10) as response:
                response.read()
            counts[i] += 1

    pool = [threading.Thread(target=worker, args=(i,)) for i in range(threads)]
    start = time.perf_counter()
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    return sum(counts) / (time.perf_counter() - start)


def line(name: str, value: float, unit: str, base: float) -> str:
    return f"{name}: {value:.2f} {unit} (baseline {base:.2f} {unit}, ratio {value / base:.2f})"


def main() -> None:
    _setup()
    import django

    django.setup()
    from django.http import HttpResponse
    from django.test import Client, override_settings
    from django.urls import include, path

    def trivial(request):
        return HttpResponse("ok")

    urlconf = type("urls", (), {"urlpatterns": [path("__trivial__/", trivial), path("", include("wijksturing.urls"))]})
    with override_settings(ROOT_URLCONF=urlconf):
        client = Client()
        base = _server_time(client, "/__trivial__/", cached=False)
        timed = {name: _server_time(client, url) for name, url in PAGES.items()}
        cold = _cold_time(client, PAGES["area page (wijk WK020202)"])
    for name, value in timed.items():
        print(line(f"{name} server time", value, "ms", base))
    print(line("area page (wijk WK020202) server time, cache cleared before each request", cold, "ms", base))
    area = max(timed[name] for name in timed if name.startswith("area page"))

    # the same URLs plus a trivial view, served by one runserver process
    (TMP / "bench_urls.py").write_text(
        "from django.http import HttpResponse\nfrom django.urls import include, path\n"
        "urlpatterns = [path('__trivial__/', lambda r: HttpResponse('ok')), path('', include('wijksturing.urls'))]\n")
    (TMP / "bench_settings.py").write_text("from wijksturing.conf.settings import *  # noqa\nROOT_URLCONF = 'bench_urls'\n")
    cli = [sys.executable, "-m", "wijksturing.cli"]
    port = 18000 + os.getpid() % 1000
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="bench_settings",
               PYTHONPATH=os.pathsep.join([str(TMP), os.environ.get("PYTHONPATH", "")]))
    server = subprocess.Popen(cli + ["runserver", f"127.0.0.1:{port}", "--noreload", "--nothreading"],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        root = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                urllib.request.urlopen(root + "/wijk/WK020202/", timeout=5).read()
                break
            except OSError:
                time.sleep(0.2)
        with urllib.request.urlopen(root + "/wijk/WK020202/", timeout=5) as response:
            assert response.headers.get("X-Cache") == "hit", response.headers.get("X-Cache")  # warm
        rps_base = _load(root + "/__trivial__/")
        rps_area = _load(root + "/wijk/WK020202/")
        print(line("area page requests per second (4 threads, loopback)", rps_area, "req/s", rps_base))
        met = area <= 3 * base and area < 50
        print(f"target: every area page within 3x the trivial view and under 50 ms with a warm cache: "
              f"{'met' if met else 'NOT met'} (slowest {area:.2f} ms = {area / base:.2f}x the trivial "
              f"{base:.2f} ms; 3x would be {3 * base:.2f} ms)")
    finally:
        server.terminate()
        server.wait(timeout=10)
        import shutil

        shutil.rmtree(TMP, ignore_errors=True)


if __name__ == "__main__":
    main()
