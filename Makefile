# Passerelle: set-up and everyday commands. See README.md.
#
#   make demo   install missing system packages (as root), build, run the main job
#   make test   the same set-up, then the whole test suite
#   make bench  the benchmarks in Benchmarks/
#   make install PREFIX=~/.local   the binary, its schemas and themes (works once the clone is gone)

SWIFT ?= swift
APT_PACKAGES := pkg-config libicu-dev libxml2-dev libstemmer-dev libhyphen-dev hyphen-de hyphen-fr hyphen-en-us zlib1g-dev git python3-venv msmtp weasyprint
RELEASE_FLAGS := -c release --static-swift-stdlib
RELEASE_BIN := .build/release/passerelle
PREFIX ?= /usr/local

.PHONY: deps build release demo test test-deps test-venv bench fuzz fuzz-run clean install install-files

## deps: install the Debian packages Passerelle needs (or print the apt-get line)
deps:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = "0" ]; then \
	    echo "Installing:$$missing"; \
	    (apt-get install -y --no-install-recommends $$missing || (apt-get update && apt-get install -y --no-install-recommends $$missing)); \
	  else \
	    echo "Missing system packages. Run:"; echo "  sudo apt-get install -y$$missing"; exit 1; \
	  fi; \
	fi

build: deps
	$(SWIFT) build

## release: the shipped binary (static Swift runtime: keeps Foundation's ICU apart from Debian's)
release: deps
	$(SWIFT) build $(RELEASE_FLAGS)

