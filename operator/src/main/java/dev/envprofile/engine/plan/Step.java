package dev.envprofile.engine.plan;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.envprofile.engine.model.ObjectRef;
import dev.envprofile.engine.model.WritePhase;
import java.util.List;
import java.util.Map;

/** One write of a {@link WritePlan}. The reconciler executes steps; it decides none of them. */
public sealed interface Step {

  WritePhase phase();

  /** The object the step writes. */
  ObjectRef ref();

  /** One line for plans, logs and golden files: phase, verb, object, and what the step carries. */
  String describe();

  /** Server-side apply (field manager envprofile-operator, forced) of a whole generated object or of the fields a user object needs. */
  record Apply(WritePhase phase, ObjectRef ref, ObjectNode body, String why) implements Step {
    @Override
    public String describe() {
      return label(phase) + "apply   " + ref.shortName() + "  (" + why + ")";
    }
  }

  /** A JSON patch guarded by the live object's resourceVersion: where a field another manager set must go. */
  record Patch(WritePhase phase, Target target, ArrayNode ops, String why) implements Step {
    @Override
    public ObjectRef ref() {
      return target.ref();
    }

    @Override
    public String describe() {
      List<String> paths = new java.util.ArrayList<>();
      ops.forEach(op -> paths.add(op.path("op").asText() + " " + op.path("path").asText()));
      String shown = String.join(", ", paths.subList(0, Math.min(paths.size(), 4)))
          + (paths.size() > 4 ? " and " + (paths.size() - 4) + " more" : "");
      return label(phase) + "patch   " + ref().shortName() + "  (" + why + ": " + shown + ")";
    }
  }

  /**
   * Deletes a generated object: a prune only if it is still the one read ({@code guarded}); a
   * Revert whatever it became (a StatefulSet's status changes all the time).
   */
  record Delete(WritePhase phase, Target target, boolean guarded, String why) implements Step {
    @Override
    public ObjectRef ref() {
      return target.ref();
    }

    @Override
    public String describe() {
      return label(phase) + "delete  " + ref().shortName() + "  (" + why + ")";
    }
  }

  /**
   * Drops the operator's entries from an object's managed fields: it no longer claims any field.
   * Executed on a fresh read (every write changes the managed fields), retried on a conflict.
   */
  record ReleaseFields(Target target) implements Step {
    @Override
    public WritePhase phase() {
      return WritePhase.RELEASE_FIELDS;
    }

    @Override
    public ObjectRef ref() {
      return target.ref();
    }

    @Override
    public String describe() {
      return label(phase()) + "release " + ref().shortName();
    }
  }

  /** Deletes the profile's revert log (and one an older release kept in the profile's namespace). */
  record ForgetLog() implements Step {
    @Override
    public WritePhase phase() {
      return WritePhase.FORGET_LOG;
    }

    @Override
    public ObjectRef ref() {
      return null;
    }

    @Override
    public String describe() {
      return label(phase()) + "delete  the revert log";
    }
  }

  /**
   * Adds to the profile's revert log what the user objects are about to lose or gain, before any of
   * them changes: for each object the tree as it is and as the promotion leaves it. The log keeps,
   * in place of a value, the reference in {@code refs} (a credential an ExternalSecret syncs).
   */
  record RecordRevert(List<Edit> edits, Map<String, ObjectNode> refs) implements Step {
    public record Edit(ObjectNode have, ObjectNode want) {
      ObjectRef ref() {
        return new ObjectRef(have.path("kind").asText(), have.path("metadata").path("namespace").asText(null),
            have.path("metadata").path("name").asText());
      }
    }

    @Override
    public WritePhase phase() {
      return WritePhase.REVERT_LOG;
    }

    @Override
    public ObjectRef ref() {
      return null; // the log's Secret is named by the operator, in its own namespace
    }

    @Override
    public String describe() {
      return label(phase()) + "record  " + String.join(", ", edits.stream().map(e -> e.ref().shortName()).toList());
    }
  }

  private static String label(WritePhase phase) {
    return String.format("%-17s", phase.label());
  }
}
