package dev.envprofile.operator.reconciler;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.envprofile.api.EnvironmentProfile;
import dev.envprofile.engine.Labels;
import dev.envprofile.engine.apply.Trees;
import dev.envprofile.engine.plan.RevertRefs;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.zjsonpatch.DiffFlags;
import io.fabric8.zjsonpatch.JsonDiff;
import io.fabric8.zjsonpatch.JsonPatch;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * What the operator changed in objects it does not own, so that a Revert can give back exactly
 * that and nothing else. Per object, an ordered list of single-path edits, each with the value
 * before ({@code o}) and after ({@code w}) the edit; absent values are left out. Kept, gzipped, in
 * a Secret of the operator's own namespace named by the profile's UID (the values may be
 * credentials that left a ConfigMap or an env literal; tenants cannot write there, so they cannot
 * forge what a Revert writes), written before the edits it describes so a crash between the two
 * loses nothing. Reading is bounded (entries, edits, inflated bytes, nesting): a log that exceeds
 * a bound or does not parse is {@link Unreadable}, never an OutOfMemoryError.
 */
final class RevertLog {
  static final String ROLE = Labels.PREFIX + "role";
  static final String ROLE_VALUE = "revert-log";
  /** "namespace/name" of the profile a log belongs to, for people listing the operator's namespace. */
  static final String PROFILE = Labels.PREFIX + "profile";
  static final int MAX_ENTRIES = 5_000;
  static final int MAX_EDITS = 20_000;
  /** Inflated bytes of all entries together: a Secret holds at most 1 MiB, legit logs compress 3 to 10 times. */
  static final long MAX_INFLATED = 32L << 20;
  private static final ObjectMapper BOUNDED = new ObjectMapper(JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).maxStringLength(4 << 20)
          .maxDocumentLength(MAX_INFLATED).build()).build());

  /** The log cannot be read: too large, not gzip, not the expected JSON. The message holds no value. */
  static final class Unreadable extends RuntimeException {
    Unreadable(String message) {
      super(message);
    }
  }

  /** "Kind.name" to {apiVersion, edits}. */
  private final Map<String, ObjectNode> entries = new TreeMap<>();
  private boolean changed;

  private RevertLog() {}

  /** The log's Secret in the operator's namespace: one per profile, by UID (names repeat across namespaces). */
  static final String NAME_PREFIX = "envprofile-revert-";

  static String secretName(EnvironmentProfile profile) {
    return NAME_PREFIX + profile.getMetadata().getUid();
  }

  /**
   * Where releases before 0.2 kept the log: a Secret in the profile's own namespace, which any
   * tenant who can write Secrets there can forge. It is never read; a cleanup deletes it.
   */
  static String legacyName(EnvironmentProfile profile) {
    return profile.getMetadata().getName() + "-envprofile-revert";
  }

  static boolean isRevertLog(HasMetadata o) {
    return o instanceof Secret && o.getMetadata().getLabels() != null
        && ROLE_VALUE.equals(o.getMetadata().getLabels().get(ROLE)) && Labels.isManaged(o);
  }

  static RevertLog empty() {
    return new RevertLog();
  }

  /** The log kept in {@code secret}; an empty log when there is none; {@link Unreadable} when it breaks a bound. */
  static RevertLog from(Secret secret) {
    RevertLog log = new RevertLog();
    if (secret == null || secret.getData() == null) {
      return log;
    }
    if (secret.getData().size() > MAX_ENTRIES) {
      throw new Unreadable("the revert log has " + secret.getData().size() + " entries, more than " + MAX_ENTRIES);
    }
    long[] budget = {MAX_INFLATED};
    for (Map.Entry<String, String> e : secret.getData().entrySet()) {
      if (e.getKey().indexOf('.') <= 0) {
        throw new Unreadable("the revert log has an entry that names no object");
      }
      byte[] gz;
      try {
        gz = Base64.getDecoder().decode(e.getValue() == null ? "" : e.getValue());
      } catch (IllegalArgumentException bad) {
        throw new Unreadable("the revert log entry " + e.getKey() + " is not base64");
      }
      JsonNode entry = read(gz, budget, e.getKey());
      if (!(entry instanceof ObjectNode o) || !o.path("apiVersion").isTextual() || !o.path("edits").isArray()
          || o.get("edits").size() > MAX_EDITS) {
        throw new Unreadable("the revert log entry " + e.getKey() + " is not a list of at most " + MAX_EDITS + " edits");
      }
      for (JsonNode edit : o.get("edits")) {
        if (!edit.path("op").isTextual() || !edit.path("path").isTextual()) {
          throw new Unreadable("the revert log entry " + e.getKey() + " holds an edit without op and path");
        }
      }
      log.entries.put(e.getKey(), o);
    }
    return log;
  }

  static String key(String kind, String name) {
    return kind + "." + name;
  }

  /** Key of a reference in place of a value: {"$secretRef": {"name": Secret, "key": key}}. */
  static final String REF = RevertRefs.REF;

  void record(ObjectNode have, ObjectNode want) {
    record(have, want, Map.of());
  }

  /**
   * Records the edits that turn {@code have} into {@code want} (both as applyable trees), where the
   * log does not already hold the same edit: reconciles that keep waiting record nothing new. A
   * value before the edit that {@code refs} knows (a credential an ExternalSecret syncs, by value)
   * is recorded as a reference to its Secret and key, never as the value: with provider
   * ExternalSecret no value is copied into the cluster by the operator, the log included.
   */
  void record(ObjectNode have, ObjectNode want, Map<String, ObjectNode> refs) {
    String key = key(have.path("kind").asText(), have.path("metadata").path("name").asText());
    ObjectNode record = entries.computeIfAbsent(key, k -> JsonNodeFactory.instance.objectNode()
        .put("apiVersion", have.path("apiVersion").asText()));
    ArrayNode list = record.has("edits") ? (ArrayNode) record.get("edits") : record.putArray("edits");
    JsonNode cursor = Trees.comparable(have);
    JsonNode target = Trees.comparable(want);
    for (JsonNode op : JsonDiff.asJson(cursor, target, DiffFlags.dontNormalizeOpIntoMoveAndCopy())) {
      String path = op.get("path").asText();
      JsonNode before = cursor.at(path);
      ArrayNode single = JsonNodeFactory.instance.arrayNode().add(op);
      cursor = JsonPatch.apply(single, cursor);
      if (!Trees.recordable(path)) {
        continue;
      }
      ObjectNode entry = JsonNodeFactory.instance.objectNode();
      entry.put("op", op.get("op").asText()).put("path", path);
      if (!before.isMissingNode()) {
        entry.set("o", refs.isEmpty() ? before : referenced(before, refs));
      }
      JsonNode after = cursor.at(path);
      if (!after.isMissingNode()) {
        entry.set("w", after);
      }
      if (!contains(list, entry)) {
        list.add(entry);
        changed = true;
      }
    }
    if (list.isEmpty()) {
      entries.remove(key);
    }
  }

  static JsonNode referenced(JsonNode value, Map<String, ObjectNode> refs) {
    return RevertRefs.referenced(value, refs);
  }

  static JsonNode resolved(JsonNode value, java.util.function.BiFunction<String, String, String> read) {
    return RevertRefs.resolved(value, read);
  }

  private static boolean contains(ArrayNode list, ObjectNode entry) {
    for (JsonNode e : list) {
      if (e.equals(entry)) {
        return true;
      }
    }
    return false;
  }

  boolean changed() {
    return changed;
  }

  boolean isEmpty() {
    return entries.isEmpty();
  }

  /** The log as the revert planner reads it: per "Kind.name", the API version and the edits. */
  Map<String, dev.envprofile.engine.plan.RevertPlanner.Entry> entries() {
    Map<String, dev.envprofile.engine.plan.RevertPlanner.Entry> out = new TreeMap<>();
    for (String key : entries.keySet()) {
      out.put(key, new dev.envprofile.engine.plan.RevertPlanner.Entry(apiVersion(key), edits(key)));
    }
    return out;
  }

  /** Object keys ("Kind.name") in the log. */
  List<String> keys() {
    return new ArrayList<>(entries.keySet());
  }

  /** The edits recorded for {@code key}, oldest first. */
  ArrayNode edits(String key) {
    ObjectNode r = entries.get(key);
    return r == null || !r.has("edits") ? JsonNodeFactory.instance.arrayNode() : (ArrayNode) r.get("edits");
  }

  String apiVersion(String key) {
    ObjectNode r = entries.get(key);
    return r == null ? null : r.path("apiVersion").asText();
  }

  /**
   * The Secret that keeps the log, as an applyable tree in {@code namespace} (the operator's). No
   * owner reference: it cannot name an owner in another namespace; the profile's cleanup deletes it.
   */
  ObjectNode toSecret(EnvironmentProfile profile, String namespace) {
    ObjectNode s = JsonNodeFactory.instance.objectNode();
    s.put("apiVersion", "v1").put("kind", "Secret").put("type", "Opaque");
    ObjectNode meta = s.putObject("metadata");
    meta.put("name", secretName(profile)).put("namespace", namespace);
    meta.putObject("labels").put(Labels.MANAGED_BY, Labels.MANAGER).put(ROLE, ROLE_VALUE);
    meta.putObject("annotations").put(PROFILE, profile.getMetadata().getNamespace() + "/" + profile.getMetadata().getName());
    ObjectNode data = s.putObject("data");
    entries.forEach((k, v) -> data.put(k, Base64.getEncoder().encodeToString(write(v))));
    return s;
  }

  static byte[] write(JsonNode node) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(Trees.JSON.writeValueAsBytes(node));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** Inflates at most {@code budget[0]} bytes (shared by all entries), then parses with bounded depth and size. */
  private static JsonNode read(byte[] gz, long[] budget, String key) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      byte[] buf = new byte[8192];
      for (int n; (n = in.read(buf)) > 0; ) {
        budget[0] -= n;
        if (budget[0] < 0) {
          throw new Unreadable("the revert log inflates to more than " + (MAX_INFLATED >> 20) + " MiB");
        }
        out.write(buf, 0, n);
      }
      return BOUNDED.readTree(out.toByteArray());
    } catch (IOException e) {
      throw new Unreadable("the revert log entry " + key + " is not gzipped JSON");
    }
  }
}
