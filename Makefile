# Keikaku: `make build` sets everything up and builds plan/ into site/; `make test` runs every test.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
# The stamp changes with pyproject.toml, so a changed pin reinstalls (hashlib: sha1sum is not on every OS).
STAMP  := $(VENV)/.installed-$(shell $(PYTHON) -c "import hashlib; print(hashlib.sha1(open('pyproject.toml','rb').read()).hexdigest()[:12])")
PLAN   ?= plan
OUT    ?= site

.PHONY: build test check serve schema golden clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Keikaku needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	rm -f $(VENV)/.installed-* && touch $(STAMP)

build: $(STAMP)
	$(PY) -m generator build --plan $(PLAN) --out $(OUT)

test: $(STAMP)
	$(PY) -m pytest

check: $(STAMP)
	$(PY) -m generator check --plan $(PLAN)

serve: $(STAMP)
	$(PY) -m generator serve --plan $(PLAN) --out $(OUT)

schema: $(STAMP)
	$(PY) -m generator schema

golden: $(STAMP)
	$(PY) -m pytest tests/render --update-golden

clean:
	rm -rf $(OUT) $(VENV)
