package dev.envprofile.api;

/** Enforce rewrites workloads; Audit only writes the profile's status. */
public enum Mode { Enforce, Audit }
