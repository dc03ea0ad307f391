package dev.envprofile.engine.network;

import static dev.envprofile.testing.TestManifests.get;
import static dev.envprofile.testing.TestManifests.promote;
import static dev.envprofile.testing.TestManifests.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import dev.envprofile.engine.Engine;
import dev.envprofile.engine.Result;
import dev.envprofile.engine.inventory.Workload;
import dev.envprofile.engine.model.CheckResult;
import dev.envprofile.engine.network.PolicyEvaluator.Endpoint;
import dev.envprofile.testing.TestManifests;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NetworkRewriteTest {
  private static final String NS = TestManifests.NS;

  /** frontend -> api (named port) -> db, cache (numeric targetPort); legacy has hard-coded peers. */
  private static final String APP = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: frontend}
      spec:
        selector: {matchLabels: {app: frontend}}
        template:
          metadata: {labels: {app: frontend}}
          spec:
            containers:
            - name: web
              image: example/frontend:1.0
              ports: [{name: http, containerPort: 3000}]
              env: [{name: API_URL, value: "http://api"}]
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: frontend}
      spec: {selector: {app: frontend}, ports: [{port: 80, targetPort: http}]}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: api}
      spec:
        selector: {matchLabels: {app: api}}
        template:
          metadata: {labels: {app: api}}
          spec:
            containers:
            - name: api
              image: example/api:1.0
              ports: [{name: web, containerPort: 8080}]
              env:
              - {name: DATABASE_URL, value: "postgresql://app:Pg-Secret-81@db:5432/app"}
              - {name: CACHE_ADDR, value: "cache:6379"}
              - {name: ZIPKIN, value: "http://zipkin.tracing.svc.cluster.local:9411/api/v2/spans"}
              - {name: BUCKET_URL, value: "https://storage.googleapis.com/shop-assets"}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: api}
      spec: {selector: {app: api}, ports: [{port: 80, targetPort: web}]}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: db}
      spec:
        selector: {matchLabels: {app: db}}
        template:
          metadata: {labels: {app: db}}
          spec:
            containers:
            - {name: db, image: "postgres:16", ports: [{containerPort: 5432}]}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: db}
      spec: {selector: {app: db}, ports: [{port: 5432}]}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: cache}
      spec:
        selector: {matchLabels: {app: cache}}
        template:
          metadata: {labels: {app: cache}}
          spec:
            containers:
            - {name: cache, image: "example/kv:2.0", ports: [{containerPort: 6380}]}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: cache}
      spec: {selector: {app: cache}, ports: [{port: 6379, targetPort: 6380}]}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: legacy}
      spec:
        selector: {matchLabels: {app: legacy}}
        template:
          metadata: {labels: {app: legacy}}
          spec:
            containers:
            - {name: legacy, image: "example/legacy:7.1", ports: [{containerPort: 9000}]}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: legacy}
      spec: {selector: {app: legacy}, ports: [{port: 9000}]}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: public}
      spec:
        selector: {matchLabels: {app: public}}
        template:
          metadata: {labels: {app: public}}
          spec:
            containers:
            - {name: public, image: "example/public:1.0", ports: [{containerPort: 7000}]}
            - name: probe
              image: example/probe:1.0
              args: ["--target", "http://frontend:80"]
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: public}
      spec: {type: NodePort, selector: {app: public}, ports: [{port: 7000}]}
      ---
      apiVersion: batch/v1
      kind: CronJob
      metadata: {name: report}
      spec:
        schedule: "0 3 * * *"
        jobTemplate:
          spec:
            template:
              spec:
                restartPolicy: OnFailure
                containers:
                - name: report
                  image: example/report:1.0
                  env: [{name: API, value: "http://api.shop.svc.cluster.local"}]
      ---
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata: {name: shop}
      spec:
        rules:
        - host: shop.example.com
          http:
            paths:
            - {path: /, pathType: Prefix, backend: {service: {name: frontend, port: {number: 80}}}}
      """;

  private record Net(PolicyEvaluator eval, Map<String, Endpoint> pods, Result result) {
    boolean can(String from, String to, int port) {
      return eval.allowed(pods.get(from), pods.get(to), port);
    }
  }

  private static Net promoteAndEvaluate(String manifests, String spec) {
    Result r = promote(manifests, spec);
    Map<String, Endpoint> pods = new LinkedHashMap<>();
    for (HasMetadata o : r.objects()) {
      Workload w = Workload.of(o);
      if (w != null) {
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
        pods.put(w.name(), new Endpoint(NS, w.podLabels(), named));
      }
    }
    pods.put("ingress-controller", new Endpoint("ingress-nginx", Map.of("app", "ingress-nginx"), Map.of()));
    pods.put("kube-dns", new Endpoint("kube-system", Map.of("k8s-app", "kube-dns"), Map.of()));
    pods.put("zipkin", new Endpoint("tracing", Map.of("app", "zipkin"), Map.of()));
    pods.put("internet", Endpoint.outside());
    return new Net(new PolicyEvaluator(r.objects(), NS), pods, r);
  }

  @Test
  void everyInferredFlowIsAllowedOnTheTargetPort() {
    Net n = promoteAndEvaluate(APP, "tier: production");
    assertThat(n.can("frontend", "api", 8080)).as("named targetPort web").isTrue();
    assertThat(n.can("api", "db", 5432)).as("URL with userinfo").isTrue();
    assertThat(n.can("api", "cache", 6380)).as("Service port 6379 resolves to target 6380").isTrue();
    assertThat(n.can("api", "cache", 6379)).as("the Service port is not the pod's port").isFalse();
    assertThat(n.can("report", "api", 8080)).as("CronJob consumer").isTrue();
    assertThat(n.can("public", "frontend", 3000)).as("args name a peer").isTrue();
    assertThat(n.can("api", "kube-dns", 53)).isTrue();
    assertThat(n.eval().allowed(n.pods().get("api"), n.pods().get("kube-dns"), 53, "UDP")).isTrue();
    CronJob cj = get(n.result().objects(), CronJob.class, "report");
    assertThat(cj.getSpec().getJobTemplate().getSpec().getTemplate().getMetadata().getLabels())
        .containsEntry("envprofile.dev/workload", "report");
  }

  @Test
  void trafficFromOutsideReachesIngressBackendsAndNodePortsOnly() {
    Net n = promoteAndEvaluate(APP, "tier: production");
    assertThat(n.can("ingress-controller", "frontend", 3000)).isTrue();
    assertThat(n.can("ingress-controller", "api", 8080)).isFalse();
    assertThat(n.can("internet", "public", 7000)).isTrue();
    assertThat(n.can("internet", "api", 8080)).isFalse();
  }

  @Test
  void flowsBetweenKnownWorkloadsThatNobodyDeclaredStayDenied() {
    Net n = promoteAndEvaluate(APP, "tier: production");
    assertThat(n.can("frontend", "db", 5432)).isFalse();
    assertThat(n.can("db", "api", 8080)).isFalse();
    assertThat(n.can("cache", "db", 5432)).isFalse();
    assertThat(n.can("frontend", "cache", 6380)).isFalse();
  }

  @Test
  void workloadsWithHardCodedPeersKeepWorkingUnderNamespaceAndAreIsolatedUnderDeny() {
    Net open = promoteAndEvaluate(APP, "tier: production");
    assertThat(open.can("legacy", "db", 5432)).isTrue();
    assertThat(open.can("api", "legacy", 9000)).isTrue();
    assertThat(open.can("legacy", "api", 8080)).isTrue();
    assertThat(open.can("legacy", "kube-dns", 53)).isTrue();
    CheckResult peers = open.result().report().results().stream()
        .filter(r -> r.check().id().equals("security.network-peers") && r.object().name().equals("legacy"))
        .findFirst().orElseThrow();
    assertThat(peers.passed()).isFalse();
    assertThat(peers.message()).contains("envprofile.dev/talks-to");

    Net deny = promoteAndEvaluate(APP, "tier: production\nnetwork: {unknownPeers: Deny}");
    assertThat(deny.can("legacy", "db", 5432)).isFalse();
    assertThat(deny.can("api", "legacy", 9000)).isFalse();
    assertThat(deny.can("legacy", "kube-dns", 53)).isTrue();

    String declared = APP.replace("metadata: {name: legacy}", "metadata: {name: legacy, annotations: {envprofile.dev/talks-to: db}}");
    Net d = promoteAndEvaluate(declared, "tier: production\nnetwork: {unknownPeers: Deny}");
    assertThat(d.can("legacy", "db", 5432)).isTrue();
    assertThat(d.can("legacy", "api", 8080)).isFalse();
  }

  @Test
  void otherNamespacesAndExternalHostsOnTheNamedPorts() {
    Net n = promoteAndEvaluate(APP, "tier: production");
    assertThat(n.can("api", "zipkin", 9411)).isTrue();
    assertThat(n.can("api", "zipkin", 9412)).isFalse();
    assertThat(n.can("api", "internet", 443)).isTrue();
    assertThat(n.can("api", "internet", 5432)).isFalse();
    assertThat(n.can("frontend", "internet", 443)).isFalse();
    CheckResult ext = n.result().report().results().stream()
        .filter(r -> r.check().id().equals("network.external-egress") && r.object().name().equals("api"))
        .findFirst().orElseThrow();
    assertThat(ext.message()).contains("storage.googleapis.com:443").doesNotContain("Pg-Secret-81");

    Net deny = promoteAndEvaluate(APP, "tier: production\nnetwork: {externalEgress: Deny}");
    assertThat(deny.can("api", "internet", 443)).isFalse();
    Net pinned = promoteAndEvaluate(APP, "tier: production\nnetwork: {externalEgress: Deny, egressCIDRs: [142.250.0.0/15]}");
    assertThat(pinned.can("api", "internet", 443)).isTrue();
  }

  @Test
  void flowsSurviveCredentialsMovingIntoAnExternalSecret() {
    String spec = "tier: production\nsecrets: {provider: ExternalSecret, externalSecret: {secretStoreRef: {name: vault}}}";
    Net n = promoteAndEvaluate(APP, spec);
    assertThat(n.can("api", "db", 5432)).isTrue();
    assertThat(yaml(n.result().objects())).doesNotContain("Pg-Secret-81");
    var s = TestManifests.settings(spec);
    List<HasMetadata> once = n.result().objects();
    assertThat(yaml(Engine.promote(once, s).objects())).isEqualTo(yaml(once));
  }

  @Test
  void promotingTwiceChangesNothing() {
    var s = TestManifests.settings("tier: production");
    List<HasMetadata> once = Engine.promote(TestManifests.parse(APP), s).objects();
    assertThat(yaml(Engine.promote(once, s).objects())).isEqualTo(yaml(once));
  }

  @Test
  void aRunOfACronJobIsCoveredByItsCronJobNotAWorkloadOfItsOwn() {
    String manifests = """
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: nightly}
        spec:
          schedule: "0 2 * * *"
          jobTemplate:
            spec:
              template:
                metadata: {labels: {app: nightly}}
                spec:
                  restartPolicy: Never
                  containers: [{name: run, image: example/nightly:1.0}]
        ---
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: nightly-29932500
          ownerReferences: [{apiVersion: batch/v1, kind: CronJob, name: nightly, uid: 1f0c, controller: true}]
        spec:
          template:
            metadata: {labels: {app: nightly, batch.kubernetes.io/job-name: nightly-29932500}}
            spec:
              restartPolicy: Never
              containers: [{name: run, image: example/nightly:1.0}]
        """;
    Result r = promote(manifests, "tier: production");
    assertThat(Workload.in(r.objects())).extracting(Workload::toString).containsExactly("CronJob/nightly");
    assertThat(r.objects()).filteredOn(o -> o.getKind().equals("NetworkPolicy")).extracting(o -> o.getMetadata().getName())
        .contains("nightly-envprofile").noneMatch(n -> n.contains("29932500"));
    assertThat(r.report().results()).noneMatch(c -> c.object().path().contains("29932500"));
  }
}
