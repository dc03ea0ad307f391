package dev.envprofile.engine.plan;

/** The profile a plan writes for: generated objects carry its owner reference, and only its own are pruned. */
public record Owner(String namespace, String name, String uid) {}
