# make test: installs what the tests need, then runs every test (what CI runs), with a
#            throwaway PostgreSQL server for the case store's tests.
# make fuzz: runs every fuzz target for FUZZTIME (30s) each.
# make run:  scans a real OpenVPN capture from testdata with the built-in rules.
# make release: static binaries for amd64 and arm64, .debs (nfpm), tarballs and
#            SHA256SUMS in dist/ (scripts/release.sh; VERSION=1.2.0 to name one).
# make units: deploy/aupscand.service (the source install's) from its template.
GO ?= go

.PHONY: test deps vet build bench fuzz run release units

test: deps vet
	./scripts/with-postgres.sh $(GO) test -count=1 -timeout 60m ./...

deps:
	./scripts/test-deps.sh

# make vet: go vet and staticcheck (installed by scripts/test-deps.sh); either's
# finding fails the build.
STATICCHECK ?= $(shell $(GO) env GOPATH)/bin/staticcheck
vet:
	$(GO) vet ./...
	$(STATICCHECK) ./...

build:
	$(GO) build -o bin/ ./cmd/...

release:
	GO=$(GO) ./scripts/release.sh

units: deploy/aupscand.service
deploy/aupscand.service: deploy/aupscand.service.in
	sed 's|@BINDIR@|/usr/local/bin|g' $< > $@

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

# make fuzz: every native fuzz target for FUZZTIME each (default 30s), one after another.
FUZZTIME ?= 30s
fuzz:
	FUZZTIME=$(FUZZTIME) ./scripts/fuzz.sh

run:
	$(GO) run ./cmd/aupscan pcap testdata/pcap/openvpn-real.pcap || test $$? -eq 1
