package dev.envprofile.api;

/** What deleting the profile does to the namespace. */
public enum DeletionPolicy { Retain, Revert }
