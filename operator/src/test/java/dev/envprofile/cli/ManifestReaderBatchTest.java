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

  /** Documents with block scalars, quoted "---" and comments, about 600 characters each. */
  private static String tricky(int i) {
    return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: t" + i + "\n  namespace: ns" + (i % 5) + "\n"
        + "  annotations: {note: \"a --- b\", other: '---'}\n# a comment\ndata:\n  script: |\n    #!/bin/sh\n"
        + "    echo ---\n     --- indented\n\n    done\n  folded: >-\n    one\n    two\n  plain: multi\n    line --- value\n"
        + "  pad: \"" + "x".repeat(300) + "\"\n---\n";
  }

  @Test
  void aLargeTextReadInPiecesGivesTheObjectsAndLinesOfAReadInOrder() {
    StringBuilder text = new StringBuilder("# leading comment\n");
    for (int i = 0; i < 3600; i++) {
      text.append(i % 2 == 0 ? tricky(i) : configMap(i));
    }
    assertThat(text.length()).isGreaterThan(1 << 20);
    List<ManifestReader.Piece> split = ManifestReader.pieces(text.toString());
    assertThat(split).hasSizeGreaterThan(3);
    List<ManifestReader.Document> pieces = split.stream().flatMap(p -> p.read("big.yaml", text.toString()).stream()).toList();
    List<ManifestReader.Document> inOrder = ManifestReader.inOrder("big.yaml", text.toString());
    assertThat(pieces).hasSize(3600);
    assertThat(pieces).isEqualTo(inOrder);
    assertThat(ManifestReader.documents("big.yaml", text.toString())).isEqualTo(inOrder);
    assertThat(((io.fabric8.kubernetes.api.model.ConfigMap) pieces.get(2).object()).getData().get("script"))
        .isEqualTo("#!/bin/sh\necho ---\n --- indented\n\ndone\n");
  }

  @Test
  void aProblemInALaterPieceIsReportedAsAReadInOrderReportsIt() {
    for (String bad : new String[] {BAD_TYPE, "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: \"x\n---\n",
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {a: 1, a: 2}\n---\n"}) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < 3000; i++) {
        text.append(i == 2500 ? bad : tricky(i));
      }
      BadInputException sequential = org.junit.jupiter.api.Assertions.assertThrows(BadInputException.class,
          () -> ManifestReader.inOrder("big.yaml", text.toString()));
      assertThatThrownBy(() -> ManifestReader.documents("big.yaml", text.toString()))
          .isInstanceOf(BadInputException.class)
          .satisfies(e -> assertThat(((BadInputException) e).oneLine()).isEqualTo(sequential.oneLine()));
    }
  }
}
