# Test control plane targets, included by the root Makefile.
CLUSTER_DIR ?= operator/src/test/cluster

.PHONY: cluster-bins
cluster-bins: ## Build (or reuse, cached by version) etcd, kube-apiserver, kube-controller-manager, kube-scheduler, kubectl, kwok, helm
	@command -v go >/dev/null || { echo "cluster-bins: Go is required (it builds the test control plane)"; exit 2; }
	@$(CLUSTER_DIR)/build.sh >/dev/null

.PHONY: cluster-up
cluster-up: cluster-bins build ## Start a local control plane on 127.0.0.1 with a volume provisioner (kubeconfig, kubectl, helm in operator/target/cluster)
	@kc=$$(ENVPROFILE_PROVISIONER=1 $(CLUSTER_DIR)/up.sh) && \
	echo "cluster-up: running on 127.0.0.1. To use it from this shell:" && \
	echo "  export KUBECONFIG=$$kc" && \
	echo "  export PATH=$$(dirname $$kc):\$$PATH   # kubectl and helm matching the cluster" && \
	echo "Stop it with: make cluster-down"

.PHONY: cluster-down
cluster-down: ## Stop the test control plane (and an operator started as docs/getting-started.md shows) and say what was stopped
	@$(CLUSTER_DIR)/down.sh

.PHONY: demo
demo: cluster-bins build ## Local control plane + shop sample + production profile + operator: watch parity rise, then stop
	@$(CLUSTER_DIR)/demo.sh
