# A wrapper around CMake for people: every configuration builds in its own build/<config> folder.
#   make            release build (build/release)
#   make test       install what is missing, build with ASan+UBSan (clang), run every test
#   make demo       install what is missing, build, run steward on the bundled example repository
#   make debug      debug build (build/debug)
#   make werror     the developers' configuration: warnings are errors (build/werror)
#   make tsan       ThreadSanitizer build of the tests of threaded code, and their run (build/tsan)
#   make bench      build and run the benchmarks (build/release)
#   make fuzz       build the libFuzzer targets (build/asan), run each FUZZ_SECONDS
#   make format     reformat the sources; make format-check only checks
#   make dist       the portable release archive, its .sha256 and the .deb in dist/ (build/dist)
#   make dist-test  make dist, then run the archive's binary with an empty environment
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=
# ccache, when installed, makes rebuilds across build folders and clones cheap. The CLI and the
# unit tests use precompiled headers, which ccache caches only with this sloppiness (its manual,
# "Precompiled headers").
LAUNCHER = $(if $(shell command -v ccache 2>/dev/null),-DCMAKE_CXX_COMPILER_LAUNCHER=ccache,)
export CCACHE_SLOPPINESS ?= pch_defines,time_macros
# Unity builds: CMake compiles each target's sources in batches of 8 as one file, so the heavy
# headers (the standard library, nlohmann/json, fmt, doctest, the ANTLR runtime) are parsed once
# per batch instead of once per file. A clean `make test` (ASan) builds in about a fifth of the
# time (docs/development.md). `make werror` builds file by file, so every file still compiles on
# its own includes; UNITY=OFF does the same for any configuration (for quicker one-file rebuilds).
UNITY ?= ON
UNITY_FLAGS = -DCMAKE_UNITY_BUILD=$(UNITY)
SOURCES = $(shell git ls-files '*.cpp' '*.h' 2>/dev/null)

.PHONY: all release debug asan werror tsan deps test-deps test demo bench fuzz fuzz-build format format-check clean \
  dist dist-test

all: release

deps:
	@scripts/install-deps

test-deps:
	@scripts/install-deps --with-tests

build/%/build.ninja:
	cmake -S . -B build/$* -G Ninja $(LAUNCHER) $(UNITY_FLAGS) $(CMAKE_FLAGS) $(CONFIG_FLAGS)

release: CONFIG_FLAGS = -DCMAKE_BUILD_TYPE=Release
release: deps build/release/build.ninja
	cmake --build build/release -j $(JOBS)

debug: CONFIG_FLAGS = -DCMAKE_BUILD_TYPE=Debug
debug: deps build/debug/build.ninja
	cmake --build build/debug -j $(JOBS)

# The developers' configuration: every warning in steward's own code is an error, at -O2 where GCC
# sees the most (its false positives are avoided where they arise: docs/development.md).
werror: CONFIG_FLAGS = -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSTEWARD_WERROR=ON -DCMAKE_UNITY_BUILD=OFF
werror: test-deps build/werror/build.ninja
	cmake --build build/werror -j $(JOBS)

# ThreadSanitizer over what runs on several threads: the policy tests (the parallel evaluator), the
# model tests (files parsed in parallel), the config tests (the parse cache and the blob cache
# store written from several threads), the traffic tests (events validated in parallel
# batches), the git tests (blob contents read on several threads) and the gate tests (base's rules
# run alongside head's). Only those targets and what they link are built. It runs in CI as its own job
# (.github/workflows/ci.yml), not in `make test`: it compiles every library they link a second
# time, with TSan; from an empty cache that is about 8 minutes of CPU (measured with JOBS=1).
TSAN_TESTS = steward_policy_tests steward_model_tests steward_config_tests steward_traffic_tests \
  steward_git_tests steward_gate_tests
tsan: CONFIG_FLAGS = -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSTEWARD_TSAN=ON -DSTEWARD_BUILD_BENCH=OFF
tsan: test-deps build/tsan/build.ninja
	cmake --build build/tsan -j $(JOBS) --target $(TSAN_TESTS)
	cd build/tsan && TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 \
	  ctest --output-on-failure -j $(JOBS) -R '^($(subst $() ,|,$(TSAN_TESTS)))$$'

