# wijksturing — two commands: `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PORT   ?= 8000
export DJANGO_SETTINGS_MODULE ?= wijksturing.conf.settings
# Every make target is a development tool: DEBUG on (production sets its own environment, docs/deploy.md).
export DJANGO_DEBUG ?= true

.PHONY: run test bench screenshots demo migrate schema docs lock lint messages clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python requirements/base.txt pyproject.toml
	$(BIN)/pip install --quiet --require-hashes -r requirements/base.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements/dev.txt requirements/reference.txt
	$(BIN)/pip install --quiet --require-hashes -r requirements/dev.txt
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements/reference.txt
	touch $@

migrate: $(VENV)/.installed
	$(BIN)/wijksturing migrate --noinput

demo: migrate
	$(BIN)/wijksturing demo

## Set everything up, load the demo (Arnhem and Nijmegen) and serve on http://127.0.0.1:$(PORT)
run: demo
	$(BIN)/wijksturing runserver 127.0.0.1:$(PORT)

## Set everything up and run the whole suite (SQLite; PostgreSQL as well when DATABASE_URL is set)
test: $(VENV)/.installed-dev
	@if [ ! -x "$${WIJKSTURING_CHROMIUM:-/usr/bin/chromium}" ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "Installing Debian's chromium for the browser tests (apt-get)"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	    || echo "chromium could not be installed: the browser tests will be skipped"; \
	fi
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/lint-imports --no-cache
	$(BIN)/wijksturing makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=wijksturing.conf.test_settings $(BIN)/python -m pytest -p no:cacheprovider $(PYTEST_ARGS)

## Benchmarks; QUICK=1 skips the half-hour pabutools reference run of the Warsaw-sized election
bench: $(VENV)/.installed-dev
	WIJKSTURING_BENCH_QUICK=$(QUICK) $(BIN)/python benchmarks/run.py

screenshots: $(VENV)/.installed-dev
	$(BIN)/python -m pytest -p no:cacheprovider tests/browser/test_screenshots.py -m browser

schema: $(VENV)/.installed
	$(BIN)/wijksturing spectacular --lang en --file docs/openapi.yaml --validate

## Regenerate the docs that come from code: the settings reference and the OpenAPI schema
docs: schema
	$(BIN)/python -c "from wijksturing.conf import env, settings; open('docs/settings.md', 'w').write(env.reference_document())"

lock:
	uv pip compile pyproject.toml -o requirements/base.txt --python-version 3.11 --generate-hashes -q
	uv pip compile requirements/dev.in -o requirements/dev.txt --python-version 3.11 --generate-hashes -q

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check src tests benchmarks

clean:
	rm -rf $(VENV) var

## Update the Dutch catalogues of every app (needs GNU gettext) and compile them
messages: $(VENV)/.installed
	for app in accounts areas monitor programmes budgets participation signals reports web; do \
	  (cd src/wijksturing/$$app && mkdir -p locale && ../../../$(BIN)/django-admin makemessages -l nl && \
	   ../../../$(BIN)/django-admin compilemessages) || exit 1; \
	done
