package dev.envprofile.engine;

import dev.envprofile.engine.model.Change;
import dev.envprofile.engine.report.Redactor;
import dev.envprofile.engine.report.Report;
import dev.envprofile.engine.rewrite.WorkingSet;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;

/**
 * What the engine returns.
 *
 * @param objects the resulting manifests: unchanged, rewritten and generated objects (replaced
 *     Deployments left out)
 * @param replaced Deployments replaced by StatefulSets, as the operator keeps them (scaled to 0)
 * @param redactor masks the input's credential values, for anything that prints objects (diffs)
 * @param generated the generated objects the promotion wants (empty for an audit): a managed
 *     object not in it is left over from an earlier promotion
 */
public record Result(Settings settings, List<HasMetadata> objects, Report report, List<Change> changes,
                     List<HasMetadata> replaced, List<WorkingSet.Conflict> conflicts, Redactor redactor,
                     java.util.Set<dev.envprofile.engine.model.ObjectRef> generated) {}
