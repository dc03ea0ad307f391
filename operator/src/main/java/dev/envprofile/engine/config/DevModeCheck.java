package dev.envprofile.engine.config;

import dev.envprofile.engine.Settings;
import dev.envprofile.engine.checks.WorkloadCheck;
import dev.envprofile.engine.facts.Facts;
import dev.envprofile.engine.inventory.Inventory;
import dev.envprofile.engine.inventory.Workload;
import dev.envprofile.engine.model.CheckInfo;
import dev.envprofile.engine.model.Fix;
import dev.envprofile.engine.model.Severity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** {@code security.dev-mode}. */
public final class DevModeCheck extends WorkloadCheck {
  public DevModeCheck() {
    super(CheckInfo.of("security.dev-mode", Severity.CRITICAL, Fix.PROFILE,
        "A dev switch is on: DEBUG=true, NODE_ENV=development, AUTH_MODE=none, vault server -dev, VAULT_DEV_ROOT_TOKEN_ID, LOG_LEVEL=debug, SPRING_PROFILES_ACTIVE=dev|local, RAILS_ENV=development, DJANGO_SETTINGS_MODULE=*dev*, FLASK_ENV=development, ASPNETCORE_ENVIRONMENT=Development, APP_ENV=dev|local, and trust-all auth settings.",
        "Only through spec.workloads.env overrides, e.g. {DEBUG: \"false\", AUTH_MODE: oidc}.",
        "AUTH_MODE=none"));
  }

  @Override
  protected Verdict verdict(Workload w, Inventory inventory, Facts facts, Settings settings) {
    Set<String> found = new LinkedHashSet<>();
    boolean fixable = true;
    for (ConfigValues.Value v : ConfigValues.of(w, facts)) {
      String why = v.name() != null ? DevSwitches.check(v.name(), v.value())
          : v.origin().equals("command") || v.origin().equals("args") ? DevSwitches.commandLine(v.value()) : null;
      if (why == null) {
        continue;
      }
      found.add(why + " (" + v.origin() + ", container " + v.container().getName() + ")");
      fixable &= v.name() != null && settings.production().env().containsKey(v.name());
    }
    // vault server -dev split over command and args
    for (var c : w.allContainers()) {
      List<String> line = new ArrayList<>();
      if (c.getCommand() != null) {
        line.addAll(c.getCommand());
      }
      if (c.getArgs() != null) {
        line.addAll(c.getArgs());
      }
      // The image's entrypoint runs the server when only args are given: hashicorp/vault with [server, -dev].
      String image = c.getImage() == null ? "" : dev.envprofile.engine.storage.ImageRef.parse(c.getImage()).name();
      String why = DevSwitches.commandLine((c.getCommand() == null || c.getCommand().isEmpty() ? image + " " : "") + String.join(" ", line));
      if (why != null && found.stream().noneMatch(f -> f.startsWith(why))) {
        found.add(why + " (command line, container " + c.getName() + ")");
        fixable = false;
      }
    }
    if (found.isEmpty()) {
      return pass();
    } else {
      return fail(fixable, w + " runs in development mode: " + String.join("; ", found)
          + (fixable ? "" : "; set production values in spec.workloads.env (or the image's command)"));
    }
  }
}
