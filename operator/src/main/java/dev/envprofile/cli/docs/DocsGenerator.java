package dev.envprofile.cli.docs;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** `make docs`: writes docs/checks.md and docs/api.md. Arguments: the repository root. */
public final class DocsGenerator {
  private DocsGenerator() {}

  public static void main(String[] args) throws IOException {
    Path root = Path.of(args.length > 0 ? args[0] : ".");
    Files.writeString(root.resolve("docs/checks.md"), CatalogMarkdown.render(root), StandardCharsets.UTF_8);
    Files.writeString(root.resolve("docs/api.md"), ApiMarkdown.render(crd(root)), StandardCharsets.UTF_8);
  }

  public static CustomResourceDefinition crd(Path root) throws IOException {
    return Serialization.unmarshal(Files.readString(root.resolve("crds/environmentprofiles.envprofile.dev-v1.yaml")),
        CustomResourceDefinition.class);
  }
}
