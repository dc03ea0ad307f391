package dev.envprofile.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class StorageSpec {
  @JsonPropertyDescription("Convert Deployments that keep data on emptyDir (or in a stateful server's writable layer) into StatefulSets with volumeClaimTemplates. Default: false for local, true otherwise.")
  public Boolean convertEmptyDir;

  @JsonPropertyDescription("StorageClass of generated volumeClaimTemplates. Empty uses the cluster's default StorageClass.")
  public String storageClassName;

  @Pattern("^[0-9]+(\\.[0-9]+)?(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?$")
  @JsonPropertyDescription("Requested size of each generated claim (default 10Gi). The workload annotation envprofile.dev/storage-size overrides it.")
  public String size;

  @JsonPropertyDescription("Access modes of generated claims (default [ReadWriteOnce]).")
  public List<AccessMode> accessModes;

  /** PersistentVolume access modes. */
  public enum AccessMode { ReadWriteOnce, ReadOnlyMany, ReadWriteMany, ReadWriteOncePod }
}
