package dev.envprofile.it.support;

import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.Map;

/**
 * The test cluster has no storage backend: this creates a PersistentVolume for each pending claim of
 * the test StorageClass (or of no class, which defaults to it), pre-bound to the claim, so that the
 * controller manager binds them and StatefulSets with claim templates become ready. The one
 * provisioner of the project: the integration tests start it in-process; `make cluster-up` and
 * `make demo` run it as a process of its own ({@link #main}, compiled alone against the operator's
 * jar, which holds the client). Claims of another class (the tests' "held") wait. The class binds
 * WaitForFirstConsumer (up.sh), as cloud CSI drivers' do: a claim is provisioned once the scheduler
 * has annotated it with its pod's node, never before.
 */
public final class TestProvisioner implements AutoCloseable {
  public static final String STORAGE_CLASS = "envprofile-test";
  static final String SELECTED_NODE = "volume.kubernetes.io/selected-node";

  private final KubernetesClient client;
  private SharedIndexInformer<PersistentVolumeClaim> informer;

  /** {@code java -cp envprofile.jar:DIR dev.envprofile.it.support.TestProvisioner KUBECONFIG}: runs until killed. */
  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: TestProvisioner KUBECONFIG");
      System.exit(2);
    }
    String kubeconfig = java.nio.file.Files.readString(java.nio.file.Path.of(args[0]));
    KubernetesClient client = new io.fabric8.kubernetes.client.KubernetesClientBuilder()
        .withConfig(io.fabric8.kubernetes.client.Config.fromKubeconfig(kubeconfig)).build();
    new TestProvisioner(client).start();
    System.err.println("provisioner: binding claims of StorageClass " + STORAGE_CLASS);
    Thread.currentThread().join();
  }

  public TestProvisioner(KubernetesClient client) {
    this.client = client;
  }

  public void start() {
    informer = client.persistentVolumeClaims().inAnyNamespace().inform(new ResourceEventHandler<>() {
      @Override
      public void onAdd(PersistentVolumeClaim c) {
        provision(c);
      }

      @Override
      public void onUpdate(PersistentVolumeClaim old, PersistentVolumeClaim c) {
        provision(c);
      }

      @Override
      public void onDelete(PersistentVolumeClaim c, boolean unknown) {
      }
    }, 30_000L);
  }

  private void provision(PersistentVolumeClaim c) {
    String cls = c.getSpec().getStorageClassName();
    boolean ours = cls == null || STORAGE_CLASS.equals(cls);
    boolean pending = c.getStatus() == null || c.getStatus().getPhase() == null || "Pending".equals(c.getStatus().getPhase());
    if (!ours || !pending || c.getSpec().getVolumeName() != null && !c.getSpec().getVolumeName().isEmpty()) {
      return;
    }
    // WaitForFirstConsumer, as a CSI external-provisioner: nothing until the scheduler names the pod's node.
    java.util.Map<String, String> annotations = c.getMetadata().getAnnotations();
    if (annotations == null || !annotations.containsKey(SELECTED_NODE)) {
      return;
    }
    String name = "pv-" + c.getMetadata().getUid();
    Quantity size = c.getSpec().getResources() != null && c.getSpec().getResources().getRequests() != null
        ? c.getSpec().getResources().getRequests().getOrDefault("storage", new Quantity("1Gi")) : new Quantity("1Gi");
    ObjectReference ref = new ObjectReference();
    ref.setNamespace(c.getMetadata().getNamespace());
    ref.setName(c.getMetadata().getName());
    ref.setUid(c.getMetadata().getUid());
    PersistentVolume pv = new PersistentVolumeBuilder()
        .withNewMetadata().withName(name).withAnnotations(Map.of("pv.kubernetes.io/provisioned-by", "envprofile.dev/test"))
        .endMetadata()
        .withNewSpec().withCapacity(Map.of("storage", size)).withAccessModes(c.getSpec().getAccessModes())
        .withStorageClassName(STORAGE_CLASS).withPersistentVolumeReclaimPolicy("Retain").withClaimRef(ref)
        .withNewHostPath().withPath("/tmp/envprofile-pv/" + c.getMetadata().getUid()).withType("DirectoryOrCreate").endHostPath()
        .endSpec().build();
    try {
      client.persistentVolumes().resource(pv).create();
    } catch (KubernetesClientException e) {
      if (e.getCode() != 409) {
        throw e;
      }
    }
  }

  @Override
  public void close() {
    if (informer != null) {
      informer.close();
    }
  }
}
