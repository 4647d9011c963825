# The public interface: make, make test, make bench, make demo.
# Meson + Ninja do the work; every target that needs packages installs them.

BUILD      ?= build
ASAN_BUILD ?= build-asan
MESON_OPTS ?=
# In CI (CI=true) a compiler warning fails the build.
ifeq ($(CI),true)
MESON_OPTS += -Dwerror=true
endif

.PHONY: all deps build asan test bench demo clean

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

test: build asan
	tests/run $(BUILD) $(ASAN_BUILD)

SIZE ?= 100k
bench: build
	SIZE=$(SIZE) bench/run $(BUILD)

demo: build
	scripts/demo $(BUILD)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD)
