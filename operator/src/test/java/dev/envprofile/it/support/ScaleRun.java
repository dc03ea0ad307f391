package dev.envprofile.it.support;

import dev.envprofile.api.EnvironmentProfile;
import dev.envprofile.api.EnvironmentProfileStatus.Phase;
import dev.envprofile.cli.ManifestReader;
import dev.envprofile.engine.inventory.Workload;
import dev.envprofile.operator.reconciler.WatchedKinds;
import dev.envprofile.testing.NamespaceGenerator;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * The operator at scale on the test control plane, as a separate process running as the chart's
 * ServiceAccount with the chart's RBAC: generated dev namespaces (one Enforce profile each), filler
 * ConfigMaps up to a number of watched objects, and unrelated Secrets it must not cache. Measured
 * from outside: the API server's audit log (requests and writes of the operator), the profiles'
 * phases, and jcmd (heap after a full GC).
 *
 * <p>Two runs of the operator: a cold start with every profile pending (start-up to the first
 * reconcile, time to all Promoted, requests and writes of the promotion); then a restart once all
 * are Promoted, whose reconcile of every profile is a no-op resync (writes: the goal is none).
 */
public final class ScaleRun {
  /** What to create. */
  public record Plan(String prefix, int namespaces, int workloadsPerNamespace, int watchedObjects, int unrelatedSecrets,
              int nodes, Duration promotedWithin) {}

  private static final Set<String> WATCHED_KINDS = WatchedKinds.KINDS.stream().map(Class::getSimpleName)
      .collect(java.util.stream.Collectors.toSet());

  private final ControlPlane cluster;
  private final KubernetesClient admin;
  private final Plan plan;
  private final AuditLog audit;
  private String currentLog;

  public ScaleRun(ControlPlane cluster, Plan plan) {
    this.cluster = cluster;
    this.admin = cluster.client();
    this.plan = plan;
    this.audit = cluster.auditLog();
  }

  public ScaleResult run() throws Exception {
    installCrds();
    removeLeftovers();
    Chart.install(cluster);
    addNodes();
    List<String> namespaces = IntStream.range(0, plan.namespaces()).mapToObj(i -> "%s-%03d".formatted(plan.prefix(), i)).toList();
    int[] counts = populate(namespaces);
    awaitDevWorkloads();
    Path kubeconfig = Chart.kubeconfig(cluster, OperatorProcess.log(plan.prefix() + "-sa").resolveSibling(plan.prefix() + ".kubeconfig"));

    awaitQuietControlPlane();
    long coldMark = audit.mark();
    Map<String, Duration> planeBefore = ProcessStats.controlPlaneCpu(cluster);
    Instant coldStart = Instant.now();
    Process operator = start(kubeconfig, "cold");
    Instant allPromoted;
    List<String> notPromoted;
    Duration coldCpu;
    Duration warmCpu;
    Map<String, Duration> planeCpu;
    try {
      notPromoted = awaitPromoted(operator, namespaces, coldStart.plus(plan.promotedWithin()));
      allPromoted = notPromoted.isEmpty() ? Instant.now() : null;
      coldCpu = ProcessStats.cpu(operator);
      planeCpu = ProcessStats.minus(ProcessStats.controlPlaneCpu(cluster), planeBefore);
      settle(coldMark);
    } finally {
      stop(operator);
    }
    List<AuditLog.Entry> cold = ours(audit.requests(coldMark));
    Instant firstReconcile = OperatorRequests.firstReconcile(cold);
    Instant firstPass = OperatorRequests.firstPassDone(cold, namespaces);

    awaitQuietControlPlane();
    long warmMark = audit.mark();
    Instant warmStart = Instant.now();
    operator = start(kubeconfig, "restart");
    long heap;
    List<AuditLog.Entry> warm;
    try {
      awaitReconciled(operator, warmMark, namespaces);
      settle(warmMark);
      warm = ours(audit.requests(warmMark));
      warmCpu = ProcessStats.cpu(operator);
      heap = ProcessStats.heapAfterFullGc(operator);
    } finally {
      stop(operator);
    }
    Instant firstAfterRestart = OperatorRequests.firstReconcile(warm);
    return new ScaleResult(plan, counts[0], counts[1], counts[2], between(coldStart, firstReconcile),
        between(coldStart, allPromoted), between(firstReconcile, allPromoted), cold.size(),
        OperatorRequests.writes(cold), between(warmStart, firstAfterRestart),
        OperatorRequests.reconciledNamespaces(warm).size(), warm.size(), OperatorRequests.writes(warm), heap,
        notPromoted, coldCpu, warmCpu, planeCpu, between(coldStart, firstPass));
  }

