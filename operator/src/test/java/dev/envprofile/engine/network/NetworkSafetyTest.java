package dev.envprofile.engine.network;

import static dev.envprofile.testing.TestManifests.audit;
import static dev.envprofile.testing.TestManifests.promote;
import static dev.envprofile.testing.TestManifests.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.envprofile.engine.Engine;
import dev.envprofile.engine.Result;
import dev.envprofile.engine.Settings;
import dev.envprofile.engine.facts.Facts;
import dev.envprofile.engine.inventory.Inventory;
import dev.envprofile.engine.inventory.Workload;
import dev.envprofile.engine.model.CheckResult;
import dev.envprofile.engine.network.PolicyEvaluator.Endpoint;
import dev.envprofile.testing.Invariants;
import dev.envprofile.testing.NamespaceGenerator;
import dev.envprofile.testing.TestManifests;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The network rewrite on the defect classes real applications showed (issue 13): nothing the API
 * server refuses, flows that survive a config file's move into a Secret, partial knowledge kept on
 * the fallback, the platform's own traffic (API server, scraping, a workload's own Service, other
 * Ingress classes), and a policy set proven against the inferred flows before it is emitted. The
 * policies are judged by the test's own evaluator, which shares no code with the engine's.
 */
class NetworkSafetyTest {
  private static final String NS = TestManifests.NS;

