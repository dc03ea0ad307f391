package dev.envprofile.engine.network;

/** CIDR syntax as the API server accepts it in an ipBlock: an IPv4 or IPv6 address and a prefix length. */
final class Cidrs {
  private Cidrs() {}

  static boolean valid(String cidr) {
    if (cidr == null) {
      return false;
    }
    int slash = cidr.indexOf('/');
    if (slash <= 0 || slash == cidr.length() - 1 || cidr.length() > 64) {
      return false;
    }
    String addr = cidr.substring(0, slash);
    String bits = cidr.substring(slash + 1);
    if (!bits.chars().allMatch(Character::isDigit) || bits.length() > 3) {
      return false;
    }
    int n = Integer.parseInt(bits);
    if (addr.indexOf(':') >= 0) {
      return n <= 128 && ipv6(addr);
    }
    return n <= 32 && ipv4(addr);
  }

  private static boolean ipv4(String a) {
    String[] parts = a.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit) || Integer.parseInt(p) > 255) {
        return false;
      }
    }
    return true;
  }

  private static boolean ipv6(String a) {
    try {
      // Literal syntax only: no name lookup happens for an address made of hex digits and colons.
      if (!a.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
        return false;
      }
      return java.net.InetAddress.getByName("[" + a + "]") instanceof java.net.Inet6Address;
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }
}
