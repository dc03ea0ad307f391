package dev.envprofile.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

class ChaChaFirstHttpClientFactoryTest {

  @Test
  void chaCha20SuitesComeFirstAndNoSuiteIsAddedOrLost() throws Exception {
    String[] defaults = SSLContext.getDefault().getDefaultSSLParameters().getCipherSuites();
    String[] ordered = ChaChaFirstHttpClientFactory.suites();
    assertThat(ordered).containsExactlyInAnyOrder(defaults);
    assertThat(ordered[0]).isEqualTo("TLS_CHACHA20_POLY1305_SHA256");
    List<String> rest = Arrays.stream(defaults).filter(s -> !s.contains("CHACHA20")).toList();
    // The others keep the JDK's order after the ChaCha20 suites.
    assertThat(Arrays.asList(ordered).subList(ordered.length - rest.size(), ordered.length)).isEqualTo(rest);
  }

  @Test
  void aListWithoutChaChaIsUnchanged() {
    String[] suites = {"TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384"};
    assertThat(ChaChaFirstHttpClientFactory.chaChaFirst(suites)).containsExactly(suites);
  }
}
