package dev.envprofile.engine.model;

import java.time.LocalDate;

/**
 * Why a failing (check, object) pair is accepted: by the object's annotation or by the profile's
 * spec.acceptedFindings. An expired acceptance is kept on the result so that reports can say so,
 * but the pair counts again.
 *
 * @param source {@link #ANNOTATION} or {@link #PROFILE}
 * @param reason the user's text as given (bounded, masked like every message)
 * @param expires the last day it holds (UTC), or null for no expiry
 * @param expired whether that day has passed
 */
public record Acceptance(String source, String reason, LocalDate expires, boolean expired) {
  public static final String ANNOTATION = "annotation";
  public static final String PROFILE = "profile";

  /** "until 2025-06-30" or "no expiry". */
  public String until() {
    return expires == null ? "no expiry" : (expired ? "expired " : "until ") + expires;
  }
}