  private static String deployment(String name, int port, String extraContainer, String podExtra) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: %1$s}
        spec:
          selector: {matchLabels: {app: %1$s}}
          template:
            metadata: {labels: {app: %1$s}%4$s}
            spec:
              containers:
              - name: %1$s
                image: example/%1$s:1.0
                ports: [{name: main, containerPort: %2$d}]
        %3$s
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: %1$s}
        spec: {selector: {app: %1$s}, ports: [{port: %2$d}]}
        ---
        """.formatted(name, port, extraContainer.indent(8).stripTrailing(), podExtra);
  }

  private static Map<String, Endpoint> endpoints(List<HasMetadata> objects) {
    Map<String, Endpoint> pods = new LinkedHashMap<>();
    for (Workload w : Workload.in(objects)) {
      Map<String, Integer> named = new LinkedHashMap<>();
      w.allContainers().forEach(c -> {
        if (c.getPorts() != null) {
          for (ContainerPort p : c.getPorts()) {
            if (p.getName() != null) {
              named.put(p.getName(), p.getContainerPort());
            }
          }
        }
      });
      Map<String, String> labels = new LinkedHashMap<>(w.podLabels());
      if (w.object() instanceof Job) {
        labels.put("batch.kubernetes.io/job-name", w.name()); // the Job controller adds it
      }
      pods.put(Invariants.logicalName(w), new Endpoint(NS, labels, named));
    }
    pods.put("internet", Endpoint.outside());
    pods.put("monitoring", new Endpoint("monitoring", Map.of("app", "prometheus"), Map.of()));
    pods.put("istio-gateway", new Endpoint("istio-system", Map.of("app", "istio-ingressgateway"), Map.of()));
    return pods;
  }

  private static boolean can(Result r, String from, String to, int port) {
    Map<String, Endpoint> pods = endpoints(r.objects());
    return new PolicyEvaluator(r.objects(), NS).allowed(pods.get(from), pods.get(to), port);
  }

  @Test
  void aServiceWithoutTargetPortOrWithTargetPortZeroGetsItsOwnPortNeverZero() {
    String app = deployment("web", 8080, "env: [{name: API, value: 'http://api:9000'}]", "")
        + deployment("api", 9000, "", "").replace("ports: [{port: 9000}]", "ports: [{port: 9000, targetPort: 0}]");
    Result r = promote(app, "tier: production");
    for (HasMetadata o : r.objects()) {
      if (o instanceof NetworkPolicy p) {
        assertThat(PolicyValidity.problems(p)).as(p.getMetadata().getName()).isEmpty();
        List<NetworkPolicyPort> ports = new ArrayList<>();
        if (p.getSpec().getIngress() != null) {
          p.getSpec().getIngress().forEach(i -> { if (i.getPorts() != null) ports.addAll(i.getPorts()); });
        }
        if (p.getSpec().getEgress() != null) {
          p.getSpec().getEgress().forEach(e -> { if (e.getPorts() != null) ports.addAll(e.getPorts()); });
        }
        assertThat(ports).extracting(NetworkPolicyPort::getPort).doesNotContain(new IntOrString(0));
      }
    }
    assertThat(can(r, "web", "api", 9000)).isTrue();
    assertThat(r.report().results()).noneMatch(x -> x.check().id().equals("promotion.policy-refused"));
  }

  @Test
  void auditNoticesAPolicyTheApiServerWouldRefuse() {
    String bad = deployment("web", 8080, "", "") + """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: broken}
        spec:
          podSelector: {matchLabels: {app: web}}
          ingress: [{ports: [{port: 0}, {port: Http_Port}, {protocol: ICMP, port: 80}]}]
        """;
    CheckResult c = result(audit(bad, "tier: production"), "promotion.invalid-object", "broken");
    assertThat(c.passed()).isFalse();
    assertThat(c.message()).contains("ports[0].port: 0 is not between 1 and 65535", "Http_Port", "must be TCP, UDP or SCTP");
  }

  @Test
  void peersNamedInAConfigFileAreReadAfterTheFileMovesIntoASecret() {
    String app = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: collector}
        spec:
          selector: {matchLabels: {app: collector}}
          template:
            metadata: {labels: {app: collector}}
            spec:
              volumes: [{name: conf, configMap: {name: collector-conf}}]
              containers:
              - name: collector
                image: otel/opentelemetry-collector:0.98.0
                ports: [{name: otlp, containerPort: 4317}]
                volumeMounts: [{name: conf, mountPath: /etc/otel}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: collector}
        spec: {selector: {app: collector}, ports: [{port: 4317}]}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: collector-conf}
        data:
          config.yaml: |
            exporters:
              jaeger: {endpoint: "jaeger:14250"}
              prometheus: {endpoint: "prom:9090"}
              auth:
                password: "S3cret-Collector-Pw-91"
        ---
        """ + deployment("jaeger", 14250, "", "") + deployment("prom", 9090, "", "");
    for (String spec : List.of("tier: production", """
        tier: production
        secrets: {provider: ExternalSecret, externalSecret: {secretStoreRef: {kind: SecretStore, name: vault}}}
        """)) {
      Result r = promote(app, spec);
      assertThat(r.objects()).as("the file moved out of the ConfigMap")
          .anyMatch(o -> o.getKind().endsWith("Secret") && o.getMetadata().getName().startsWith("collector-conf"));
      assertThat(can(r, "collector", "jaeger", 14250)).as(spec).isTrue();
      assertThat(can(r, "collector", "prom", 9090)).as(spec).isTrue();
      assertThat(can(r, "jaeger", "prom", 9090)).as("not named anywhere").isFalse();
      Result again = Engine.promote(r.objects(), TestManifests.settings(spec));
      assertThat(TestManifests.yaml(again.objects())).as("after the move, the same policies").isEqualTo(TestManifests.yaml(r.objects()));
    }
  }

  @Test
  void aWorkloadThatFindsPeersAtRuntimeKeepsTheFallbackAndIsToldWhy() {
    Map<String, String> cases = Map.of(
        "env: [{name: CONSUL_HTTP_ADDR, value: 'consul:8500'}, {name: CART, value: 'cart:7070'}]", "service registry",
        "env: [{name: CART, value: 'cart:7070'}, {name: PEER_URL, value: 'http://$(PEER_HOST):80'}]", "builds a host",
        "env: [{name: CART, value: 'cart:7070'}, {name: AGENT_HOST, valueFrom: {fieldRef: {fieldPath: status.hostIP}}}]",
        "pod's fields",
        "env: [{name: CART, value: 'cart:7070'}, {name: SPRING_APPLICATION_JSON, value: '{\"eureka.client.serviceUrl\": 1}'}]",
        "service discovery");
    for (Map.Entry<String, String> e : cases.entrySet()) {
      String app = deployment("front", 8080, e.getKey(), "") + deployment("cart", 7070, "", "")
          + deployment("hidden", 9000, "", "") + deployment("consul", 8500, "", "");
      Result r = promote(app, "tier: production");
      assertThat(can(r, "front", "cart", 7070)).as(e.getValue()).isTrue();
      assertThat(can(r, "front", "hidden", 9000)).as(e.getValue() + ": a peer found at runtime").isTrue();
      CheckResult peers = result(r, "security.network-peers", "front");
      assertThat(peers.passed()).isFalse();
      assertThat(peers.message()).contains(e.getValue()).contains("envprofile.dev/talks-to");
    }
    Result mesh = promote(deployment("front", 8080, "env: [{name: CART, value: 'cart:7070'}]",
        ", annotations: {sidecar.istio.io/inject: 'true'}") + deployment("cart", 7070, "", "")
        + deployment("hidden", 9000, "", ""), "tier: production");
    assertThat(can(mesh, "front", "hidden", 9000)).isTrue();
    assertThat(result(mesh, "security.network-peers", "front").message()).contains("service mesh");
  }

  @Test
  void podsThatUseTheApiServerReachItAndKubernetesDefaultIsNotANamespace() {
    String app = deployment("operator", 8080, "env: [{name: K8S, value: 'https://kubernetes.default.svc:443'}]", "")
        + deployment("web", 8081, "env: [{name: OP, value: 'http://operator:8080'}]", "");
    Result r = promote(app, "tier: production");
    assertThat(can(r, "operator", "internet", 443)).isTrue();
    assertThat(can(r, "web", "internet", 443)).isFalse();
    String yaml = TestManifests.yaml(r.objects());
    assertThat(yaml).doesNotContain("kubernetes.io/metadata.name: \"default\"");
  }

  @Test
  void prometheusInTheMonitoringNamespaceKeepsScraping() {
    String app = deployment("web", 8080, "env: [{name: API, value: 'http://api:9000'}]",
        ", annotations: {prometheus.io/scrape: 'true', prometheus.io/port: '9102'}")
        + deployment("api", 9000, "", "");
    Result r = promote(app, "tier: production");
    assertThat(can(r, "monitoring", "web", 9102)).isTrue();
    assertThat(can(r, "monitoring", "api", 9000)).as("nothing asks to scrape api").isFalse();
    Result other = promote(app, "tier: production\nnetwork: {monitoringNamespace: observability}");
    assertThat(can(other, "monitoring", "web", 9102)).isFalse();
  }

  @Test
  void aWorkloadReachesItsOwnService() {
    String app = deployment("kafka", 9092, "env: [{name: KAFKA_ADVERTISED_LISTENERS, value: 'PLAINTEXT://kafka:9092'}]", "")
        + deployment("app", 8080, "env: [{name: BROKERS, value: 'kafka:9092'}]", "");
    Result r = promote(app, "tier: production");
    assertThat(can(r, "kafka", "kafka", 9092)).isTrue();
    assertThat(can(r, "app", "kafka", 9092)).isTrue();
  }

  @Test
  void anIngressOfAnotherClassIsReportedAndKeepsWorking() {
    String app = deployment("web", 8080, "", "") + """
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: shop}
        spec:
          ingressClassName: istio
          rules:
          - host: shop.example.com
            http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 8080}}}}]}
        """;
    Result r = promote(app, "tier: production");
    assertThat(can(r, "istio-gateway", "web", 8080)).isTrue();
    CheckResult c = result(r, "network.ingress-class", "shop");
    assertThat(c.passed()).isFalse();
    assertThat(c.message()).contains("istio", "ingress-nginx");
    Result served = promote(app, "tier: production\nnetwork: {ingressControllerNamespace: istio-system}");
    assertThat(served.report().results()).noneMatch(x -> x.check().id().equals("network.ingress-class"));
    assertThat(can(served, "istio-gateway", "web", 8080)).isTrue();
  }

  @Test
  void policiesThatWouldDenyAnInferredFlowAreNotEmitted() {
    // A NetworkPolicy the engine does not manage holds web's policy name: web's flows cannot be allowed.
    String app = deployment("web", 8080, "env: [{name: API, value: 'http://api:9000'}]", "")
        + deployment("api", 9000, "", "") + """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: web-envprofile}
        spec: {podSelector: {matchLabels: {app: nothing}}}
        """;
    Result r = promote(app, "tier: production");
    assertThat(r.objects()).filteredOn(NetworkPolicy.class::isInstance)
        .extracting(o -> o.getMetadata().getName()).containsExactly("web-envprofile");
    CheckResult refused = r.report().results().stream().filter(x -> x.check().id().equals("promotion.policy-refused"))
        .findFirst().orElseThrow();
    assertThat(refused.message()).contains("Deployment/web -> Deployment/api on 9000");
    assertThat(r.conflicts()).extracting(c -> c.wanted().shortName()).contains("NetworkPolicy/web-envprofile");
    assertThat(can(r, "web", "api", 9000)).isTrue();
  }

  @Test
  void podsOfAHeadlessServiceManagedServicesAndShortNamespaceFormsAreReached() {
    String app = deployment("redis", 6379, "", "") + """
        apiVersion: v1
        kind: Service
        metadata: {name: redis-headless}
        spec: {clusterIP: None, selector: {app: redis}, ports: [{port: 6379}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: orders-db}
        spec: {type: ExternalName, externalName: orders.abc123.eu-west-1.rds.amazonaws.com}
        ---
        """ + deployment("api", 8080, """
        env:
        - {name: REDIS_NODES, value: "redis-0.redis-headless:6379,redis-1.redis-headless.shop.svc.cluster.local:6379"}
        - {name: DB, value: "postgres://orders-db:5432/orders"}
        - {name: TRACING, value: "zipkin.tracing:9411"}
        - {name: WEB, value: "http://web:8081"}
        """, "") + deployment("web", 8081, "", "");
    Result r = promote(app, "tier: production");
    assertThat(can(r, "api", "redis", 6379)).as("a pod of a headless Service is the workload behind it").isTrue();
    assertThat(can(r, "api", "internet", 5432)).as("an ExternalName Service leads outside").isTrue();
    Map<String, Endpoint> pods = endpoints(r.objects());
    PolicyEvaluator eval = new PolicyEvaluator(r.objects(), NS);
    assertThat(eval.allowed(pods.get("api"), new Endpoint("tracing", Map.of("app", "zipkin"), Map.of()), 9411))
        .as("zipkin.tracing is the short form of a Service in namespace tracing").isTrue();
    assertThat(result(r, "network.external-egress", "api").message()).contains("rds.amazonaws.com");
  }

  @Test
  void aDatabaseMissingFromTheInputRefusesTheSetAndAnOptionalServiceOnlyOpensEgress() {
    String app = deployment("api", 8080, "env: [{name: DB, value: 'jdbc:mysql://orders-db:3306/orders'}]", "")
        + deployment("web", 8081, "env: [{name: API, value: 'http://api:8080'}, {name: ASSISTANT, value: 'assistant:80'}]", "");
    Result r = promote(app, "tier: production");
    CheckResult refused = result(r, "promotion.policy-refused", "envprofile-default-deny");
    assertThat(refused.message()).contains("orders-db:3306", "not in the input");
    assertThat(r.objects()).noneMatch(NetworkPolicy.class::isInstance);

    Result optional = promote(app.replace("jdbc:mysql://orders-db:3306/orders", "jdbc:mysql://api:8080/x"), "tier: production");
    assertThat(optional.report().results()).noneMatch(x -> x.check().id().equals("promotion.policy-refused"));
    assertThat(can(optional, "web", "api", 8080)).isTrue();
    assertThat(can(optional, "web", "internet", 80)).as("its egress stays open: assistant may live anywhere").isTrue();
    assertThat(result(optional, "security.network-peers", "web").message()).contains("assistant:80");
  }

  @Test
  void podsOfReplicationControllersBarePodsAndCustomTemplatesAreNotCutOffByTheDefaultDeny() {
    // kubernetes/examples guestbook-go: the frontend and the Redis replicas are ReplicationControllers.
    String app = deployment("redis", 6379, "", "") + """
        apiVersion: v1
        kind: ReplicationController
        metadata: {name: guestbook}
        spec:
          replicas: 3
          selector: {app: guestbook}
          template:
            metadata: {labels: {app: guestbook}}
            spec: {containers: [{name: guestbook, image: example/guestbook:v3, env: [{name: R, value: 'redis:6379'}], ports: [{containerPort: 3000}]}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: guestbook}
        spec: {type: LoadBalancer, selector: {app: guestbook}, ports: [{port: 3000, targetPort: http-server}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: sentinel, labels: {role: sentinel}}
        spec: {containers: [{name: sentinel, image: example/sentinel:1}]}
        ---
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata: {name: canary}
        spec:
          selector: {matchLabels: {app: canary}}
          template:
            metadata: {labels: {app: canary}}
            spec: {containers: [{name: canary, image: example/canary:1}]}
        ---
        """;
    Result r = promote(app, "tier: production");
    assertThat(r.report().results()).noneMatch(x -> x.check().id().equals("promotion.policy-refused"));
    assertThat(r.objects()).filteredOn(NetworkPolicy.class::isInstance).extracting(o -> o.getMetadata().getName())
        .contains("envprofile-default-deny", "guestbook-envprofile-unmanaged", "sentinel-envprofile-unmanaged",
            "canary-envprofile-unmanaged");
    PolicyEvaluator eval = new PolicyEvaluator(r.objects(), NS);
    Map<String, Endpoint> pods = endpoints(r.objects());
    Endpoint guestbook = new Endpoint(NS, Map.of("app", "guestbook"), Map.of());
    Endpoint sentinel = new Endpoint(NS, Map.of("role", "sentinel"), Map.of());
    Endpoint canary = new Endpoint(NS, Map.of("app", "canary"), Map.of());
    assertThat(eval.allowed(guestbook, pods.get("redis"), 6379)).as("guestbook -> redis").isTrue();
    assertThat(eval.allowed(pods.get("internet"), guestbook, 3000)).as("LoadBalancer clients -> guestbook").isTrue();
    assertThat(eval.allowed(sentinel, pods.get("redis"), 6379)).as("a bare Pod -> redis").isTrue();
    assertThat(eval.allowed(pods.get("redis"), sentinel, 26379)).as("redis -> a bare Pod").isTrue();
    assertThat(eval.allowed(canary, pods.get("redis"), 6379)).as("a Rollout's pods -> redis").isTrue();

    // A bare Pod without labels cannot be kept open on its own: the set is refused, not emitted.
    Result unlabelled = promote(app.replace("metadata: {name: sentinel, labels: {role: sentinel}}", "metadata: {name: sentinel}"),
        "tier: production");
    assertThat(result(unlabelled, "promotion.policy-refused", "envprofile-default-deny").message())
        .contains("Pod/sentinel runs pods no label selects");
    assertThat(unlabelled.objects()).noneMatch(NetworkPolicy.class::isInstance);
  }

  @Test
  void sidecarsThatCallEachOtherOnTheirOwnPortKeepDoingSo() {
    // dapr/quickstarts distributed-calculator: no Service in the input; the Dapr operator creates
    // addapp-dapr at runtime and the front end's sidecar calls addapp's sidecar on 50002.
    String dapr = "annotations: {dapr.io/enabled: 'true', dapr.io/app-id: %s, dapr.io/app-port: '6000'}";
    String app = deployment("front", 8080, "", ", " + dapr.formatted("front")).replace("ports: [{port: 8080}]", "type: LoadBalancer, ports: [{port: 80, targetPort: 8080}]")
        + deployment("addapp", 6000, "", ", " + dapr.formatted("addapp")).replaceAll("(?s)---\\s*apiVersion: v1\\s*kind: Service.*", "")
        + "---\n" + deployment("connect", 7000, "", ", annotations: {consul.hashicorp.com/connect-inject: 'true'}")
        + deployment("plain", 9000, "env: [{name: A, value: 'http://front:80'}]", "");
    Result r = promote(app, "tier: production");
    assertThat(r.report().results()).noneMatch(x -> x.check().id().equals("promotion.policy-refused"));
    assertThat(can(r, "front", "addapp", 50002)).as("Dapr sidecar -> Dapr sidecar").isTrue();
    assertThat(can(r, "addapp", "front", 50002)).as("Dapr sidecar -> Dapr sidecar").isTrue();
    assertThat(can(r, "front", "connect", 20000)).as("-> Consul Connect's Envoy listener").isTrue();
    assertThat(can(r, "plain", "addapp", 6000)).as("the app port stays closed to a known workload").isFalse();
  }

  @Test
  void aWorkloadThatRegistersWithoutAServiceIsCalledBackOnItsDeclaredPorts() {
    // kubernetes/examples selenium: nodes (no Service) register with the hub over its event bus, and
    // the hub forwards sessions to the node's pod address on 5555.
    String app = deployment("selenium-hub", 4444, "", "").replace("ports: [{port: 4444}]",
        "type: NodePort, ports: [{port: 4444, name: p0}, {port: 4443, name: p1}, {port: 4442, name: p2}]")
        + deployment("node-chrome", 5555, """
        env:
        - {name: SE_EVENT_BUS_HOST, value: selenium-hub}
        - {name: SE_EVENT_BUS_PUBLISH_PORT, value: "4442"}
        - {name: SE_EVENT_BUS_SUBSCRIBE_PORT, value: "4443"}
        """, "").replaceAll("(?s)---\\s*apiVersion: v1\\s*kind: Service.*", "") + "---\n"
        + deployment("plain", 9000, "", "");
    Result r = promote(app, "tier: production");
    assertThat(r.report().results()).noneMatch(x -> x.check().id().equals("promotion.policy-refused"));
    assertThat(can(r, "node-chrome", "selenium-hub", 4442)).isTrue();
    assertThat(can(r, "node-chrome", "selenium-hub", 4443)).isTrue();
    assertThat(can(r, "selenium-hub", "node-chrome", 5555)).as("the hub calls the node back").isTrue();
    assertThat(result(r, "security.network-peers", "node-chrome").message()).contains("SE_EVENT_BUS_HOST");
    assertThat(can(r, "plain", "node-chrome", 5556)).as("only the declared port").isFalse();
  }

  /** For random namespaces, every flow the engine infers from the input is allowed by what it emits. */
  @Property(tries = 40)
  void everyInferredFlowIsAllowed(@ForAll long seed, @ForAll @IntRange(min = 1, max = 14) int size) {
    List<HasMetadata> input = NamespaceGenerator.generate(seed, size, NS);
    for (String spec : List.of("tier: production", "tier: staging", "tier: production\nnetwork: {unknownPeers: Deny}")) {
      Settings s = TestManifests.settings(spec);
      Inventory inv = Inventory.of(NS, input, s.selector());
      FlowFacts flows = new Facts(inv, s).flows();
      Result r = Engine.promote(input, s);
      boolean refused = r.report().results().stream().anyMatch(x -> x.check().id().equals("promotion.policy-refused"));
      // The generator's only input that no policy set can keep working: an ignored workload whose pods
      // carry no label (the default deny would cover them and no policy can select them to open them).
      // ... or a database the input names but lacks, whose pods the default deny would cut off.
      boolean unselectable = inv.allWorkloads().stream().anyMatch(w -> !inv.isSelected(w)
          && PolicyParts.podSelector(w).isEmpty() || !flows.absentServices(w).isEmpty());
      if (refused) {
        assertThat(unselectable).as("seed %d size %d: %s: refused only for an unselectable unmanaged workload"
            + " or a data service missing from the input", seed, size, spec).isTrue();
      }
      Map<String, Endpoint> pods = endpoints(r.objects());
      PolicyEvaluator eval = new PolicyEvaluator(r.objects(), NS);
      for (Workload w : inv.allWorkloads()) {
        for (FlowFacts.Flow f : flows.flowsFrom(w)) {
          Endpoint to = pods.get(f.to().name());
          for (Port p : f.ports()) {
            if (p.protocol().equals("TCP")) {
              assertThat(eval.allowed(pods.get(w.name()), to, p.port()))
                  .as("seed %d size %d %s: %s -> %s on %d", seed, size, spec, w, f.to(), p.port()).isTrue();
            }
          }
        }
      }
    }
  }
}
