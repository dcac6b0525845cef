# Keikaku: `make build` sets everything up and builds plan/ into site/; `make test` runs every test.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
# The stamp changes with the lock file, so a changed pin reinstalls (hashlib: sha1sum is not on every OS).
STAMP  := $(VENV)/.installed-$(shell $(PYTHON) -c "import hashlib, os; p = 'requirements.lock'; print(hashlib.sha1(open(p, 'rb').read()).hexdigest()[:12] if os.path.exists(p) else 'none')")
# `make lock` resolves against PyPI itself, never a machine's own pip indexes or wheel folders.
LOCK_INDEX := https://pypi.org/simple
UV_VERSION := 0.13.9
PLAN   ?= plan
OUT    ?= site
PORT   ?= 8000
VNU    := tools/vnu/node_modules/vnu-jar/build/dist/vnu.jar
CHECK_FLAGS ?=  # e.g. --format github in CI
SITE_URL ?=  # the published address, e.g. https://example.github.io/plan/ (the publish workflow sets it)

.PHONY: setup build test check serve schema golden lock clean

# Every dependency, transitive ones and the build backend included, comes from requirements.lock with
# its hash checked; then Keikaku itself, without resolving anything more.
$(STAMP): requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Keikaku needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes --only-binary :all: -r requirements.lock
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	rm -f $(VENV)/.installed-* && touch $(STAMP)

setup: $(STAMP)  # the virtual environment alone, for steps that run one command

# The Nu Html Checker for the tests, pinned with its hash in tools/vnu/package-lock.json. --ignore-scripts:
# its postinstall script would download a Java runtime; Debian's Java runs it. Without npm the HTML check
# is skipped (and fails under CI, which installs npm and Java: .ci/run).
$(VNU): tools/vnu/package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
	  cd tools/vnu && npm ci --ignore-scripts --no-audit --no-fund --silent && touch node_modules/vnu-jar/build/dist/vnu.jar; \
	else echo "npm not found: the Nu Html Checker tests will be skipped"; fi

build: $(STAMP)
	$(PY) -m generator build --plan $(PLAN) --out $(OUT) $(if $(SITE_URL),--site-url "$(SITE_URL)")

test: $(STAMP) $(VNU)
	$(PY) -m pytest

check: $(STAMP)
	$(PY) -m generator check --plan $(PLAN) $(CHECK_FLAGS)

serve: $(STAMP)
	$(PY) -m generator serve --plan $(PLAN) --out $(OUT) --port $(PORT)

schema: $(STAMP)
	$(PY) -m generator schema

golden: $(STAMP)
	$(PY) -m pytest tests/render tests/load/test_invalid_plans.py -k 'golden or exact_messages' --update-golden

# Re-resolve requirements.lock from pyproject.toml (with the test extra) and requirements-build.in,
# with the hash of every file PyPI has for each pinned version. Run it after changing a pin.
lock:
	$(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet --isolated --index-url $(LOCK_INDEX) uv==$(UV_VERSION)
	.lock-venv/bin/uv pip compile --quiet --no-config --index-url $(LOCK_INDEX) \
	  --universal --python-version 3.11 --generate-hashes --custom-compile-command 'make lock' \
	  --extra test pyproject.toml requirements-build.in -o requirements.lock

clean:
	rm -rf $(OUT) $(VENV)
