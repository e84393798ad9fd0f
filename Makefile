# The two commands of the README: `make run` and `make test`. Everything else is a step of those.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
STAMP := $(VENV)/.installed
export DEBUG ?= 1
# The ports of the live sites and of the static copies. load_demo puts the Wagtail Sites on
# PORT, so that every absolute address (feeds, calendar links, sitemaps) names it.
PORT ?= 8000
STATIC_PORT ?= 8001
export SITE_PORT := $(PORT)
export STATIC_PORT
# pytest runs in one process per core (pytest-xdist); WORKERS=0 runs it in this process.
WORKERS ?= auto
PYTEST := $(BIN)/pytest -n $(WORKERS)

.PHONY: run test install migrate demo messages gates pytest clock pytest-postgres browser benchmarks lint format clean

$(STAMP): pyproject.toml constraints.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

messages: install
	$(PY) manage.py compilemessages --ignore=.venv -v0

migrate: install
	$(PY) manage.py migrate --no-input -v0

demo: migrate messages
	$(PY) manage.py load_demo

# The live sites answer at once; the worker builds the static copies beside them.
run: demo
	$(PY) manage.py run_sites --port $(PORT) --static-port $(STATIC_PORT)

# Every gate CI runs, in the order CI runs them.
test: gates pytest pytest-postgres

gates: messages
	$(PY) manage.py check --fail-level WARNING
	DEBUG=0 SECRET_KEY=$$($(PY) -c "import secrets; print(secrets.token_urlsafe(50))") ALLOWED_HOSTS=growingup.example.org \
		$(PY) manage.py check --deploy --fail-level WARNING
	$(PY) manage.py makemigrations --check --dry-run
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

pytest: install
	CLOCK_INSTANTS="$(CLOCK_INSTANTS)" env -u DATABASE_URL $(PYTEST) $(PYTEST_ARGS)

# The tests that depend on the date (marked `clock`) run once at each of these instants, in the
# same session as the rest on SQLite: mid-morning, just before and after midnight in New York
# (UTC already on the next day), in the weeks of both daylight-saving changes, and on New
# Year's Eve. `make clock` runs only those.
CLOCK_INSTANTS := 2026-12-02T10:00:00-05:00 2026-12-03T23:58:00-05:00 2026-12-04T00:05:00-05:00 \
	2027-03-12T23:58:00-05:00 2027-11-05T00:05:00-04:00 2026-12-31T20:30:00-05:00
clock: install
	CLOCK_INSTANTS="$(CLOCK_INSTANTS)" env -u DATABASE_URL $(PYTEST) -q -m "clock and not browser" $(PYTEST_ARGS)

# The same suite on PostgreSQL when DATABASE_URL is set (CI sets it). Browser tests, and the
# two that load the whole demo (the embedded default's content), ran above.
pytest-postgres: install
	@if [ -n "$$DATABASE_URL" ]; then \
		echo "pytest on $$DATABASE_URL"; \
		$(PYTEST) -m "not browser and not demo" $(PYTEST_ARGS); \
	else echo "DATABASE_URL is not set: skipping the PostgreSQL run"; fi

browser: install
	$(PYTEST) -m browser $(PYTEST_ARGS)

# Lighthouse for the static benchmark, from the npm registry, when npm is on the machine.
LIGHTHOUSE := var/node/node_modules/.bin/lighthouse
$(LIGHTHOUSE):
	@if command -v npm >/dev/null; then \
		npm install --silent --no-audit --no-fund --prefix var/node lighthouse@12.8.2 \
		|| echo "Lighthouse did not install: the static benchmark will skip it"; \
	else echo "npm not found: the static benchmark will skip Lighthouse"; fi

# wagtail-bakery for the static benchmark's side-by-side figure: not a dependency of the project,
# so it goes in a folder of its own that only the benchmarks put on their path (its own
# dependencies are for uploading, which the benchmark does not do).
BAKERY := var/bench-extras
$(BAKERY):
	$(PY) -m pip install --quiet --no-deps --target $(BAKERY) wagtail-bakery==0.8.0 django-bakery==0.14.0 \
		|| echo "wagtail-bakery did not install: the static benchmark will skip it"

benchmarks: migrate $(LIGHTHOUSE) $(BAKERY)
	LIGHTHOUSE=$$(test -x $(LIGHTHOUSE) && echo $(abspath $(LIGHTHOUSE))) PYTHONPATH=$(abspath $(BAKERY)) \
		$(PY) -m benchmarks $(BENCHMARKS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) var dist