  /**
   * Deletes what the run created (namespaces and the extra nodes). The operator is stopped by then,
   * so the profiles' finalizers are removed first, as an uninstall would, or the namespaces would
   * wait for it forever.
   */
  public void cleanUp() {
    for (EnvironmentProfile p : admin.resources(EnvironmentProfile.class).inAnyNamespace().list().getItems()) {
      if (p.getMetadata().getNamespace().startsWith(plan.prefix() + "-") && !p.getMetadata().getFinalizers().isEmpty()) {
        admin.resources(EnvironmentProfile.class).inNamespace(p.getMetadata().getNamespace()).withName(p.getMetadata().getName())
            .edit(x -> {
              x.getMetadata().setFinalizers(List.of());
              return x;
            });
      }
    }
    for (int i = 0; i < plan.namespaces(); i++) {
      admin.namespaces().withName("%s-%03d".formatted(plan.prefix(), i)).delete();
    }
    admin.namespaces().withName(plan.prefix() + "-filler").delete();
    for (int n = 0; n < plan.nodes(); n++) {
      admin.nodes().withName(plan.prefix() + "-node-" + n).delete();
    }
  }

  /** A previous run's namespaces (an interrupted one's) are deleted and waited for: they would mix into the counts. */
  private void removeLeftovers() throws InterruptedException {
    cleanUp();
    Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
    while (admin.namespaces().list().getItems().stream().anyMatch(n -> n.getMetadata().getName().startsWith(plan.prefix() + "-"))) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("namespaces of an earlier run are still terminating after 10 minutes");
      }
      Thread.sleep(500);
    }
  }

  private void installCrds() {
    String out = cluster.kubectl("apply", "--server-side", "--force-conflicts", "-f", ControlPlane.root().resolve("crds").toString());
    String wait = cluster.kubectl("wait", "--for=condition=Established", "--timeout=60s", "crd/environmentprofiles.envprofile.dev");
    if (!wait.contains("condition met")) {
      throw new AssertionError("CRD not established: " + out + wait);
    }
  }

  /** kwok nodes for the run's pods (the control plane's three hold 110 pods each). */
  private void addNodes() {
    for (int n = 0; n < plan.nodes(); n++) {
      String name = plan.prefix() + "-node-" + n;
      admin.nodes().resource(new NodeBuilder().withNewMetadata().withName(name)
          .withLabels(Map.of("kubernetes.io/hostname", name, "kubernetes.io/os", "linux", "kubernetes.io/arch", "amd64",
              "type", "kwok", "topology.kubernetes.io/zone", "zone-" + (n % 3 + 1)))
          .withAnnotations(Map.of("kwok.x-k8s.io/node", "fake")).endMetadata().build()).serverSideApply();
    }
  }

  /** Creates the namespaces, their workloads and profiles, filler and Secrets; returns workloads, objects, watched. */
  private int[] populate(List<String> namespaces) throws Exception {
    List<HasMetadata> all = new ArrayList<>();
    String filler = plan.prefix() + "-filler";
    createNamespace(filler);
    for (int i = 0; i < namespaces.size(); i++) {
      createNamespace(namespaces.get(i));
      all.addAll(NamespaceGenerator.generate(1000L + i, plan.workloadsPerNamespace(), namespaces.get(i)));
    }
    int workloads = (int) all.stream().filter(o -> Workload.KINDS.contains(o.getKind())).count();
    int objects = all.size();
    long existing = watchedInCluster();
    for (long i = existing + all.stream().filter(o -> WATCHED_KINDS.contains(o.getKind())).count(); i < plan.watchedObjects(); i++) {
      all.add(new ConfigMapBuilder().withNewMetadata().withName("filler-" + i).withNamespace(filler).endMetadata()
          .withData(Map.of("LOG_LEVEL", "info", "REGION", "eu-west-1", "FEATURES", "a,b,c")).build());
    }
    String blob = "x".repeat(8192);
    for (int i = 0; i < plan.unrelatedSecrets(); i++) {
      all.add(new SecretBuilder().withNewMetadata().withName("unrelated-" + i).withNamespace(filler).endMetadata()
          .withStringData(Map.of("token", blob + i)).build());
    }
    createAll(all);
    for (String ns : namespaces) {
      admin.resource(profile(ns)).create();
    }
    return new int[] {workloads, objects, (int) watchedInCluster()};
  }

  private long watchedInCluster() {
    return WatchedKinds.KINDS.stream().mapToLong(k -> admin.resources(k).inAnyNamespace().list().getItems().size()).sum();
  }

  private void createNamespace(String name) {
    admin.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name)
        .addToLabels(dev.envprofile.operator.policy.NamespaceGate.ENABLED_LABEL, "true").endMetadata().build()).serverSideApply();
  }

  /** Creates on four connections at once: setting up 10,000 objects one by one would dwarf the run. */
  private void createAll(List<HasMetadata> objects) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (HasMetadata o : objects) {
        done.add(pool.submit(() -> admin.resource(o).fieldManager("scale-bench").forceConflicts().serverSideApply()));
      }
      for (Future<?> f : done) {
        f.get(5, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static EnvironmentProfile profile(String ns) {
    return ManifestReader.serialization().unmarshal("""
        apiVersion: envprofile.dev/v1alpha1
        kind: EnvironmentProfile
        metadata: {name: production, namespace: %s}
        spec:
          tier: production
          mode: Enforce
          secrets: {provider: Secret}
        """.formatted(ns), EnvironmentProfile.class);
  }

  private Process start(Path kubeconfig, String name) throws IOException {
    currentLog = plan.prefix() + "-" + name;
    // The image's JVM flags (Dockerfile), and the default resync: the restart, not a timer, makes the no-op pass.
    // -Denvprofile.operatorArgs adds arguments (space-separated; e.g. --log-level=DEBUG to see what triggers reconciles).
    List<String> args = new java.util.ArrayList<>(List.of("--lease-namespace=" + Chart.NAMESPACE));
    args.addAll(words("envprofile.operatorArgs"));
    return OperatorProcess.start(imageJvmFlags(), kubeconfig, plan.prefix() + "-" + name, Map.of(),
        args.toArray(String[]::new));
  }

  /**
   * The image's JVM flags: its class-data archive when `make operator-archive` made one (the image
   * dumps it from the same class list), then -Denvprofile.operatorJvmFlags (space-separated; e.g.
   * -XX:DumpLoadedClassList=... to record the class list, or a flag to compare).
   */
  static List<String> imageJvmFlags() {
    List<String> flags = new java.util.ArrayList<>(List.of("-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError",
        "-XX:TieredStopAtLevel=1"));
    Path archive = ControlPlane.root().resolve("operator/target/operator.jsa");
    if (java.nio.file.Files.exists(archive) && !Boolean.getBoolean("envprofile.noOperatorArchive")) {
      flags.add("-XX:SharedArchiveFile=" + archive);
    }
    flags.addAll(words("envprofile.operatorJvmFlags"));
    return flags;
  }

  /** A system property's space-separated words; none when it is unset or blank. */
  private static List<String> words(String property) {
    String value = System.getProperty(property, "").trim();
    return value.isEmpty() ? List.of() : List.of(value.split("\\s+"));
  }

  private static void stop(Process p) throws InterruptedException {
    p.destroy();
    if (!p.waitFor(20, TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  /**
   * Waits until the dev namespaces run (every Deployment available; the generator's StatefulSets
   * include some whose names are too long for their pods, as dev namespaces do), as in
   * a cluster the operator is installed into: their pods' start-up is the control plane's work, not
   * the operator's, and would otherwise share the two cores with the measured start.
   */
  private void awaitDevWorkloads() throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
    while (Instant.now().isBefore(deadline)) {
      boolean deployments = admin.apps().deployments().inAnyNamespace().list().getItems().stream()
          .filter(d -> d.getMetadata().getNamespace().startsWith(plan.prefix() + "-"))
          .allMatch(d -> d.getStatus() != null && count(d.getStatus().getAvailableReplicas()) == count(d.getSpec().getReplicas()));
      if (deployments) {
        return;
      }
      Thread.sleep(2000);
    }
  }

  /**
   * Waits (up to three minutes) until the control plane uses less than half a core: the start-up
   * is the operator's, measured on a cluster that is not still rolling out the last change.
   */
  private void awaitQuietControlPlane() throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (Instant.now().isBefore(deadline)) {
      Map<String, Duration> before = ProcessStats.controlPlaneCpu(cluster);
      Thread.sleep(2000);
      long busy = ProcessStats.minus(ProcessStats.controlPlaneCpu(cluster), before).values().stream()
          .mapToLong(Duration::toMillis).sum();
      if (busy < 1000) {
        return;
      }
    }
  }

  private static int count(Integer replicas) {
    return replicas == null ? 0 : replicas;
  }

  /** Waits until every profile is Promoted or the deadline passes; returns those that are not. */
  private List<String> awaitPromoted(Process operator, List<String> namespaces, Instant deadline) throws Exception {
    List<String> pending = namespaces;
    while (true) {
      alive(operator);
      Map<String, Phase> phases = new java.util.HashMap<>();
      for (EnvironmentProfile p : admin.resources(EnvironmentProfile.class).inAnyNamespace().list().getItems()) {
        if (p.getStatus() != null) {
          phases.put(p.getMetadata().getNamespace(), p.getStatus().phase);
        }
      }
      pending = namespaces.stream().filter(ns -> phases.get(ns) != Phase.Promoted)
          .map(ns -> ns + "=" + phases.get(ns)).toList();
      if (pending.isEmpty() || Instant.now().isAfter(deadline)) {
        return pending;
      }
      Thread.sleep(250);
    }
  }

  /** Waits until the operator has read the Secrets of every namespace (each reconcile does) since the mark. */
  private void awaitReconciled(Process operator, long mark, List<String> namespaces) throws Exception {
    Instant deadline = Instant.now().plus(plan.promotedWithin());
    while (Instant.now().isBefore(deadline)
        && !OperatorRequests.reconciledNamespaces(ours(audit.requests(mark))).containsAll(namespaces)) {
      alive(operator);
      Thread.sleep(250);
    }
  }

  /** Fails at once, with the end of its log, when the operator process has exited. */
  private void alive(Process operator) throws IOException {
    if (!operator.isAlive()) {
      List<String> lines = Files.readAllLines(OperatorProcess.log(currentLog));
      throw new AssertionError("the operator exited (" + operator.exitValue() + "): "
          + String.join("\n", lines.subList(Math.max(0, lines.size() - 5), lines.size())));
    }
  }

  /** Waits until the operator's writes since the mark stop growing for five seconds (requeues and status updates done). */
  private void settle(long mark) throws InterruptedException {
    long last = -1;
    int quiet = 0;
    for (int i = 0; i < 240 && quiet < 5; i++) {
      long now = OperatorRequests.writes(ours(audit.requests(mark)));
      quiet = now == last ? quiet + 1 : 0;
      last = now;
      Thread.sleep(1000);
    }
  }

  /** The operator's requests in the run's namespaces (its cluster-wide watches and lists are counted too). */
  private List<AuditLog.Entry> ours(List<AuditLog.Entry> entries) {
    return entries.stream().filter(e -> e.user().equals(Chart.USER))
        .filter(e -> e.namespace().isEmpty() || e.namespace().startsWith(plan.prefix() + "-")).toList();
  }

  private static Duration between(Instant a, Instant b) {
    return a == null || b == null ? null : Duration.between(a, b);
  }

  public static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
