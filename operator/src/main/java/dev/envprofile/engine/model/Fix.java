package dev.envprofile.engine.model;

/** Whether Enforce fixes a failing check. */
public enum Fix {
  /** Enforce fixes it. */
  YES,
  /** Enforce fixes it where it is safe or possible; otherwise the finding stays. */
  PARTIAL,
  /** Only through a profile setting (env overrides, registry rewrites). */
  PROFILE,
  /** A person must act; the message says how. */
  NO
}
