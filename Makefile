# Build, install and package marrow like any Unix program.
#
#   make                  the static release executable, its man page and completions
#   make install          into PREFIX (default /usr/local), under DESTDIR if given
#   make uninstall        removes exactly what make install put there
#   make deb              .build/marrow_<version>-1_<arch>.deb (Debian revision 1)
#
# make install does not build: run make first (as yourself), then
# sudo make install. Everything is built under .build/.

# bash, so a failing command in a pipe fails the rule.
SHELL = /bin/bash
.SHELLFLAGS = -o pipefail -c

PREFIX ?= /usr/local
DESTDIR ?=
SWIFT ?= swift

bindir = $(PREFIX)/bin
man1dir = $(PREFIX)/share/man/man1
bashcompdir = $(PREFIX)/share/bash-completion/completions
zshcompdir = $(PREFIX)/share/zsh/site-functions
fishcompdir = $(PREFIX)/share/fish/vendor_completions.d

# The README's release build: one static file, no dynamic linker at launch.
SWIFT_BUILD = $(SWIFT) build -c release --static-swift-stdlib -Xswiftc -static-executable
BIN = .build/release/marrow
GENERATE_MANUAL = .build/release/generate-manual
DIST = .build/dist
MANPAGE = $(DIST)/marrow.1
BASH_COMPLETION = $(DIST)/marrow.bash
ZSH_COMPLETION = $(DIST)/_marrow
FISH_COMPLETION = $(DIST)/marrow.fish

# What the executable is built from: the sources, the plugin and the course it embeds.
SOURCES = Package.swift $(shell find Sources Plugins Lessons -type f 2>/dev/null)

# The version is the one `marrow --version` prints (MarrowCommand.version).
VERSION = $(shell $(BIN) --version | head -n 1)
ARCH = $(shell dpkg --print-architecture 2>/dev/null || echo amd64)
DEB_ROOT = .build/deb/root

.PHONY: all install uninstall deb clean-dist
all: $(BIN) $(MANPAGE) $(BASH_COMPLETION) $(ZSH_COMPLETION) $(FISH_COMPLETION)

$(BIN): $(SOURCES)
	$(SWIFT_BUILD)
	@touch $@

# swift-argument-parser's generate-manual tool (the tool of its generate-manual
# plugin), built with the same flags so the release build above is reused.
# `swift package plugin generate-manual` itself would build every product again
# in release without the static flags, over .build/release/marrow.
$(GENERATE_MANUAL): $(BIN)
	$(SWIFT_BUILD) --product generate-manual
	@touch $@

$(MANPAGE): $(BIN) $(GENERATE_MANUAL) Scripts/build-manual Scripts/manual/description.mdoc Scripts/manual/after-keys.mdoc
	Scripts/build-manual $(BIN) $(GENERATE_MANUAL) $@

# Without the generator's #!/bin/bash: bash-completion sources the file.
$(BASH_COMPLETION): $(BIN)
	@mkdir -p $(DIST)
	$(BIN) --generate-completion-script bash | sed '1{/^#!/d;}' > $@.tmp && mv $@.tmp $@

$(ZSH_COMPLETION): $(BIN)
	@mkdir -p $(DIST)
	$(BIN) --generate-completion-script zsh > $@.tmp && mv $@.tmp $@

$(FISH_COMPLETION): $(BIN)
	@mkdir -p $(DIST)
	$(BIN) --generate-completion-script fish > $@.tmp && mv $@.tmp $@

install:
	@for f in $(BIN) $(MANPAGE) $(BASH_COMPLETION) $(ZSH_COMPLETION) $(FISH_COMPLETION); do \
	  [ -f "$$f" ] || { echo "make install: $$f is missing: run make first" >&2; exit 1; }; \
	done
	install -d "$(DESTDIR)$(bindir)" "$(DESTDIR)$(man1dir)" "$(DESTDIR)$(bashcompdir)" "$(DESTDIR)$(zshcompdir)" "$(DESTDIR)$(fishcompdir)"
	install -m 755 $(BIN) "$(DESTDIR)$(bindir)/marrow"
	install -m 644 $(MANPAGE) "$(DESTDIR)$(man1dir)/marrow.1"
	install -m 644 $(BASH_COMPLETION) "$(DESTDIR)$(bashcompdir)/marrow"
	install -m 644 $(ZSH_COMPLETION) "$(DESTDIR)$(zshcompdir)/_marrow"
	install -m 644 $(FISH_COMPLETION) "$(DESTDIR)$(fishcompdir)/marrow.fish"

uninstall:
	rm -f "$(DESTDIR)$(bindir)/marrow" "$(DESTDIR)$(man1dir)/marrow.1" \
	  "$(DESTDIR)$(bashcompdir)/marrow" "$(DESTDIR)$(zshcompdir)/_marrow" "$(DESTDIR)$(fishcompdir)/marrow.fish"

# The Debian package: the files of make install under /usr, the executable
# stripped, the man page and changelog compressed as Debian policy asks.
deb: all
	rm -rf $(DEB_ROOT)
	$(MAKE) install DESTDIR="$(abspath $(DEB_ROOT))" PREFIX=/usr
	rm -f .build/marrow_*.deb
	Scripts/build-deb $(DEB_ROOT) $(VERSION) $(ARCH) .build

clean-dist:
	rm -rf $(DIST) .build/deb .build/marrow_*.deb
