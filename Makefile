# Paraf: set up and run. `make demo` and `make test` work on a fresh Debian machine.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# Debian packages Paraf needs at run time (OCR of scanned letters, PDF rendering, DOCX to PDF
# for signing) and, for the tests, a real IMAP server and a real browser (Playwright drives
# Debian's Chromium; it cannot download its own here).
RUNTIME_DEBS := tesseract-ocr tesseract-ocr-ind poppler-utils libreoffice-writer-nogui
TEST_DEBS    := dovecot-imapd chromium fonts-dejavu-core

.PHONY: setup system-deps test-deps demo test faults bench clean

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
	if [ -n "$$missing" ]; then \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

test-deps: system-deps
	@{ [ -x /usr/sbin/dovecot ] && [ -x /usr/bin/chromium ]; } || { $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $(TEST_DEBS); }

setup: system-deps $(BIN)/paraf

demo: setup
	$(BIN)/paraf demo

test: test-deps $(BIN)/paraf
	$(BIN)/pytest -q

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
