package dev.envprofile.engine.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.envprofile.engine.Engine;
import dev.envprofile.engine.Result;
import dev.envprofile.testing.Corpus;
import dev.envprofile.testing.TestManifests;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The engine turns objects into trees with a plain mapper (it may not use the client's); the
 * operator's writes and the API server read them with the client's. On every object of the corpus,
 * before and after promotion, the two must give the same tree, or the plan would compute writes
 * from a tree the cluster never sees.
 */
class TreesTest {
  private static final KubernetesSerialization CLIENT = new KubernetesSerialization();

  @Test
  void engineTreesAreTheClientsTreesOnEveryCorpusObject() {
    int compared = 0;
    List<String> differ = new ArrayList<>();
    for (Corpus.App app : Corpus.apps()) {
      List<HasMetadata> objects = new ArrayList<>(app.objects());
      Result promoted = Engine.promote(app.objects(), TestManifests.settings("tier: production", app.expected().namespace()));
      objects.addAll(promoted.objects());
      for (HasMetadata o : objects) {
        compared++;
        if (!Trees.tree(o).equals(CLIENT.convertValue(o, com.fasterxml.jackson.databind.JsonNode.class))) {
          differ.add(app + ": " + o.getKind() + "/" + o.getMetadata().getName());
        }
      }
    }
    assertThat(differ).isEmpty();
    assertThat(compared).isGreaterThan(500);
  }
}
