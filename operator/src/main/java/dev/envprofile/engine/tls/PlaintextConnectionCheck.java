package dev.envprofile.engine.tls;

import dev.envprofile.engine.Settings;
import dev.envprofile.engine.checks.WorkloadCheck;
import dev.envprofile.engine.config.ConfigValues;
import dev.envprofile.engine.config.Hosts;
import dev.envprofile.engine.facts.Facts;
import dev.envprofile.engine.inventory.Inventory;
import dev.envprofile.engine.inventory.Workload;
import dev.envprofile.engine.model.CheckInfo;
import dev.envprofile.engine.model.Fix;
import dev.envprofile.engine.model.Severity;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code security.plaintext-connection}. */
public final class PlaintextConnectionCheck extends WorkloadCheck {
  public PlaintextConnectionCheck() {
    super(CheckInfo.of("security.plaintext-connection", Severity.WARNING, Fix.NO,
        "A connection setting turns TLS off: sslmode=disable, useSSL=false, tls=false, or http:// to a host outside the cluster.",
        "Nothing: the server must offer TLS first.",
        "DATABASE_URL=...?sslmode=disable"));
  }

  @Override
  protected Verdict verdict(Workload w, Inventory inventory, Facts facts, Settings settings) {
    Set<String> found = new LinkedHashSet<>();
    for (ConfigValues.Value v : ConfigValues.of(w, facts)) {
      Matcher m = TLS_OFF.matcher(v.value());
      while (m.find()) {
        found.add(m.group(1).toLowerCase(Locale.ROOT).replace(" ", "") + " in " + v.origin());
      }
      for (Hosts.Url u : Hosts.urls(v.value())) {
        if (u.scheme().equals("http") && Hosts.isExternal(u.host())) {
          found.add("http:// to " + u.host() + " (outside the cluster) in " + v.origin());
        }
      }
    }
    if (found.isEmpty()) {
      return pass();
    } else {
      return fail(false, w + " turns TLS off: " + String.join("; ", found));
    }
  }

  private static final Pattern TLS_OFF = Pattern.compile(
      "(?i)\\b(sslmode\\s*=\\s*disable|usessl\\s*=\\s*false|tls\\s*=\\s*false|ssl\\s*=\\s*false|encrypt\\s*=\\s*false"
          + "|ssl_mode\\s*=\\s*disabled|sslmode\\s*=\\s*disabled)\\b");
}
