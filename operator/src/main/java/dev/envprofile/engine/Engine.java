package dev.envprofile.engine;

import dev.envprofile.api.EnvironmentProfileSpec;
import dev.envprofile.engine.checks.Catalog;
import dev.envprofile.engine.checks.Check;
import dev.envprofile.engine.credentials.CredentialRewrite;
import dev.envprofile.engine.facts.Facts;
import dev.envprofile.engine.inventory.Inventory;
import dev.envprofile.engine.model.CheckResult;
import dev.envprofile.engine.network.NetworkRewrite;
import dev.envprofile.engine.report.Acceptances;
import dev.envprofile.engine.report.Redactor;
import dev.envprofile.engine.report.Report;
import dev.envprofile.engine.report.ReportBuilder;
import dev.envprofile.engine.rewrite.Rewrite;
import dev.envprofile.engine.rewrite.WorkingSet;
import dev.envprofile.engine.storage.StorageRewrite;
import dev.envprofile.engine.tls.TlsRewrite;
import dev.envprofile.engine.workload.DisruptionRewrite;
import dev.envprofile.engine.workload.FilesystemRewrite;
import dev.envprofile.engine.workload.HardeningRewrite;
import dev.envprofile.engine.workload.WorkloadRewrite;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The promotion engine: a pure function from (manifests, profile) to (manifests, report). The CLI
 * and the operator both call it; it does no I/O and knows no API server.
 */
public final class Engine {
  /** The fixed order of rewrites: later stages read what earlier ones produced. */
  private static final List<Rewrite> STAGES = List.of(
      new CredentialRewrite(),   // before anything copies pod templates: consumers point at Secrets
      new WorkloadRewrite(),     // pod templates reach the tier's level
      new HardeningRewrite(),    // pod security, service account token, env overrides
      new StorageRewrite(),      // the StatefulSet copies the finished pod template
      new FilesystemRewrite(),   // read-only roots once data directories are on volumes; ephemeral storage
      new NetworkRewrite(),      // policies select the final pods and Services
      new TlsRewrite(),
      new DisruptionRewrite());  // budgets and autoscalers for the final workload kinds

  private Engine() {}

  public static Settings settings(String namespace, EnvironmentProfileSpec spec) {
    return ProfileResolver.resolve(namespace, spec);
  }

  /** {@code today}: the date (UTC) the profile's accepted findings expire against. */
  public static Settings settings(String namespace, EnvironmentProfileSpec spec, java.time.LocalDate today) {
    return ProfileResolver.resolve(namespace, spec, today);
  }

  /** The credential values found in the objects: what every report masks (and what leak scanners look for). */
  public static Set<String> credentialValues(List<HasMetadata> objects, Settings settings) {
    Scope scope = Scope.split(objects, settings.namespace());
    Inventory inv = Inventory.of(settings.namespace(), scope.inScope(), settings.selector());
    return new java.util.TreeSet<>(new Facts(inv, settings).credentials().values());
  }

  /** The parity report of the objects as they are. */
  public static Result audit(List<HasMetadata> objects, Settings settings) {
    Scope scope = Scope.split(objects, settings.namespace());
    Inventory inv = Inventory.of(settings.namespace(), scope.inScope(), settings.selector());
    Facts facts = new Facts(inv, settings);
    Redactor redactor = redactor(facts);
    Report report = ReportBuilder.build(settings, check(facts), redactor, Acceptances.of(inv, settings));
    return new Result(settings, objects, report, List.of(), List.of(), List.of(), redactor, Set.of());
  }

  /** What Enforce makes of the objects, and the report of the result. */
  public static Result promote(List<HasMetadata> objects, Settings settings) {
    Scope scope = Scope.split(objects, settings.namespace());
    WorkingSet ws = new WorkingSet(scope.inScope(), settings);
    Redactor redactor = redactor(ws.facts());
    if (settings.rewrites()) {
      for (Rewrite stage : STAGES) {
        ws.refresh();
        stage.apply(ws);
      }
      ws.refresh();
    }
    List<CheckResult> results = check(ws.facts());
    for (WorkingSet.Conflict c : ws.conflicts()) {
      results.add(CheckResult.fail(Catalog.NAME_CONFLICT, c.wanted(), false,
          c.wanted().shortName() + " exists and is not managed by envprofile: not adopted, not overwritten ("
              + c.purpose() + ")"));
    }
    for (WorkingSet.Refusal r : ws.refusals()) {
      results.add(CheckResult.fail(Catalog.POLICY_REFUSED, r.object(), false, r.message()));
    }
    List<HasMetadata> out = new ArrayList<>(ws.objects());
    out.addAll(scope.outOfScope());
    Report report = ReportBuilder.build(settings, results, redactor, Acceptances.of(ws.facts().inventory(), settings));
    return new Result(settings, out, report, ws.changes(), ws.replacedObjects(), ws.conflicts(), redactor, ws.wanted());
  }

  private static List<CheckResult> check(Facts facts) {
    List<CheckResult> results = new ArrayList<>();
    for (Check c : Catalog.checks()) {
      c.evaluate(facts.inventory(), facts, facts.settings(), results);
    }
    return results;
  }

  private static Redactor redactor(Facts facts) {
    return new Redactor(facts.credentials().values(),
        dev.envprofile.engine.report.RedactorNames.of(facts.inventory(), facts.settings().namespace()));
  }

  /** Objects of the profile's namespace (or of none), and the rest, which pass through untouched. */
  record Scope(List<HasMetadata> inScope, List<HasMetadata> outOfScope) {
    static Scope split(List<HasMetadata> objects, String namespace) {
      List<HasMetadata> in = new ArrayList<>();
      List<HasMetadata> out = new ArrayList<>();
      for (HasMetadata o : objects) {
        String ns = o.getMetadata() == null ? null : o.getMetadata().getNamespace();
        if (o.getMetadata() != null && o.getMetadata().getName() != null && (ns == null || ns.equals(namespace))) {
          in.add(o);
        } else {
          out.add(o);
        }
      }
      return new Scope(in, out);
    }
  }
}
