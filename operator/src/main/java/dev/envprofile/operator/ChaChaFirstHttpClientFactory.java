package dev.envprofile.operator;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.http.TlsVersion;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The client's HTTP stack with the JDK's cipher suites in their usual order except that
 * ChaCha20-Poly1305 comes first. The operator runs C1 only (Dockerfile), and C1 has no intrinsic
 * for AES-GCM's GHASH: decrypting the watch streams was 28% of the operator's CPU in the scale
 * benchmark, at 28 MB/s, where ChaCha20-Poly1305 decrypts 154 MB/s on the same JIT. A client that
 * lists ChaCha20 first makes Go's TLS servers (kube-apiserver) choose it; a server that does not
 * offer it still gets the other suites, and protocols are the client configuration's.
 */
final class ChaChaFirstHttpClientFactory extends JdkHttpClientFactory {
  private final String[] protocols;

  ChaChaFirstHttpClientFactory(Config config) {
    TlsVersion[] versions = config.getTlsVersions();
    this.protocols = versions == null || versions.length == 0 ? null
        : Arrays.stream(versions).map(TlsVersion::javaName).toArray(String[]::new);
  }

  @Override
  protected void additionalConfig(java.net.http.HttpClient.Builder builder) {
    String[] suites = suites();
    if (suites != null) {
      builder.sslParameters(new SSLParameters(suites, protocols));
    }
  }

  /** The JDK's default client suites (what jdk.tls.client.cipherSuites and the security properties leave), ChaCha20 first. */
  static String[] suites() {
    try {
      return chaChaFirst(SSLContext.getDefault().getDefaultSSLParameters().getCipherSuites());
    } catch (NoSuchAlgorithmException e) {
      return null; // the client's own defaults
    }
  }

  static String[] chaChaFirst(String[] suites) {
    List<String> first = new ArrayList<>();
    List<String> rest = new ArrayList<>();
    for (String s : suites) {
      (s.contains("CHACHA20") ? first : rest).add(s);
    }
    first.addAll(rest);
    return first.toArray(String[]::new);
  }
}
