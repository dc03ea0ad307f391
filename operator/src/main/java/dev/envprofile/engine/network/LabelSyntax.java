package dev.envprofile.engine.network;

/** Label keys and values as the API server validates them, checked by hand (linear on any input). */
public final class LabelSyntax {
  private LabelSyntax() {}

  /** An optional DNS-subdomain prefix and '/', then a name of 1-63 characters. */
  public static boolean isKey(String key) {
    int slash = key.lastIndexOf('/');
    if (slash >= 0) {
      String prefix = key.substring(0, slash);
      if (prefix.isEmpty() || prefix.length() > 253 || !isSubdomain(prefix)) {
        return false;
      }
    }
    String name = key.substring(slash + 1);
    return !name.isEmpty() && name.length() <= 63 && isName(name);
  }

  /** Empty, or 1-63 characters of [A-Za-z0-9-_.] starting and ending alphanumeric. */
  public static boolean isValue(String value) {
    return value == null || value.isEmpty() || value.length() <= 63 && isName(value);
  }

  private static boolean isName(String s) {
    if (!alnum(s.charAt(0)) || !alnum(s.charAt(s.length() - 1))) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!alnum(c) && c != '-' && c != '_' && c != '.') {
        return false;
      }
    }
    return true;
  }

  private static boolean isSubdomain(String s) {
    for (String label : s.split("\\.", -1)) {
      if (label.isEmpty() || label.length() > 63 || !lowerAlnum(label.charAt(0)) || !lowerAlnum(label.charAt(label.length() - 1))) {
        return false;
      }
      for (int i = 0; i < label.length(); i++) {
        char c = label.charAt(i);
        if (!lowerAlnum(c) && c != '-') {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean alnum(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
  }

  private static boolean lowerAlnum(char c) {
    return c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
  }
}
