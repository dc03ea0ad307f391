package dev.envprofile.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ManifestReader converts trees a batch at a time on both cores: the objects keep the input's
 * order and lines, and the problem reported is the first document's, as a sequential read gives.
 */
class ManifestReaderBatchTest {
  private static String configMap(int i) {
    return "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c" + i + ", namespace: ns" + (i % 7) + "}\ndata: {k: v}\n---\n";
  }

  private static final String BAD_TYPE = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: bad}\nspec: {replicas: many}\n---\n";

  @Test
  void objectsKeepTheirOrderAndLinesAcrossBatches() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 1300; i++) {
      text.append(configMap(i));
    }
    List<ManifestReader.Document> docs = ManifestReader.documents("big.yaml", text.toString());
    assertThat(docs).hasSize(1300);
    for (int i = 0; i < 1300; i++) {
      assertThat(docs.get(i).object().getMetadata().getName()).isEqualTo("c" + i);
      assertThat(docs.get(i).line()).isEqualTo(1 + 5 * i);
    }
  }

  @Test
  void theFirstDocumentsProblemIsReportedWhateverTheBatch() {
    // a type error in document 100 (first batch), malformed YAML at document 700 (second batch)
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 800; i++) {
      text.append(i == 100 ? BAD_TYPE : i == 700 ? "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x\n---\n" : configMap(i));
    }
    assertThatThrownBy(() -> ManifestReader.documents("a.yaml", text.toString()))
        .isInstanceOf(BadInputException.class)
        .satisfies(e -> assertThat(((BadInputException) e).oneLine()).startsWith("a.yaml:501: Deployment/bad: "));

    // a type error in document 600 (second batch) after a non-object document at 550: the non-object
    StringBuilder later = new StringBuilder();
    for (int i = 0; i < 700; i++) {
      later.append(i == 600 ? BAD_TYPE : i == 550 ? "- a\n- b\n---\n" : configMap(i));
    }
    assertThatThrownBy(() -> ManifestReader.documents("b.yaml", later.toString()))
        .satisfies(e -> assertThat(((BadInputException) e).oneLine()).isEqualTo("b.yaml:2751: document is not an object (a array)"));

    // two type errors in one parallel batch: the earlier one
    StringBuilder two = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      two.append(i == 250 || i == 40 ? BAD_TYPE.replace("name: bad", "name: bad" + i) : configMap(i));
    }
    assertThatThrownBy(() -> ManifestReader.documents("c.yaml", two.toString()))
        .satisfies(e -> assertThat(((BadInputException) e).oneLine()).startsWith("c.yaml:201: Deployment/bad40:"));
  }
}
