package dev.envprofile.engine.workload;

import dev.envprofile.engine.inventory.Workload;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * ephemeral-storage requests and limits. A request only weighs in scheduling, so a small one is
 * always safe: {@link #DEFAULT_REQUEST}, or the profile's {@code resources.requests.ephemeral-storage}.
 * A limit evicts the pod when its writable layer, logs and disk emptyDirs outgrow it, so Enforce adds
 * one only where the most the container can write is known: its root is read-only and every disk
 * emptyDir it mounts has a sizeLimit; the limit is then their sum plus {@link #LOG_ALLOWANCE} for
 * its logs (the kubelet rotates them at 10Mi, five files, by default). Or where the profile names a
 * limit: that is the platform's own choice.
 */
public final class EphemeralStorage {
  public static final String RESOURCE = "ephemeral-storage";
  public static final String DEFAULT_REQUEST = "64Mi";
  static final long LOG_ALLOWANCE = 256 * Memory.MI;

  private EphemeralStorage() {}

  public static boolean requestMissing(Container c) {
    ResourceRequirements r = c.getResources();
    return r == null || r.getRequests() == null || !r.getRequests().containsKey(RESOURCE);
  }

  public static boolean limitMissing(Container c) {
    ResourceRequirements r = c.getResources();
    return r == null || r.getLimits() == null || !r.getLimits().containsKey(RESOURCE);
  }

  public static boolean missing(Container c) {
    return requestMissing(c) || limitMissing(c);
  }

  /**
   * The most the container can write to the node's disk, in bytes, or -1 when that is not known
   * (a writable root, or a disk emptyDir without sizeLimit).
   */
  public static long knownLimit(Workload w, Container c) {
    if (ReadOnlyRoot.missing(c)) {
      return -1;
    }
    long sum = LOG_ALLOWANCE;
    if (c.getVolumeMounts() != null) {
      for (VolumeMount m : c.getVolumeMounts()) {
        Volume v = volume(w, m.getName());
        if (v == null || v.getEmptyDir() == null || "Memory".equals(v.getEmptyDir().getMedium())) {
          continue; // claims, ConfigMaps, Secrets and tmpfs do not count against ephemeral storage
        }
        Quantity size = v.getEmptyDir().getSizeLimit();
        if (size == null) {
          return -1;
        }
        sum += Memory.amount(size).longValue();
      }
    }
    return sum;
  }

  /** Whether Enforce would leave nothing missing on the container. */
  public static boolean fixable(Workload w, Container c, Map<String, String> profileLimits) {
    return !limitMissing(c) || profileLimits.containsKey(RESOURCE) || knownLimit(w, c) >= 0;
  }

  /** Adds what is missing and safe; @return whether anything was added */
  public static boolean apply(Workload w, Container c, Map<String, String> profileRequests,
                              Map<String, String> profileLimits) {
    if (!missing(c)) {
      return false;
    }
    ResourceRequirements r = c.getResources() == null ? new ResourceRequirements() : c.getResources();
    Map<String, Quantity> requests = r.getRequests() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(r.getRequests());
    Map<String, Quantity> limits = r.getLimits() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(r.getLimits());
    boolean changed = false;
    if (!limits.containsKey(RESOURCE)) {
      String given = profileLimits.get(RESOURCE);
      long known = given == null ? knownLimit(w, c) : -1;
      Quantity limit = given != null ? new Quantity(Quantities.canonical(given))
          : known >= 0 ? new Quantity(Quantities.canonical(Memory.mebibytes(known))) : null;
      Quantity request = requests.get(RESOURCE);
      if (limit != null && request != null && Memory.amount(limit).compareTo(Memory.amount(request)) < 0) {
        limit = request; // a limit below the request is refused by the API server
      }
      if (limit != null) {
        limits.put(RESOURCE, limit);
        changed = true;
      }
    }
    if (!requests.containsKey(RESOURCE)) {
      Quantity q = new Quantity(Quantities.canonical(profileRequests.getOrDefault(RESOURCE, DEFAULT_REQUEST)));
      Quantity limit = limits.get(RESOURCE);
      requests.put(RESOURCE, limit != null && Memory.amount(limit).compareTo(Memory.amount(q)) < 0 ? limit : q);
      changed = true;
    }
    if (changed) {
      r.setRequests(requests);
      r.setLimits(limits.isEmpty() ? null : limits);
      c.setResources(r);
    }
    return changed;
  }

  private static Volume volume(Workload w, String name) {
    if (w.pod().getVolumes() == null) {
      return null;
    }
    return w.pod().getVolumes().stream().filter(v -> v.getName().equals(name)).findFirst().orElse(null);
  }
}