# The test configuration (build/asan): clang with AddressSanitizer and UndefinedBehaviorSanitizer,
# every file also instrumented for libFuzzer (-DSTEWARD_FUZZ=ON), so that one build serves the
# whole suite and the fuzz targets: the tree is compiled once for both, not once with g++ for the
# tests and once more with clang for the fuzzers. -O1 with line tables only: what the sanitizers'
# and libFuzzer's own documentation use; reports still name every frame's file and line. Asserts
# stay on. LLVM's linker (lld) links each sanitized executable in about a second. The benchmarks
# are not built: they measure the release build. g++ builds the release, `make werror` and
# `make tsan`, so both compilers see every file.
SANITIZED_FLAGS = -DCMAKE_BUILD_TYPE=None -DCMAKE_CXX_FLAGS="-O1 -gline-tables-only" \
  -DCMAKE_CXX_COMPILER=clang++-14 -DSTEWARD_FUZZ=ON -DSTEWARD_BUILD_BENCH=OFF \
  -DCMAKE_EXE_LINKER_FLAGS=-fuse-ld=lld
asan: CONFIG_FLAGS = $(SANITIZED_FLAGS)
asan: test-deps build/asan/build.ninja
	cmake --build build/asan -j $(JOBS)

# After the suite, every fuzz target runs briefly (and replays tests/fuzz/regressions): a crash,
# leak, timeout or out-of-memory fails the run. Then the portable archive is built and its binary
# runs with an empty environment (tests/ci/dist_test.py). Formatting is checked first.
TEST_FUZZ_SECONDS ?= 30
test: asan
	$(MAKE) format-check
	cd build/asan && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ctest --output-on-failure -j $(JOBS)
	tests/fuzz/run-fuzzers build/asan $(TEST_FUZZ_SECONDS)
	$(MAKE) dist-test

# The fuzz targets are built in the test configuration (build/asan); `make fuzz-build` builds only
# them and the libraries they link. tests/fuzz/run-fuzzers seeds each target from the fixtures and
# runs them side by side, one per core (docs/development.md, Fuzzing).
FUZZ_SECONDS ?= 600
fuzz-build: CONFIG_FLAGS = $(SANITIZED_FLAGS)
fuzz-build: test-deps build/asan/build.ninja
	cmake --build build/asan -j $(JOBS) --target steward_fuzzers

fuzz: fuzz-build
	tests/fuzz/run-fuzzers build/asan $(FUZZ_SECONDS)

# The portable release (docs/install.md): only the steward binary is built, statically linked
# except glibc; ccache shares the objects with other Release builds.
VERSION = $(shell sed -n 's/^project.steward VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)
DIST_NAME = steward-$(VERSION)-linux-x86_64
dist: CONFIG_FLAGS = -DCMAKE_BUILD_TYPE=Release -DSTEWARD_PORTABLE=ON -DSTEWARD_BUILD_TESTS=OFF \
  -DSTEWARD_BUILD_BENCH=OFF -DCMAKE_INSTALL_PREFIX=/usr
dist: deps build/dist/build.ninja
	cmake --build build/dist -j $(JOBS) --target steward
	rm -rf build/dist/stage && mkdir -p dist
	cmake --install build/dist --strip --prefix build/dist/stage/$(DIST_NAME)
	tar -C build/dist/stage --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 \
	  -czf dist/$(DIST_NAME).tar.gz $(DIST_NAME)
	cd dist && sha256sum $(DIST_NAME).tar.gz > $(DIST_NAME).tar.gz.sha256
	cd build/dist && cpack -G DEB -B $(CURDIR)/build/dist/deb
	cp build/dist/deb/*.deb dist/
	@ls -l dist

dist-test: dist
	python3 tests/ci/dist_test.py --archive dist/$(DIST_NAME).tar.gz --source . --work build/dist/test

# The demo needs only the steward binary, not the tests and benchmarks a full release build adds.
demo: CONFIG_FLAGS = -DCMAKE_BUILD_TYPE=Release
demo: deps build/release/build.ninja
	cmake --build build/release -j $(JOBS) --target steward
	@scripts/demo build/release/engine/cli/steward

bench: release
	@scripts/bench build/release

format:
	clang-format -i $(SOURCES)

format-check:
	@clang-format --dry-run --Werror $(SOURCES) && echo "format-check: $(words $(SOURCES)) files formatted"

clean:
	rm -rf build
