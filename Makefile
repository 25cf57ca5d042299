# Paraf: set up and run. `make demo` and `make test` work on a fresh Debian machine.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# Debian packages Paraf needs at run time (OCR of scanned letters, PDF rendering, DOCX to PDF
# for signing; Liberation Sans, metric-compatible with the Arial that naskah dinas asks for, so
# lines wrap where the letter's author expects and the PDF embeds it) and, for the tests, a real
# IMAP server and a real browser (Playwright drives Debian's Chromium; it cannot download its own).
RUNTIME_DEBS := tesseract-ocr tesseract-ocr-ind poppler-utils libreoffice-writer-nogui \
		fonts-liberation2
TEST_DEBS    := dovecot-imapd chromium fonts-dejavu-core
# pg_dump/psql for `paraf backup` and `paraf restore` on PostgreSQL, and systemd-analyze for
# checking the units in deploy/.
OPS_DEBS     := postgresql-client systemd

.PHONY: setup system-deps test-deps demo test faults audit lock bench clean

$(BIN)/paraf: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

system-deps:
	@missing=""; \
	command -v tesseract >/dev/null || missing="$$missing $(RUNTIME_DEBS)"; \
	command -v pdftoppm >/dev/null || missing="$$missing poppler-utils"; \
	(tesseract --list-langs 2>/dev/null | grep -qx ind) || missing="$$missing tesseract-ocr-ind"; \
	command -v soffice >/dev/null || missing="$$missing libreoffice-writer-nogui"; \
	(fc-list : family 2>/dev/null | grep -qix 'liberation sans') || missing="$$missing fonts-liberation2"; \
	if [ -n "$$missing" ]; then \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

test-deps: system-deps
	@{ [ -x /usr/sbin/dovecot ] && [ -x /usr/bin/chromium ]; } || { $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $(TEST_DEBS); }
	@{ command -v pg_dump >/dev/null && command -v psql >/dev/null && \
	   command -v systemd-analyze >/dev/null; } || { $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $(OPS_DEBS); }

setup: system-deps $(BIN)/paraf

demo: setup
	@$(BIN)/paraf demo --picture docs/screenshots/answer-letter.png

# one test worker per core (pytest-xdist), each taking whole files, so a module's fixtures are
# built once; every test makes its own ports, folders and database schema
test: test-deps $(BIN)/paraf
	$(BIN)/pytest -q -n auto --dist loadfile

# pip-audit over requirements.lock (also part of `make test`); skipped, saying so, where the
# vulnerability service cannot be reached. ADVISORY_DB=<git dir of pypa/advisory-database>
# checks the lock against that snapshot offline.
audit: $(BIN)/paraf
	$(BIN)/pytest -q -rs tests/core/test_dependency_audit.py
	@if [ -n "$(ADVISORY_DB)" ]; then $(BIN)/pip install -q pyyaml && \
	  $(BIN)/python tools/check_advisories.py "$(ADVISORY_DB)" requirements.lock; fi

# Re-resolve requirements.lock from pyproject.toml in a fresh venv (then run `make audit`).
lock:
	rm -rf /tmp/paraf-lock && $(PYTHON) -m venv /tmp/paraf-lock
	/tmp/paraf-lock/bin/pip install --quiet '.[test]'
	{ grep '^#' requirements.lock; /tmp/paraf-lock/bin/pip freeze --exclude paraf; } \
	  > requirements.lock.new
	mv requirements.lock.new requirements.lock

# The long crash suite (tests/faults/): 10 seeds x 20 SIGKILLs on each database, and 2 and 3
# workers at once on PostgreSQL; `make test` runs its quick version.
faults: test-deps $(BIN)/paraf
	PARAF_FAULTS=long $(BIN)/pytest -q tests/faults

bench: setup
	$(BIN)/python benchmarks/intake.py
	$(BIN)/python benchmarks/extraction.py
	$(BIN)/python benchmarks/signing.py
	$(BIN)/python benchmarks/web.py
	$(BIN)/python benchmarks/latency.py

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache
