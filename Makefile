# peergraph: build, install and uninstall. `swift build` and `swift test` need nothing from here.
#   make                        the release binary (.build/release/peergraph; needs the Swift toolchain to run)
#   make static                 a binary without the toolchain's libraries (--static-swift-stdlib; on Debian
#                               it links only with libcurl4-openssl-dev installed: FoundationNetworking uses libcurl)
#   make install [PREFIX=/usr/local] [DESTDIR=]   the static binary, the man page, bash/zsh/fish completions
#   make uninstall [PREFIX=/usr/local] [DESTDIR=] removes exactly what install put there
PREFIX ?= /usr/local
DESTDIR ?=
SWIFT ?= swift
STATIC := .build/static/release/peergraph
# macOS has no static Swift standard library; its binary links the system's Swift runtime, which every
# macOS since 10.14.4 carries, so the plain release build is the one to install there.
ifeq ($(shell uname -s),Darwin)
STATIC_FLAGS :=
else
STATIC_FLAGS := --static-swift-stdlib
endif
BIN := $(DESTDIR)$(PREFIX)/bin
MAN := $(DESTDIR)$(PREFIX)/share/man/man1
BASH := $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSH := $(DESTDIR)$(PREFIX)/share/zsh/site-functions
FISH := $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
INSTALLED := $(BIN)/peergraph $(MAN)/peergraph.1 $(BASH)/peergraph $(ZSH)/_peergraph $(FISH)/peergraph.fish

.PHONY: all static install uninstall

all:
	$(SWIFT) build -c release --product peergraph

static:
	$(SWIFT) build -c release $(STATIC_FLAGS) --build-path .build/static --product peergraph

# The generated files come from the binary being installed, so they always match its options.
install: static
	install -d $(BIN) $(MAN) $(BASH) $(ZSH) $(FISH)
	install -m 0755 -s $(STATIC) $(BIN)/peergraph
	$(STATIC) --help-man > $(MAN)/peergraph.1.tmp && mv $(MAN)/peergraph.1.tmp $(MAN)/peergraph.1
	$(STATIC) completions bash > $(BASH)/peergraph.tmp && mv $(BASH)/peergraph.tmp $(BASH)/peergraph
	$(STATIC) completions zsh > $(ZSH)/_peergraph.tmp && mv $(ZSH)/_peergraph.tmp $(ZSH)/_peergraph
	$(STATIC) completions fish > $(FISH)/peergraph.fish.tmp && mv $(FISH)/peergraph.fish.tmp $(FISH)/peergraph.fish
	chmod 0644 $(MAN)/peergraph.1 $(BASH)/peergraph $(ZSH)/_peergraph $(FISH)/peergraph.fish

uninstall:
	rm -f $(INSTALLED)
