package dev.envprofile.cli;

/**
 * How much input the CLI reads. Beyond these it refuses (exit 2, one line) instead of running out
 * of memory or time. A document is one Kubernetes object: the API server refuses a request body
 * over 3 MiB, so no object larger can exist in a cluster. Files are larger: a rendered namespace of
 * 100,000 objects is a 43 MB file (docs/performance.md).
 */
final class InputLimits {
  /** One file, or stdin. */
  static final long MAX_FILE_BYTES = 64L << 20;
  /** Every -f input together. */
  static final long MAX_TOTAL_BYTES = 128L << 20;
  /** One YAML document, in characters: the API server's request limit (3 MiB). */
  static final int MAX_DOCUMENT_CHARS = 3 << 20;
  /** Nesting of maps and lists in one document; manifests nest a few dozen levels, CRD schemas about a hundred. */
  static final int MAX_NESTING = 500;

  private InputLimits() {}

  static String mib(long bytes) {
    return (bytes >> 20) + " MiB";
  }
}
