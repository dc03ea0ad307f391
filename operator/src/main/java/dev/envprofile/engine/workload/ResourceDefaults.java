package dev.envprofile.engine.workload;

import dev.envprofile.engine.Settings;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Default requests and memory limit for a container that has none. A request never exceeds an
 * existing limit (the API would reject it); the memory limit is at least twice the memory request
 * and at least a JVM's heap plus 256Mi, so that a promoted Java service is not OOM-killed. Every
 * quantity written is in the API server's canonical form (see {@link Quantities}).
 */
public final class ResourceDefaults {
  private ResourceDefaults() {}

  public static boolean missing(Container c) {
    ResourceRequirements r = c.getResources();
    return r == null || r.getRequests() == null || !r.getRequests().containsKey("cpu") || !r.getRequests().containsKey("memory")
        || r.getLimits() == null || !r.getLimits().containsKey("memory");
  }

  /** @return whether anything was added */
  public static boolean apply(Container c, Settings.Workloads w, long heapBytes) {
    if (!missing(c)) {
      return false;
    }
    ResourceRequirements r = c.getResources() == null ? new ResourceRequirements() : c.getResources();
    Map<String, Quantity> requests = r.getRequests() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(r.getRequests());
    Map<String, Quantity> limits = r.getLimits() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(r.getLimits());
    for (String res : new String[] {"cpu", "memory"}) {
      String def = w.requests().get(res);
      if (def != null && !requests.containsKey(res)) {
        Quantity q = new Quantity(Quantities.canonical(def));
        Quantity limit = limits.get(res);
        requests.put(res, limit != null && Memory.amount(limit).compareTo(Memory.amount(q)) < 0 ? limit : q);
      }
    }
    if (!limits.containsKey("memory")) {
      long limit = w.limits().containsKey("memory") ? Memory.bytes(w.limits().get("memory")) : 0;
      if (requests.containsKey("memory")) {
        limit = Math.max(limit, 2 * Memory.amount(requests.get("memory")).longValue());
      }
      if (heapBytes > 0) {
        limit = Math.max(limit, heapBytes + 256 * Memory.MI);
      }
      if (limit > 0) {
        String given = w.limits().get("memory");
        limits.put("memory", new Quantity(Quantities.canonical(
            given != null && Memory.bytes(given) == limit ? given : Memory.mebibytes(limit))));
      }
    }
    w.limits().forEach((res, v) -> {
      if (!res.equals("memory") && !limits.containsKey(res)) {
        limits.put(res, new Quantity(Quantities.canonical(v)));
      }
    });
    r.setRequests(requests);
    r.setLimits(limits.isEmpty() ? null : limits);
    c.setResources(r);
    return true;
  }
}
