package dev.envprofile.operator.policy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The policy in force: the file the chart mounts from its ConfigMap (the kubelet updates it when
 * the ConfigMap changes), read at start and again when its content changes (looked at no more than
 * every few seconds). No file: the default policy. A file that stops parsing keeps the last good
 * policy (and says so in the log): an administrator's typo never loosens the policy to "anything".
 */
public final class PolicySource {
  private static final Logger LOG = LoggerFactory.getLogger(PolicySource.class);
  private static final Duration RECHECK = Duration.ofSeconds(5);
  private static final long MAX_BYTES = 1 << 20;

  private final Path file;
  private final Clock clock;
  private TenantPolicy policy;
  private String text;
  private Instant checked;

  private PolicySource(Path file, Clock clock, TenantPolicy policy, String text) {
    this.file = file;
    this.clock = clock;
    this.policy = policy;
    this.text = text;
    this.checked = clock.instant();
  }

  /** The default policy, for `envprofile run` without --policy. */
  public static PolicySource fixed(TenantPolicy policy) {
    return new PolicySource(null, Clock.systemUTC(), policy, null);
  }

  /** Reads {@code file} now: a missing or invalid file at start is an {@link IllegalArgumentException} (the operator does not start). */
  public static PolicySource of(Path file) {
    return of(file, Clock.systemUTC());
  }

  static PolicySource of(Path file, Clock clock) {
    String text = read(file);
    return new PolicySource(file, clock, TenantPolicy.parse(text), text);
  }

  public synchronized TenantPolicy current() {
    if (file == null || Duration.between(checked, clock.instant()).compareTo(RECHECK) < 0) {
      return policy;
    }
    checked = clock.instant();
    try {
      String now = read(file);
      if (!now.equals(text)) {
        policy = TenantPolicy.parse(now);
        LOG.info("policy {} changed: now in force", file);
        text = now;
      }
    } catch (IllegalArgumentException e) {
      LOG.error("policy {} is not valid, the previous one stays in force: {}", file, e.getMessage());
      text = null; // try again at the next check, and log again
    }
    return policy;
  }

  private static String read(Path file) {
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new IllegalArgumentException("policy " + file + " is larger than 1 MiB");
      }
      return Files.readString(file);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read the policy " + file + ": " + e.getMessage());
    }
  }
}
