package dev.envprofile.engine.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.envprofile.cli.ManifestReader;
import dev.envprofile.engine.inventory.Workload;
import dev.envprofile.engine.network.PolicyEvaluator.Endpoint;
import dev.envprofile.testing.Cli;
import dev.envprofile.testing.Corpus;
import dev.envprofile.testing.Corpus.App;
import dev.envprofile.testing.Corpus.Flow;
import dev.envprofile.testing.Corpus.Tier;
import dev.envprofile.testing.Invariants;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of real applications (operator/src/test/resources/corpus), each promoted through the
 * command line to every tier: nothing in a container's environment or mounted files changes, no
 * mount dangles and no claim is dropped, no stateful or single-instance server is scaled, every
 * flow written down by hand from the app's documentation is allowed by the emitted
 * NetworkPolicies (evaluated by {@link PolicyEvaluator}, independent of the engine), promoting the
 * output again changes nothing and the output can be audited. A per-case summary is written to
 * target/corpus-report.md.
 */
class CorpusTest {
  private static final Path OUT = Path.of("target", "corpus");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, Promotion> PROMOTIONS = new ConcurrentHashMap<>();
  /** "app tier" -> check -> problems (empty: passed). */
  private static final Map<String, Map<String, List<String>>> RESULTS = new ConcurrentHashMap<>();

  record Case(App app, Tier tier) {
    String key() {
      return app.name() + " " + tier.id;
    }

    @Override
    public String toString() {
      return app.name() + "/" + tier.id;
    }
  }