demo: release
	@mkdir -p out
	@echo "== passerelle terms lint (glossaries/)"
	@$(RELEASE_BIN) terms lint
	@echo; echo "== passerelle terms stats"
	@$(RELEASE_BIN) terms stats
	@echo; echo "== passerelle terms list --lang de --sections"
	@$(RELEASE_BIN) terms list --lang de --sections
	@echo; echo "== passerelle terms lookup 'economies sociales' --lang fr"
	@$(RELEASE_BIN) terms lookup "economies sociales" --lang fr
	@echo; echo "== passerelle terms lookup Philanthropie --lang de"
	@$(RELEASE_BIN) terms lookup Philanthropie --lang de
	@echo; echo "== passerelle terms convert glossaries out/passerelle-ess.tbx (TBX v2, what CAT tools import; and TBX v3, .csv)"
	@$(RELEASE_BIN) terms convert glossaries out/passerelle-ess.tbx
	@$(RELEASE_BIN) terms convert glossaries out/passerelle-ess-v3.tbx --to tbx3
	@$(RELEASE_BIN) terms convert glossaries out/passerelle-ess.csv
	@echo; echo "== passerelle validate; passerelle status (content/)"
	@$(RELEASE_BIN) validate
	@$(RELEASE_BIN) status
	@echo; echo "== passerelle render content/*.xml -> out/*.html, *.md, *.txt (parallel)"
	@for doc in charter newsletter-2019-07 newsletter-2021-01; do \
	  for format in html md txt; do \
	    $(RELEASE_BIN) render content/$$doc.xml --format $$format --glossary-appendix -o out/$$doc.$$format || exit 1; \
	  done; \
	done
	@$(RELEASE_BIN) render content/charter.xml --layout stacked -o out/charter-stacked.html
	@$(RELEASE_BIN) render content/charter.xml --layout single --lang de -o out/charter-de.html
	@ls out/*.html out/*.md out/*.txt
	@echo; echo "== passerelle render content/charter.xml -> out/charter*.docx, *.odt, *.pdf (fr+de side by side, and each language alone)"
	@for format in docx odt pdf; do \
	  $(RELEASE_BIN) render content/charter.xml --lang fr,de -o out/charter-fr-de.$$format || exit 1; \
	  for lang in fr de; do $(RELEASE_BIN) render content/charter.xml --layout single --lang $$lang -o out/charter-$$lang.$$format || exit 1; done; \
	done
	@ls -l out/charter*.docx out/charter*.odt out/charter*.pdf
	@echo; echo "== passerelle extract content/charter.xml --to de -> out/charter.fr-de.xlf (XLIFF 2.1) and out/charter.fr-de.v12.xlf (1.2), for a CAT tool"
	@$(RELEASE_BIN) extract content/charter.xml --to de -o out/charter.fr-de.xlf
	@$(RELEASE_BIN) extract content/charter.xml --to de --xliff 1.2 -o out/charter.fr-de.v12.xlf
	@$(RELEASE_BIN) validate out/charter.fr-de.xlf out/charter.fr-de.v12.xlf
	@echo; echo "== passerelle merge: a copy of the charter in out/merge-demo/ loses its German preamble heading; the translator's file brings it back"
	@rm -rf out/merge-demo && mkdir -p out/merge-demo && cp -R content out/merge-demo/
	@sed -i '/<text xml:lang="de" from="b2cf0573">Präambel<\/text>/d' out/merge-demo/content/charter.xml
	@$(RELEASE_BIN) extract out/merge-demo/content/charter.xml --to de --only missing -o out/merge-demo/missing.xlf
	@sed 's|<source>Préambule</source>|<source>Préambule</source><target>Präambel</target>|' out/merge-demo/missing.xlf > out/merge-demo/returned.xlf
	@$(RELEASE_BIN) merge out/merge-demo/content/charter.xml out/merge-demo/returned.xlf
	@grep -n -A1 '<text xml:lang="fr">Préambule</text>' out/merge-demo/content/charter.xml
	@echo; echo "== passerelle render content/newsletter-*.xml --format eml -> out/mail/ (one message per language; settings: content/mail.toml)"
	@mkdir -p out/mail
	@$(RELEASE_BIN) render content/newsletter-2019-07.xml content/newsletter-2021-01.xml --format eml -o out/mail/
	@ls -l out/mail/*.eml
	@echo; echo "== passerelle check content/*.xml (terms of the translations against the termbase; HTML report in out/)"
	@$(RELEASE_BIN) check content/charter.xml content/newsletter-2019-07.xml content/newsletter-2021-01.xml
	@$(RELEASE_BIN) check content/charter.xml content/newsletter-2019-07.xml content/newsletter-2021-01.xml --format html -o out/check-report.html
	@echo; echo "== passerelle sort --locale de-u-co-phonebk samples/words-fr-de.txt"
	@$(RELEASE_BIN) sort --locale de-u-co-phonebk samples/words-fr-de.txt

## test-venv: the Python reference tools the tests compare with (translate-toolkit; aiosmtpd, an SMTP server on 127.0.0.1 for passerelle send; mrml, MJML's Rust port, for the e-mail HTML; python-docx for DOCX), in .venv-test/
TEST_VENV := .venv-test
test-venv: deps
	@test -x $(TEST_VENV)/bin/tbx2po -a -x $(TEST_VENV)/bin/aiosmtpd -a -f $(TEST_VENV)/.has-docx || { python3 -m venv $(TEST_VENV) && $(TEST_VENV)/bin/pip install --quiet --disable-pip-version-check translate-toolkit aiosmtpd mrml python-docx && touch $(TEST_VENV)/.has-docx; }

## test-deps: what only the tests need from Debian (Chromium lays the e-mail HTML out; pandoc and LibreOffice read the DOCX and ODT; pdftotext reads the PDFs; xmllint checks the XLIFF against the OASIS schemas)
test-deps:
	@$(MAKE) --no-print-directory deps APT_PACKAGES="$(APT_PACKAGES) chromium pandoc poppler-utils libreoffice-writer-nogui libxml2-utils"

test: release test-venv test-deps
	PASSERELLE_RELEASE_BIN=$(CURDIR)/$(RELEASE_BIN) PASSERELLE_TEST_VENV=$(CURDIR)/$(TEST_VENV) $(SWIFT) test

## fuzz: libFuzzer over every loader and renderer (not part of make test), built optimised with
##   AddressSanitizer. FUZZ_SECONDS per target (default 60), or FUZZ_RUNS executions per target;
##   FUZZ_TARGETS to choose; crashes, leaks and time-outs are written to Fuzz/findings/; the
##   hyphenation and validation caches of the fuzzed inputs go to Fuzz/work/cache, not the user's.
##   fuzz-run runs the fuzzer built last without building it again.
FUZZ_SECONDS ?= 60
FUZZ_RUNS ?=
FUZZ_MAX_LEN ?= 8192
## FUZZ_TIMEOUT: seconds one input may take; the render targets get 60 (libhyphen takes ~2 s to load
##   the German patterns when a word misses the hyphenation cache, over 10 s under AddressSanitizer)
FUZZ_TIMEOUT ?= 10
FUZZ_TARGETS ?= content glossaryNative glossaryTBX glossaryCSV xliff12 xliff2 tmx renderHTML renderMarkdown renderText
FUZZ_BIN = .build-fuzz/release/passerelle-fuzzer
CORPORA ?= ../shared/corpora
fuzz: deps
	PASSERELLE_FUZZ=1 $(SWIFT) build -c release --product passerelle-fuzzer -Xswiftc -sanitize=fuzzer,address --build-path .build-fuzz
	@$(MAKE) --no-print-directory fuzz-run

fuzz-run:
	@test -x $(FUZZ_BIN) || { echo "No $(FUZZ_BIN): run make fuzz"; exit 1; }
	@mkdir -p Fuzz/findings
	@for target in $(FUZZ_TARGETS); do \
	  seeds=Fuzz/work/$$target; mkdir -p $$seeds; \
	  case $$target in \
	    content|render*) cp content/*.xml content/items/*.xml $$seeds/ ;; \
	    glossaryNative) cp glossaries/*.xml $$seeds/ ;; \
	    glossaryTBX) find $(CORPORA)/tbx2-iate-lisa $(CORPORA)/tbx3-ltac -name '*.tbx' -size -200k -exec cp {} $$seeds/ \; 2>/dev/null ;; \
	    glossaryCSV) cp out/*.csv $$seeds/ 2>/dev/null; printf 'concept,language,term\r\nx,fr,a\r\n' > $$seeds/min.csv ;; \
	    xliff12) find $(CORPORA)/okapi-testdata $(CORPORA)/symfony-validator-xliff12 -name '*.xlf' -size -200k -exec cp {} $$seeds/ \; 2>/dev/null ;; \
	    xliff2) find $(CORPORA)/xliff2-oasis-testsuite -name '*.xlf' -size -200k -exec cp {} $$seeds/ \; 2>/dev/null ;; \
	    tmx) find $(CORPORA)/okapi-testdata -name '*.tmx' -size -200k -exec cp {} $$seeds/ \; 2>/dev/null ;; \
	  esac; \
	  find $(CORPORA)/payloadbox-xxe $(CORPORA)/defusedxml-testdata -type f -size -50k -exec cp {} $$seeds/ \; 2>/dev/null; \
	  limit=$$( [ -n "$(FUZZ_RUNS)" ] && echo "-runs=$(FUZZ_RUNS)" || echo "-max_total_time=$(FUZZ_SECONDS)" ); \
	  echo "== $$target ($$limit)"; start=$$(date +%s); \
	  timeout=$$(case $$target in render*) echo 60 ;; *) echo $(FUZZ_TIMEOUT) ;; esac); \
	  FUZZ_TARGET=$$target PASSERELLE_ROOT=$(CURDIR) XDG_CACHE_HOME=$(CURDIR)/Fuzz/work/cache LSAN_OPTIONS=suppressions=$(CURDIR)/Fuzz/lsan-suppressions.txt \
	    $(FUZZ_BIN) $$limit -max_len=$(FUZZ_MAX_LEN) -timeout=$$timeout -rss_limit_mb=4096 -dict=Fuzz/xml.dict \
	    -artifact_prefix=Fuzz/findings/$$target- -print_final_stats=1 $$seeds 2>&1 | grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb|==.*ERROR|SUMMARY)" || true; \
	  echo "seconds: $$(( $$(date +%s) - start ))"; \
	done
	@ls Fuzz/findings

bench: release
	bash Benchmarks/sort-benchmark.sh
	bash Benchmarks/render-benchmark.sh
	bash Benchmarks/check-benchmark.sh
	$(SWIFT) build -c release --product terminology-benchmark
	.build/release/terminology-benchmark

## install: PREFIX/bin/passerelle with PREFIX/share/passerelle/{schemas,templates}
install: release install-files

install-files:
	@test -x $(RELEASE_BIN) || { echo "No $(RELEASE_BIN): run make install (or make release first)"; exit 1; }
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/passerelle
	install -m 755 $(RELEASE_BIN) $(DESTDIR)$(PREFIX)/bin/passerelle
	rm -rf $(DESTDIR)$(PREFIX)/share/passerelle/schemas $(DESTDIR)$(PREFIX)/share/passerelle/templates
	cp -R schemas templates $(DESTDIR)$(PREFIX)/share/passerelle/
	@echo "Installed $(PREFIX)/bin/passerelle (schemas and themes in $(PREFIX)/share/passerelle)."
	@case ":$$PATH:" in *":$(PREFIX)/bin:"*) ;; *) echo "$(PREFIX)/bin is not on your PATH: add  export PATH=\"$(PREFIX)/bin:\$$PATH\"  to ~/.profile";; esac

clean:
	rm -rf .build out
