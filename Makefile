# Safety Hub. `make help` lists the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV        := .venv
PY          := $(VENV)/bin/python
HOST        ?= 127.0.0.1
PORT        ?= 8000
PYTEST_ARGS ?=

.PHONY: help run test test-sqlite test-postgres lint format migrations-check lock demo worker shell clean

help: ## List the targets
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  \033[36m%-18s\033[0m %s\n", $$1, $$2}'

$(VENV)/.runtime: requirements.lock pyproject.toml
	@test -x $(PY) || "$$(scripts/find-python)" -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	@touch $@

$(VENV)/.test: $(VENV)/.runtime requirements-test.lock
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-test.lock
	@touch $@

run: $(VENV)/.runtime ## Serve the hub at http://$(HOST):$(PORT) with the embedded demo (SQLite in var/)
	HOST=$(HOST) PORT=$(PORT) scripts/run-hub

demo: $(VENV)/.runtime ## Migrate and load the taxonomy and demo community without serving
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo

worker: $(VENV)/.runtime ## Run the background task worker on its own (survives database restarts)
	$(PY) manage.py run_worker

test: $(VENV)/.test ## Run every test: SQLite, then PostgreSQL where reachable (REQUIRE_POSTGRES=1 makes it required)
	scripts/ensure-chromium
	$(MAKE) --no-print-directory test-sqlite
	scripts/run-postgres-tests $(PY) $(PYTEST_ARGS)

test-sqlite: $(VENV)/.test ## Run the suite on SQLite only
	HUB_ENV=test DATABASE_URL= $(PY) -m pytest $(PYTEST_ARGS)

test-postgres: $(VENV)/.test ## Run the suite on PostgreSQL only (DATABASE_URL or 127.0.0.1:5432)
	REQUIRE_POSTGRES=1 scripts/run-postgres-tests $(PY) $(PYTEST_ARGS)

lint: $(VENV)/.test ## ruff check, ruff format --check and the import contracts (lint-imports)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

format: $(VENV)/.test ## Apply ruff's fixes and formatting
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

migrations-check: $(VENV)/.runtime ## Fail when models changed without a migration
	HUB_ENV=test $(PY) manage.py makemigrations --check --dry-run

lock: ## Re-pin every dependency (runtime and test) from pyproject.toml
	rm -rf /tmp/hub-lock && "$$(scripts/find-python)" -m venv /tmp/hub-lock
	/tmp/hub-lock/bin/pip install --quiet . && /tmp/hub-lock/bin/pip uninstall --quiet -y safety-hub
	/tmp/hub-lock/bin/pip freeze --exclude pip > requirements.lock
	/tmp/hub-lock/bin/pip install --quiet '.[test]' && /tmp/hub-lock/bin/pip uninstall --quiet -y safety-hub
	(echo "-r requirements.lock"; /tmp/hub-lock/bin/pip freeze --exclude pip | grep -vxFf requirements.lock) > requirements-test.lock

shell: $(VENV)/.runtime ## Django shell
	$(PY) manage.py shell

clean: ## Remove the virtualenv and collected static files (keeps var/, your data)
	rm -rf $(VENV) staticfiles
