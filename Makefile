# envprofile-operator. `make help` lists the targets.
SHELL := /bin/bash
# -B and style.color=never: no ANSI colour codes from Maven in logs and pipes.
MVN ?= mvn -B -ntp -Dstyle.color=never
JAR := operator/target/envprofile.jar
JSA := operator/target/envprofile.jsa
SAMPLE ?= samples/shop
PROFILE ?= $(SAMPLE)/profiles/production-secret.yaml

.DEFAULT_GOAL := help

-include operator/src/test/cluster/cluster.mk

.PHONY: help
help: ## List the targets (in colour on a terminal only; NO_COLOR turns it off)
	@if [ -t 1 ] && [ -z "$${NO_COLOR:-}" ]; then on='\033[36m'; off='\033[0m'; else on=; off=; fi; \
	awk -v on="$$on" -v off="$$off" 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  %s%-14s%s %s\n", on, $$1, off, $$2}' $(MAKEFILE_LIST)

.PHONY: build
build: $(JAR) $(JSA) ## Build the self-contained jar and the CLI's class-data archive (bin/envprofile uses both)

# Maven 3.8 writes colour resets (ESC[0m) at exit even in batch mode: the filter keeps them out of
# `make run` and of logs (the build's exit status is kept).
NO_ANSI := sed -u 's/\x1b\[[0-9;]*m//g'

$(JAR): pom.xml operator/pom.xml $(shell find operator/src/main -type f 2>/dev/null)
	@echo "build: $(MVN) -q package -DskipTests"
	@set -o pipefail; $(MVN) -q package -DskipTests 2>&1 | $(NO_ANSI)

# AppCDS: one training run (a promote that also renders the JSON report) records the classes the
# CLI loads; bin/envprofile maps them at start instead of loading and verifying them.
$(JSA): $(JAR)
	@rm -f $(JSA)
	@echo "build: class-data archive $(JSA) (one training run of promote)"
	@java -XX:ArchiveClassesAtExit=$(JSA) -Xlog:disable -jar $(CURDIR)/$(JAR) promote --profile $(PROFILE) -f $(SAMPLE)/manifests --report /dev/null > /dev/null 2>&1

.PHONY: run
run: build ## Promote a sample namespace to production and print its parity before and after
	@echo "== $(SAMPLE): audit of the dev manifests against $(PROFILE)"
	@bin/envprofile audit --profile $(PROFILE) -f $(SAMPLE)/manifests -o table
	@echo
	@echo "== promote: the production manifests are in target/promoted.yaml"
	@mkdir -p target && bin/envprofile promote --profile $(PROFILE) -f $(SAMPLE)/manifests > target/promoted.yaml
	@echo
	@echo "== audit of the promoted manifests"
	@bin/envprofile audit --profile $(PROFILE) -f target/promoted.yaml -o table
	@echo
	@echo "== next"
	@echo "  read what changed:   target/promoted.yaml, and docs/rewrites.md for why"
	@echo "  try the operator:    make demo   (a local control plane, the shop sample, parity rising; stops itself)"
	@echo "  step by step:        docs/getting-started.md"

.PHONY: test
test: cluster-bins ## Run unit and integration tests (builds the test control plane first, cached)
	$(MVN) verify

.PHONY: unit
unit: ## Run the unit tests only (no control plane)
	$(MVN) test

