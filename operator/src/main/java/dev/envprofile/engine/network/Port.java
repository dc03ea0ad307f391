package dev.envprofile.engine.network;

/** A destination port as a NetworkPolicy names it: a number and a protocol. */
public record Port(int port, String protocol) implements Comparable<Port> {
  public static Port tcp(int port) {
    return new Port(port, "TCP");
  }

  @Override
  public int compareTo(Port o) {
    int c = Integer.compare(port, o.port);
    return c != 0 ? c : protocol.compareTo(o.protocol);
  }

  @Override
  public String toString() {
    return port + (protocol.equals("TCP") ? "" : "/" + protocol);
  }
}
