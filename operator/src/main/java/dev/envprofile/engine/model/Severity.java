package dev.envprofile.engine.model;

import java.util.Locale;

/** How bad a failing check is; findings are sorted most severe first. */
public enum Severity {
  CRITICAL, WARNING, INFO;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