.PHONY: crds
crds: ## Regenerate the CRD into crds/ (and the chart)
	$(MVN) -q process-classes
	cp operator/target/classes/META-INF/fabric8/environmentprofiles.envprofile.dev-v1.yml crds/environmentprofiles.envprofile.dev-v1.yaml
	@if [ -d helm/envprofile-operator/crds ]; then cp crds/*.yaml helm/envprofile-operator/crds/; fi

.PHONY: format
format: ## Order imports, drop unused ones and trailing whitespace (the build checks it in make test)
	$(MVN) -q spotless:apply -pl operator

.PHONY: chart-rules
chart-rules: ## Regenerate the chart's RBAC rules from the kind registry
	ENVPROFILE_UPDATE_GOLDENS=true $(MVN) -q test -Dtest=ChartRulesUpToDateTest -Dsurefire.failIfNoSpecifiedTests=false

.PHONY: goldens
goldens: build ## Regenerate the samples' golden files (review the diff before committing)
	ENVPROFILE_UPDATE_GOLDENS=true $(MVN) -q test -Dtest=SamplesGoldenTest,WritePlanGoldenTest,RevertRoundTripTest -Dsurefire.failIfNoSpecifiedTests=false

BENCH := operator/target/bench
BENCH_SIZES ?= 100 1000 10000 100000
TEST_CP = $(CURDIR)/operator/target/test-classes:$(CURDIR)/operator/target/classes:$$(cat $(BENCH)/classpath.txt)

.PHONY: bench bench-engine bench-cli bench-repository bench-operator bench-classpath
bench: bench-engine bench-cli bench-repository bench-operator ## Run every benchmark and write the numbers and the plot into docs/performance.md (about 90 minutes: the peers time out at 100,000 objects)
	operator/src/test/bench/report.sh

bench-classpath: build
	@mkdir -p $(BENCH)
	$(MVN) -q test-compile
	$(MVN) -q -pl operator dependency:build-classpath -Dmdep.outputFile=$(CURDIR)/$(BENCH)/classpath.txt -Dmdep.includeScope=test

bench-engine: bench-classpath ## JMH: audit and promote per run, objects/s and bytes allocated per object
	java -cp "$(TEST_CP)" org.openjdk.jmh.Main -f 1 -wi 2 -i 3 -w 2s -r 3s -prof gc \
	  -rf csv -rff $(BENCH)/jmh.csv dev.envprofile.bench | tee $(BENCH)/jmh.log

bench-cli: bench-classpath ## envprofile audit against kube-score (and Polaris when it builds) with hyperfine, and the plot
	operator/src/test/bench/compare.sh "$(TEST_CP)" $(BENCH_SIZES)

bench-repository: bench-classpath ## A GitOps repository in one run: audit of 400 namespaces (10,000 objects) against kube-score on the same file
	operator/src/test/bench/repository.sh "$(TEST_CP)" 400 10000

bench-operator: bench-classpath cluster-bins operator-archive ## The operator at scale on a control plane of its own (25, 50 and 100 namespaces of 10 workloads; 100 watched objects per namespace), with the image's JVM flags
	java -cp "$(TEST_CP)" -Denvprofile.clusterDir=$(CURDIR)/$(BENCH)/cluster dev.envprofile.it.support.ScaleBench 25 10 2500 250 8 $(CURDIR)/$(BENCH)/scale-25.json
	java -cp "$(TEST_CP)" -Denvprofile.clusterDir=$(CURDIR)/$(BENCH)/cluster dev.envprofile.it.support.ScaleBench 50 10 5000 500 15 $(CURDIR)/$(BENCH)/scale-50.json
	java -cp "$(TEST_CP)" -Denvprofile.clusterDir=$(CURDIR)/$(BENCH)/cluster dev.envprofile.it.support.ScaleBench

# The operator's class-data archive, as the Dockerfile dumps it: from the committed class list, by
# the JDK that runs it (ScaleBench uses operator/target/operator.jsa when it exists).
OPERATOR_CLASSLIST := operator/src/main/docker/operator.classlist
.PHONY: operator-archive operator-classlist
operator-archive: $(JAR) ## The operator's class-data archive (operator/target/operator.jsa), as the image makes it
	@rm -f operator/target/operator.jsa
	java -Xshare:dump -XX:SharedClassListFile=$(OPERATOR_CLASSLIST) -XX:SharedArchiveFile=$(CURDIR)/operator/target/operator.jsa -Xlog:cds=error -cp $(CURDIR)/$(JAR)

operator-classlist: bench-classpath cluster-bins ## Record the classes the operator loads in a small scale run (10 namespaces, 10,000 watched objects) into $(OPERATOR_CLASSLIST)
	@rm -f operator/target/operator.jsa
	java -cp "$(TEST_CP)" -Denvprofile.clusterDir=$(CURDIR)/$(BENCH)/cluster -Denvprofile.noOperatorArchive=true \
	  "-Denvprofile.operatorJvmFlags=-XX:DumpLoadedClassList=$(CURDIR)/operator/target/operator.classlist" \
	  dev.envprofile.it.support.ScaleBench 10 10 10000 1000 3 $(CURDIR)/$(BENCH)/scale-classlist.json
	grep -v '^#' operator/target/operator.classlist | awk '!seen[$$0]++' > $(OPERATOR_CLASSLIST)

.PHONY: docs
docs: ## Regenerate docs/checks.md and docs/api.md from the catalog and the CRD
	@set -o pipefail; $(MVN) -q compile 2>&1 | $(NO_ANSI)
	@set -o pipefail; $(MVN) -q exec:java -pl operator -Dexec.mainClass=dev.envprofile.cli.docs.DocsGenerator -Dexec.args="$(CURDIR)" 2>&1 | $(NO_ANSI)
	@echo "docs: wrote docs/checks.md and docs/api.md"

.PHONY: chart
chart: cluster-bins ## Copy the CRD into the Helm chart, lint it and package it (operator/target/envprofile-operator-*.tgz)
	cp crds/*.yaml helm/envprofile-operator/crds/
	@helm=$$($(CLUSTER_DIR)/build.sh)/helm; $$helm lint --strict helm/envprofile-operator && $$helm package helm/envprofile-operator -d operator/target
