package dev.envprofile.cli.output;

/**
 * A default about the environment a report rests on, not written in the profile.
 *
 * @param field the profile field that changes it
 * @param value the value assumed ("" when the assumption is an absence)
 * @param message one line for people, naming the field
 */
public record Assumption(String field, String value, String message) {}
