package dev.envprofile.engine.workload;

import dev.envprofile.engine.Settings;
import dev.envprofile.engine.checks.WorkloadCheck;
import dev.envprofile.engine.facts.Facts;
import dev.envprofile.engine.inventory.Inventory;
import dev.envprofile.engine.inventory.Workload;
import dev.envprofile.engine.model.CheckInfo;
import dev.envprofile.engine.model.Fix;
import dev.envprofile.engine.model.Severity;

/** {@code workload.single-instance}: a server that keeps its state in memory. */
public final class SingleInstanceCheck extends WorkloadCheck {
  public SingleInstanceCheck() {
    super(CheckInfo.of("workload.single-instance", Severity.WARNING, Fix.NO,
        "A workload runs a server that keeps its state in memory: Consul or Vault in dev mode, a service registry (Eureka, Spring Cloud discovery/config), a tracing all-in-one (Jaeger, Zipkin with in-memory storage), a dev stand-in (LocalStack, MailHog, Mailpit), or Prometheus/Grafana/Loki without a persistent volume. N replicas would be N separate servers, and a restart loses everything.",
        "Nothing: it is never scaled, and gets no PodDisruptionBudget, spread or autoscaler. Run the server in its clustered mode with persistent storage, or a managed service.",
        "Deployment/consul running consul agent -dev"));
  }

  @Override
  protected Verdict verdict(Workload w, Inventory inventory, Facts facts, Settings settings) {
    String what = InMemoryServers.of(w, facts);
    if (what == null) {
      return pass();
    } else {
      return fail(false, w + " runs " + what
          + ": it keeps state in memory; N replicas would be N separate servers, so it is not scaled");
    }
  }
}
