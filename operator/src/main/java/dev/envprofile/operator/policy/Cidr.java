package dev.envprofile.operator.policy;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An IPv4 or IPv6 block, to tell whether a profile's egress CIDR lies inside one the policy allows. */
record Cidr(byte[] address, int bits) {
  static Cidr parse(String text) {
    int slash = text == null ? -1 : text.indexOf('/');
    if (slash <= 0) {
      throw new IllegalArgumentException("'" + text + "' is not a CIDR such as 10.0.0.0/8");
    }
    String host = text.substring(0, slash);
    // Literal addresses only: InetAddress would resolve a host name through DNS.
    boolean v4 = host.chars().allMatch(c -> (c >= '0' && c <= '9') || c == '.') && host.chars().filter(c -> c == '.').count() == 3;
    boolean v6 = host.indexOf(':') >= 0 && host.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':');
    if (!v4 && !v6) {
      throw new IllegalArgumentException("'" + text + "' is not a CIDR such as 10.0.0.0/8");
    }
    try {
      byte[] address = InetAddress.getByName(host).getAddress();
      int bits = Integer.parseInt(text.substring(slash + 1));
      if (bits < 0 || bits > address.length * 8) {
        throw new IllegalArgumentException("'" + text + "': prefix length out of range");
      }
      return new Cidr(address, bits);
    } catch (UnknownHostException | NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is not a CIDR such as 10.0.0.0/8");
    }
  }

  /** Whether every address of {@code inner} is in this block. */
  boolean contains(Cidr inner) {
    if (inner.address.length != address.length || inner.bits < bits) {
      return false;
    }
    for (int i = 0; i < bits; i++) {
      int mask = 0x80 >>> (i % 8);
      if ((address[i / 8] & mask) != (inner.address[i / 8] & mask)) {
        return false;
      }
    }
    return true;
  }
}
