package dev.envprofile.operator.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NamespaceGateTest {
  @Test
  void systemNamespacesAndTheOperatorsOwnAreRefusedWhateverTheSettings() {
    NamespaceGate gate = new NamespaceGate("envprofile-system", false, List.of("kube-system", "envprofile-system"));
    for (String ns : List.of("kube-system", "kube-public", "kube-node-lease", "envprofile-system")) {
      assertThat(gate.isProtected(ns)).as(ns).isTrue();
      assertThat(gate.refusal(ns, null)).as(ns).contains("never writes there");
    }
    assertThat(gate.refusal("team-a", null)).as("opt-in off").isNull();
  }

  @Test
  void aListedNamespaceNeedsNoLabel() {
    NamespaceGate gate = new NamespaceGate("envprofile-system", true, List.of("team-a"));
    assertThat(gate.refusal("team-a", null)).isNull(); // no client: the label is not even read
  }
}
