# The public interface: make, make test, make bench, make demo.
# Meson + Ninja do the work; every target that needs packages installs them.

BUILD      ?= build
ASAN_BUILD ?= build-asan
FUZZ_BUILD ?= build-fuzz
FUZZ_TIME  ?= 600
MESON_OPTS ?=
# In CI (CI=true) a compiler warning fails the build.
ifeq ($(CI),true)
MESON_OPTS += -Dwerror=true
endif

.PHONY: all deps build asan fuzz-build fuzz test bench demo clean

all: build

deps:
	@scripts/install-deps

$(BUILD)/build.ninja: | deps
	meson setup $(BUILD) $(MESON_OPTS) --buildtype=debugoptimized

$(ASAN_BUILD)/build.ninja: | deps
	meson setup $(ASAN_BUILD) $(MESON_OPTS) --buildtype=debug -Db_sanitize=address,undefined -Db_lundef=false

build: deps $(BUILD)/build.ninja
	ninja -C $(BUILD)

asan: deps $(ASAN_BUILD)/build.ninja
	ninja -C $(ASAN_BUILD)

# libFuzzer targets (clang): `make fuzz` runs each FUZZ_TIME seconds
# (default 600); make test runs each for a short smoke time (t_fuzz.sh).
# Not -Dwerror: clang warns where gcc (the CI's compiler of record) does not.
$(FUZZ_BUILD)/build.ninja: | deps
	CC=clang meson setup $(FUZZ_BUILD) $(filter-out -Dwerror=true,$(MESON_OPTS)) -Dfuzz=true --buildtype=debug \
		-Db_sanitize=address,undefined -Db_lundef=false

fuzz-build: deps $(FUZZ_BUILD)/build.ninja
	ninja -C $(FUZZ_BUILD) tests/fuzz/fuzz_values tests/fuzz/fuzz_layout tests/fuzz/fuzz_parse \
		tests/fuzz/fuzz_profile tests/fuzz/fuzz_msg tests/fuzz/fuzz_api

fuzz: fuzz-build
	tests/fuzz/run $(FUZZ_BUILD) $(FUZZ_TIME)

test: build asan fuzz-build
	tests/run $(BUILD) $(ASAN_BUILD)

SIZE ?= 100k
bench: build
	SIZE=$(SIZE) bench/run $(BUILD)

demo: build
	scripts/demo $(BUILD)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(FUZZ_BUILD)
