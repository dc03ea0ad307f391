package dev.envprofile.engine.facts;

/**
 * A piece of configuration a container sees that is not an env variable: a file mounted from a
 * ConfigMap, or its command and args.
 *
 * @param origin for messages, e.g. "ConfigMap/app-config file app.properties" or "args"
 */
public record ConfigText(String origin, String text) {}