  record Promotion(List<HasMetadata> input, List<HasMetadata> output, Path outputFile, Path profile, Cli.Run run) {}

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (App app : Corpus.apps()) {
      for (Tier tier : Tier.values()) {
        out.add(Arguments.of(new Case(app, tier)));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void effectiveEnvironmentAndMountedFilesAreUnchanged(Case c) {
    Promotion p = promote(c);
    List<HasMetadata> output = withExternalSecretsResolved(p.input(), p.output(), c.app().expected().namespace());
    List<String> problems = new ArrayList<>();
    diff("env", Invariants.environments(p.input()), Invariants.environments(output), problems);
    diff("file", mountedFiles(p.input()), mountedFiles(output), problems);
    record(c, "env-and-files", problems);
    assertThat(problems).as("%s: environment variables and mounted files that changed", c).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void noMountDanglesAndNoClaimOrObjectIsLost(Case c) {
    Promotion p = promote(c);
    List<String> problems = new ArrayList<>();
    Invariants.danglingMounts(p.output()).forEach(m -> problems.add("mount without a volume: " + m));
    Invariants.lostOrShadowedMounts(p.input(), p.output()).forEach(m -> problems.add("mount " + m));
    Invariants.claimMounts(p.input()).stream().filter(m -> !Invariants.claimMounts(p.output()).contains(m))
        .forEach(m -> problems.add("claim no longer mounted: " + m));
    Invariants.identities(p.input()).stream().filter(i -> !Invariants.identities(p.output()).contains(i))
        .forEach(i -> problems.add("object gone: " + i));
    record(c, "mounts-claims-objects", problems);
    assertThat(problems).as("%s: lost mounts, claims or objects", c).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void noStatefulOrSingleInstanceServerIsScaledAndScratchStaysScratch(Case c) {
    Promotion p = promote(c);
    Corpus.Expected e = c.app().expected();
    Map<String, Workload> before = byLogicalName(p.input());
    Map<String, Workload> after = byLogicalName(p.output());
    List<String> problems = new ArrayList<>();
    for (String name : e.neverScaled()) {
      assertThat(before).as("expected.yaml of %s names workload %s", c.app(), name).containsKey(name);
      Workload w = after.get(name);
      if (w == null) {
        problems.add(name + " is gone");
        continue;
      }
      int was = replicas(before.get(name));
      int now = replicas(w);
      if (now > was) {
        problems.add(name + " (" + w.kind() + ") scaled from " + was + " to " + now);
      }
      if (hasAutoscaler(p.output(), w)) {
        problems.add(name + " has a HorizontalPodAutoscaler");
      }
    }
    for (String sv : e.scratchVolumes()) {
      String name = sv.substring(0, sv.indexOf('/'));
      String volume = sv.substring(sv.indexOf('/') + 1);
      assertThat(before).as("expected.yaml of %s names workload %s", c.app(), name).containsKey(name);
      Workload w = after.get(name);
      boolean emptyDir = w != null && w.pod().getVolumes() != null && w.pod().getVolumes().stream()
          .anyMatch(v -> v.getName().equals(volume) && v.getEmptyDir() != null);
      if (!emptyDir) {
        problems.add("scratch volume " + sv + " is no longer an emptyDir"
            + (w == null ? " (workload gone)" : " (" + w.kind() + "/" + w.name() + ")"));
      }
    }
    record(c, "not-scaled-scratch", problems);
    assertThat(problems).as("%s: stateful or single-instance servers scaled, scratch turned into claims", c).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void everyDocumentedFlowIsAllowed(Case c) {
    Promotion p = promote(c);
    Corpus.Expected e = c.app().expected();
    Map<String, Endpoint> pods = endpoints(p.output(), e.namespace());
    PolicyEvaluator eval = new PolicyEvaluator(p.output(), e.namespace());
    List<String> problems = new ArrayList<>();
    for (Flow f : e.flows()) {
      Endpoint from = pods.get(f.from());
      Endpoint to = pods.get(f.to());
      assertThat(from).as("%s: flow %s names an unknown source", c, f).isNotNull();
      assertThat(to).as("%s: flow %s names an unknown destination", c, f).isNotNull();
      if (!eval.allowed(from, to, f.port(), f.protocol())) {
        problems.add("denied: " + f);
      }
    }
    // A refused set allows every flow trivially: the flows only prove something when policies are there.
    boolean emitted = p.output().stream().anyMatch(o -> o instanceof io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy
        && o.getMetadata().getName().equals("envprofile-default-deny"));
    if (!c.tier().id.equals("local") && !emitted) {
      problems.add("no NetworkPolicy emitted (promotion.policy-refused): " + p.run().err().strip());
    }
    Endpoint dns = new Endpoint("kube-system", Map.of("k8s-app", "kube-dns"), Map.of());
    for (String w : byLogicalName(p.output()).keySet()) {
      if (!eval.allowed(pods.get(w), dns, 53, "UDP")) {
        problems.add("denied: " + w + " -> kube-dns:53/UDP");
      }
    }
    record(c, "flows", problems);
    assertThat(problems).as("%s: documented flows the NetworkPolicies deny (of %d)", c, e.flows().size()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void promotingTheOutputAgainChangesNothingAndItsAuditRuns(Case c) {
    Promotion p = promote(c);
    List<String> problems = new ArrayList<>();
    Cli.Run again = Cli.run("promote", "--profile", p.profile().toString(), "-f", p.outputFile().toString());
    if (again.exit() != 0) {
      problems.add("second promote exited " + again.exit() + ": " + again.err().strip());
    } else if (!again.out().equals(p.run().out())) {
      problems.add("second promote differs: " + firstDifference(p.run().out(), again.out()));
    }
    Cli.Run audit = Cli.run("audit", "--profile", p.profile().toString(), "-f", p.outputFile().toString(), "-o", "json");
    if (audit.exit() != 0) {
      problems.add("audit of the output exited " + audit.exit() + ": " + audit.err().strip());
    }
    record(c, "idempotent-audit", problems);
    assertThat(problems).as("%s: idempotence and audit of the output", c).isEmpty();
  }

  @AfterAll
  static void writeReport() throws IOException {
    StringBuilder sb = new StringBuilder("# Corpus report\n\n| app | tier | workloads | flows | findings | failing checks |\n|---|---|---|---|---|---|\n");
    List<String> details = new ArrayList<>();
    for (String key : new java.util.TreeSet<>(RESULTS.keySet())) {
      Promotion p = PROMOTIONS.get(key);
      String[] at = key.split(" ");
      App app = new App(at[0]);
      Tier tier = Stream.of(Tier.values()).filter(t -> t.id.equals(at[1])).findFirst().orElseThrow();
      int findings = p == null ? -1 : findings(app, p);
      List<String> failing = new ArrayList<>();
      RESULTS.get(key).forEach((check, problems) -> {
        if (!problems.isEmpty()) {
          failing.add(check + " (" + problems.size() + ")");
          problems.forEach(m -> details.add("- " + key + " " + check + ": " + m));
        }
      });
      sb.append("| ").append(at[0]).append(" | ").append(tier.id).append(" | ")
          .append(p == null ? "?" : Workload.in(p.input()).size()).append(" | ")
          .append(app.expected().flows().size()).append(" | ").append(findings).append(" | ")
          .append(failing.isEmpty() ? "none" : String.join(", ", failing)).append(" |\n");
    }
    sb.append("\n## Problems\n\n").append(String.join("\n", details)).append('\n');
    Files.createDirectories(OUT);
    Files.writeString(Path.of("target", "corpus-report.md"), sb.toString());
  }

  // ---- promotion through the command line -------------------------------------------------

  private static Promotion promote(Case c) {
    return PROMOTIONS.computeIfAbsent(c.key(), k -> {
      try {
        Files.createDirectories(OUT);
        Path profile = OUT.resolve(c.app().name() + "-" + c.tier().id + ".profile.yaml");
        Files.writeString(profile, c.app().profile(c.tier(), c.app().expected().namespace()));
        Path manifests = c.app().declaredManifests(OUT);
        Cli.Run run = Cli.run("promote", "--profile", profile.toString(), "-f", manifests.toString());
        assertThat(run.exit()).as("%s: promote exit code; stderr: %s", c, run.err()).isZero();
        Path output = OUT.resolve(c.app().name() + "-" + c.tier().id + ".promoted.yaml");
        Files.writeString(output, run.out());
        List<HasMetadata> input = Files.isDirectory(manifests) ? c.app().objects()
            : ManifestReader.read(manifests.toString(), Files.readString(manifests));
        return new Promotion(input, ManifestReader.read(output.toString(), run.out()), output, profile, run);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  private static int findings(App app, Promotion p) {
    Cli.Run audit = Cli.run("audit", "--profile", p.profile().toString(), "-f", app.declaredManifests(OUT).toString(), "-o", "json");
    try {
      int n = 0;
      for (JsonNode check : JSON.readTree(audit.out()).path("checks")) {
        if (!check.path("passed").asBoolean(true)) {
          n++;
        }
      }
      return n;
    } catch (IOException e) {
      return -1;
    }
  }

  private static void record(Case c, String check, List<String> problems) {
    RESULTS.computeIfAbsent(c.key(), k -> new ConcurrentHashMap<>()).put(check, List.copyOf(problems));
  }

  // ---- what the application sees ---------------------------------------------------------

  /**
   * In ExternalSecret mode the values live in the secret store. The store is modelled as the user
   * fills it from the dev manifests under the documented key template "{namespace}/{name}":
   * ConfigMap keys under the ConfigMap's name, literal env values under the workload's name.
   * Each ExternalSecret becomes the Secret that External Secrets Operator would write.
   */
  private static List<HasMetadata> withExternalSecretsResolved(List<HasMetadata> input, List<HasMetadata> output, String ns) {
    Map<String, Map<String, String>> store = new TreeMap<>();
    for (HasMetadata o : input) {
      if (o instanceof ConfigMap cm) {
        store.computeIfAbsent(ns + "/" + cm.getMetadata().getName(), k -> new TreeMap<>()).putAll(Invariants.data(cm));
      }
    }
    for (Workload w : Workload.in(input)) {
      for (Container c : w.allContainers()) {
        if (c.getEnv() != null) {
          c.getEnv().stream().filter(v -> v.getValueFrom() == null && v.getValue() != null)
              .forEach(v -> store.computeIfAbsent(ns + "/" + w.name(), k -> new TreeMap<>()).put(v.getName(), v.getValue()));
        }
      }
    }
    List<HasMetadata> out = new ArrayList<>(output);
    for (HasMetadata o : output) {
      if (!"ExternalSecret".equals(o.getKind())) {
        continue;
      }
      JsonNode spec = JSON.valueToTree(o).path("spec");
      String target = spec.path("target").path("name").asText(o.getMetadata().getName());
      Map<String, String> data = new TreeMap<>();
      for (JsonNode d : spec.path("data")) {
        Map<String, String> entry = store.getOrDefault(d.path("remoteRef").path("key").asText(), Map.of());
        String value = entry.get(d.path("remoteRef").path("property").asText());
        data.put(d.path("secretKey").asText(), value == null ? "<not in the store: " + d.path("remoteRef") + ">" : value);
      }
      out.add(new SecretBuilder().withNewMetadata().withName(target).endMetadata().withStringData(data).build());
    }
    return out;
  }

  /** "workload/container mountPath/file" -> content, for ConfigMap and Secret volumes. */
  private static Map<String, String> mountedFiles(List<HasMetadata> objects) {
    Map<String, Map<String, String>> sources = new LinkedHashMap<>();
    for (HasMetadata o : objects) {
      if (o instanceof ConfigMap cm) {
        sources.put("ConfigMap/" + cm.getMetadata().getName(), Invariants.data(cm));
      } else if (o instanceof Secret s) {
        sources.put("Secret/" + s.getMetadata().getName(), Invariants.data(s));
      }
    }
    Map<String, String> out = new TreeMap<>();
    for (Workload w : Workload.in(objects)) {
      Map<String, Map<String, String>> volumes = new LinkedHashMap<>();
      for (Volume v : w.pod().getVolumes() == null ? List.<Volume>of() : w.pod().getVolumes()) {
        Map<String, String> data = null;
        List<KeyToPath> items = null;
        if (v.getConfigMap() != null) {
          data = sources.get("ConfigMap/" + v.getConfigMap().getName());
          items = v.getConfigMap().getItems();
        } else if (v.getSecret() != null) {
          data = sources.get("Secret/" + v.getSecret().getSecretName());
          items = v.getSecret().getItems();
        } else {
          continue;
        }
        Map<String, String> files = new TreeMap<>();
        if (data == null) {
          files.put("", "<missing source>");
        } else if (items == null || items.isEmpty()) {
          files.putAll(data);
        } else {
          for (KeyToPath i : items) {
            files.put(i.getPath(), data.getOrDefault(i.getKey(), "<missing key " + i.getKey() + ">"));
          }
        }
        volumes.put(v.getName(), files);
      }
      for (Container c : w.allContainers()) {
        for (VolumeMount m : c.getVolumeMounts() == null ? List.<VolumeMount>of() : c.getVolumeMounts()) {
          Map<String, String> files = volumes.get(m.getName());
          if (files == null) {
            continue;
          }
          files.forEach((path, content) -> {
            if (m.getSubPath() == null || m.getSubPath().equals(path)) {
              out.put(Invariants.logicalName(w) + "/" + c.getName() + " " + m.getMountPath()
                  + (m.getSubPath() == null ? "/" + path : ""), content);
            }
          });
        }
      }
    }
    return out;
  }

  /** Differences between two maps of maps, naming keys only (values may be credentials). */
  private static void diff(String what, Object before, Object after, List<String> problems) {
    Map<String, String> a = flatten(before);
    Map<String, String> b = flatten(after);
    a.forEach((k, v) -> {
      if (!b.containsKey(k)) {
        problems.add(what + " " + k + " is gone");
      } else if (!v.equals(b.get(k))) {
        String now = b.get(k);
        problems.add(what + " " + k + " changed" + (now.startsWith("<") ? " to " + now : ""));
      }
    });
    b.keySet().stream().filter(k -> !a.containsKey(k)).forEach(k -> problems.add(what + " " + k + " is new"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> flatten(Object o) {
    Map<String, String> out = new TreeMap<>();
    if (o instanceof Map<?, ?> m) {
      m.forEach((k, v) -> {
        if (v instanceof Map<?, ?>) {
          flatten(v).forEach((kk, vv) -> out.put(k + "/" + kk, vv));
        } else {
          out.put(String.valueOf(k), String.valueOf(v));
        }
      });
    }
    return out;
  }

  // ---- workloads and endpoints -------------------------------------------------------------

  private static Map<String, Workload> byLogicalName(List<HasMetadata> objects) {
    Map<String, Workload> out = new TreeMap<>();
    for (Workload w : Workload.in(objects)) {
      out.put(Invariants.logicalName(w), w);
    }
    return out;
  }

  private static int replicas(Workload w) {
    Integer r = w.replicas();
    return r == null ? 1 : r;
  }

  private static boolean hasAutoscaler(List<HasMetadata> objects, Workload w) {
    return objects.stream().filter(o -> o.getKind().equals("HorizontalPodAutoscaler"))
        .map(o -> JSON.valueToTree(o).path("spec").path("scaleTargetRef"))
        .anyMatch(ref -> ref.path("name").asText().equals(w.name()) && ref.path("kind").asText().equals(w.kind()));
  }

  /** Each workload's pods as its final template labels them, plus the ingress controller and the internet. */
  private static Map<String, Endpoint> endpoints(List<HasMetadata> output, String ns) {
    Map<String, Endpoint> out = new LinkedHashMap<>();
    byLogicalName(output).forEach((name, w) -> {
      Map<String, Integer> named = new LinkedHashMap<>();
      for (Container c : w.allContainers()) {
        for (ContainerPort p : c.getPorts() == null ? List.<ContainerPort>of() : c.getPorts()) {
          if (p.getName() != null) {
            named.put(p.getName(), p.getContainerPort());
          }
        }
      }
      Map<String, String> labels = new LinkedHashMap<>(w.podLabels());
      if (w.object() instanceof io.fabric8.kubernetes.api.model.batch.v1.Job) {
        labels.put("batch.kubernetes.io/job-name", w.name()); // the Job controller labels every pod (1.27+)
      }
      out.put(name, new Endpoint(ns, labels, named));
    });
    out.put("ingress", new Endpoint("ingress-nginx", Map.of("app.kubernetes.io/name", "ingress-nginx"), Map.of()));
    out.put("internet", Endpoint.outside());
    return out;
  }

  private static String firstDifference(String a, String b) {
    String[] x = a.split("\n", -1);
    String[] y = b.split("\n", -1);
    for (int i = 0; i < Math.min(x.length, y.length); i++) {
      if (!x[i].equals(y[i])) {
        // The key only: a value may be a credential.
        return "line " + (i + 1) + " (" + x[i].strip().split(":", 2)[0] + ")";
      }
    }
    return "length " + x.length + " -> " + y.length + " lines";
  }
}
