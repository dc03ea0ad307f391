package dev.envprofile.operator.reconciler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.envprofile.api.EnvironmentProfile;
import dev.envprofile.engine.Labels;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.zjsonpatch.DiffFlags;
import io.fabric8.zjsonpatch.JsonDiff;
import io.fabric8.zjsonpatch.JsonPatch;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
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
 * a Secret of the profile's namespace (the values may be credentials that left a ConfigMap or an
 * env literal), written before the edits it describes so a crash between the two loses nothing.
 */
final class RevertLog {
  static final String ROLE = Labels.PREFIX + "role";
  static final String ROLE_VALUE = "revert-log";

  /** "Kind.name" to {apiVersion, edits}. */
  private final Map<String, ObjectNode> entries = new TreeMap<>();
  private boolean changed;

  private RevertLog() {}

  static String secretName(EnvironmentProfile profile) {
    return profile.getMetadata().getName() + "-envprofile-revert";
  }

  static boolean isRevertLog(HasMetadata o) {
    return o instanceof Secret && o.getMetadata().getLabels() != null
        && ROLE_VALUE.equals(o.getMetadata().getLabels().get(ROLE)) && Labels.isManaged(o);
  }

  static RevertLog empty() {
    return new RevertLog();
  }

  /** The log kept in {@code secret}; an empty log when there is none. */
  static RevertLog from(Secret secret) {
    RevertLog log = new RevertLog();
    if (secret == null || secret.getData() == null) {
      return log;
    }
    secret.getData().forEach((key, value) -> log.entries.put(key, (ObjectNode) read(Base64.getDecoder().decode(value))));
    return log;
  }

  static String key(String kind, String name) {
    return kind + "." + name;
  }

  /**
   * Records the edits that turn {@code have} into {@code want} (both as applyable trees), where the
   * log does not already hold the same edit: reconciles that keep waiting record nothing new.
   */
  void record(ObjectNode have, ObjectNode want) {
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
        entry.set("o", before);
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

  /** The Secret that keeps the log, as an applyable tree owned by the profile. */
  ObjectNode toSecret(EnvironmentProfile profile) {
    ObjectNode s = JsonNodeFactory.instance.objectNode();
    s.put("apiVersion", "v1").put("kind", "Secret").put("type", "Opaque");
    ObjectNode meta = s.putObject("metadata");
    meta.put("name", secretName(profile)).put("namespace", profile.getMetadata().getNamespace());
    meta.putObject("labels").put(Labels.MANAGED_BY, Labels.MANAGER).put(ROLE, ROLE_VALUE);
    ObjectNode data = s.putObject("data");
    entries.forEach((k, v) -> data.put(k, Base64.getEncoder().encodeToString(write(v))));
    return s;
  }

  private static byte[] write(JsonNode node) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(Trees.JSON.writeValueAsBytes(node));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static JsonNode read(byte[] gz) {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      return Trees.JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("the revert log is not readable", e);
    }
  }
}
