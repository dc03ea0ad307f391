# envprofile-operator. `make help` lists the targets.
SHELL := /bin/bash
MVN ?= mvn -B -ntp
JAR := operator/target/envprofile.jar
SAMPLE ?= samples/shop
PROFILE ?= $(SAMPLE)/profiles/production-secret.yaml

.DEFAULT_GOAL := help

-include operator/src/test/cluster/cluster.mk

.PHONY: help
help: ## List the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  \033[36m%-14s\033[0m %s\n", $$1, $$2}' $(MAKEFILE_LIST)

.PHONY: build
build: $(JAR) ## Build the self-contained jar (operator/target/envprofile.jar)

$(JAR): pom.xml operator/pom.xml $(shell find operator/src/main -type f 2>/dev/null)
	$(MVN) -q package -DskipTests

.PHONY: run
run: build ## Promote a sample namespace to production and print its parity before and after
	@echo "== $(SAMPLE): audit of the dev manifests against $(PROFILE)"
	@java -jar $(JAR) audit --profile $(PROFILE) -f $(SAMPLE)/manifests -o table
	@echo
	@echo "== promote: the production manifests are in target/promoted.yaml"
	@mkdir -p target && java -jar $(JAR) promote --profile $(PROFILE) -f $(SAMPLE)/manifests > target/promoted.yaml
	@echo
	@echo "== audit of the promoted manifests"
	@java -jar $(JAR) audit --profile $(PROFILE) -f target/promoted.yaml -o table

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

.PHONY: goldens
goldens: build ## Regenerate the samples' golden files (review the diff before committing)
	ENVPROFILE_UPDATE_GOLDENS=true $(MVN) -q test -Dtest=SamplesGoldenTest -Dsurefire.failIfNoSpecifiedTests=false

.PHONY: bench
bench: ## Run the engine benchmarks (JMH) and print objects/s
	$(MVN) -q test-compile -DskipTests
	$(MVN) -q exec:exec -pl operator -Dexec.executable=java -Dexec.classpathScope=test \
	  -Dexec.args="-cp %classpath org.openjdk.jmh.Main -f 1 -wi 2 -i 3 -w 2s -r 3s dev.envprofile.bench"

.PHONY: docs
docs: ## Regenerate docs/checks.md and docs/api.md from the catalog and the CRD
	$(MVN) -q compile
	$(MVN) -q exec:java -pl operator -Dexec.mainClass=dev.envprofile.cli.docs.DocsGenerator -Dexec.args="$(CURDIR)"

.PHONY: chart
chart: cluster-bins ## Copy the CRD into the Helm chart, lint it and package it (operator/target/envprofile-operator-*.tgz)
	cp crds/*.yaml helm/envprofile-operator/crds/
	@helm=$$($(CLUSTER_DIR)/build.sh)/helm; $$helm lint --strict helm/envprofile-operator && $$helm package helm/envprofile-operator -d operator/target
