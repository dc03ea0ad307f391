package dev.envprofile.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * The fields the API server requires of the objects the engine reads, checked on the parsed
 * document: a manifest the cluster would refuse gets one line naming the field, as `kubectl apply`
 * would, instead of an engine working on half an object. (In the cluster the API server has
 * already done this.)
 */
final class RequiredFields {
  /** Where each workload kind keeps its pod spec. */
  private static final Map<String, String> POD_SPEC = Map.of(
      "Deployment", "/spec/template/spec",
      "StatefulSet", "/spec/template/spec",
      "DaemonSet", "/spec/template/spec",
      "ReplicaSet", "/spec/template/spec",
      "Job", "/spec/template/spec",
      "CronJob", "/spec/jobTemplate/spec/template/spec",
      "Pod", "/spec");

  private RequiredFields() {}

  /** The first required field that is missing or mistyped, as "path: what", or null. */
  static String problem(JsonNode doc) {
    String kind = doc.path("kind").asText();
    String podSpec = POD_SPEC.get(kind);
    if (podSpec != null) {
      return pod(doc.at(podSpec), dotted(podSpec));
    }
    if ("Service".equals(kind)) {
      return each(doc.at("/spec/ports"), "spec.ports", (p, at) -> integer(p, "port", at));
    }
    return null;
  }

  private static String pod(JsonNode spec, String at) {
    if (!spec.isObject()) {
      return at + " is required";
    }
    JsonNode containers = spec.path("containers");
    if (!containers.isArray() || containers.isEmpty()) {
      return at + ".containers must list at least one container";
    }
    String p = each(containers, at + ".containers", RequiredFields::container);
    if (p == null) {
      p = each(spec.path("initContainers"), at + ".initContainers", RequiredFields::container);
    }
    if (p == null) {
      p = each(spec.path("volumes"), at + ".volumes", (v, vat) -> string(v, "name", vat));
    }
    return p;
  }

  private static String container(JsonNode c, String at) {
    String p = string(c, "name", at);
    if (p == null) {
      p = string(c, "image", at);
    }
    if (p == null) {
      p = each(c.path("env"), at + ".env", RequiredFields::env);
    }
    if (p == null) {
      p = each(c.path("envFrom"), at + ".envFrom", (e, eat) -> null);
    }
    if (p == null) {
      p = each(c.path("ports"), at + ".ports", (port, pat) -> integer(port, "containerPort", pat));
    }
    if (p == null) {
      p = each(c.path("volumeMounts"), at + ".volumeMounts", (m, mat) -> {
        String q = string(m, "name", mat);
        return q != null ? q : string(m, "mountPath", mat);
      });
    }
    return p;
  }

  private static String env(JsonNode e, String at) {
    String p = string(e, "name", at);
    if (p != null) {
      return p;
    }
    JsonNode from = e.path("valueFrom");
    for (String ref : new String[] {"configMapKeyRef", "secretKeyRef"}) {
      if (from.has(ref)) {
        return string(from.get(ref), "key", at + ".valueFrom." + ref);
      }
    }
    return null;
  }

  private interface Item {
    String problem(JsonNode item, String at);
  }

  /** Each element of an optional list must be an object that passes {@code item}. */
  private static String each(JsonNode list, String at, Item item) {
    if (list.isMissingNode() || list.isNull()) {
      return null;
    }
    if (!list.isArray()) {
      return at + " must be a list";
    }
    for (int i = 0; i < list.size(); i++) {
      String here = at + "[" + i + "]";
      if (!list.get(i).isObject()) {
        return here + " must be an object";
      }
      String p = item.problem(list.get(i), here);
      if (p != null) {
        return p;
      }
    }
    return null;
  }

  private static String string(JsonNode o, String field, String at) {
    JsonNode v = o.path(field);
    if (!v.isTextual() || v.asText().isEmpty()) {
      return at + "." + field + (v.isMissingNode() || v.isNull() || v.asText().isEmpty() ? " is required" : " must be a string");
    }
    return null;
  }

  private static String integer(JsonNode o, String field, String at) {
    JsonNode v = o.path(field);
    if (!v.canConvertToInt() || !v.isIntegralNumber()) {
      return at + "." + field + (v.isMissingNode() || v.isNull() ? " is required" : " must be an integer");
    }
    return null;
  }

  private static String dotted(String pointer) {
    return pointer.substring(1).replace('/', '.');
  }
}
