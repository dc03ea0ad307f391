package dev.envprofile.cli;

import dev.envprofile.cli.ManifestReader.Document;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Resolves -f arguments (files, directories searched for *.yaml and *.yml, "-" for stdin) into
 * documents, within {@link InputLimits}. Under a directory, a symbolic link is read only when it
 * leads to a file inside that directory; links to directories are not followed, so a link loop
 * cannot make the walk endless. A path given to -f itself may be a link: that is the user's choice.
 */
final class Inputs {
  private Inputs() {}

  static List<Document> load(List<String> paths, InputStream stdin) {
    return load(paths, List.of(), java.util.Map.of(), stdin);
  }

  /** The -f inputs, then what {@code kubectl kustomize} renders of each -k directory, within the same limits. */
  static List<Document> load(List<String> paths, List<String> kustomizations, java.util.Map<String, String> env,
                             InputStream stdin) {
    List<Document> out = new ArrayList<>();
    long[] total = {0};
    for (String p : paths) {
      if (p.equals("-")) {
        out.addAll(ManifestReader.documents("<stdin>", counted("<stdin>", readBounded("<stdin>", stdin), total)));
        continue;
      }
      Path path = Path.of(p);
      if (Files.isDirectory(path)) {
        for (Path f : yamlFiles(path)) {
          out.addAll(ManifestReader.documents(f.toString(), counted(f.toString(), read(f), total)));
        }
      } else if (Files.isRegularFile(path)) {
        out.addAll(ManifestReader.documents(p, counted(p, read(path), total)));
      } else {
        throw new BadInputException(p, -1, "no such file or directory");
      }
    }
    for (String dir : kustomizations) {
      String source = Kustomize.source(dir);
      out.addAll(ManifestReader.documents(source, counted(source, Kustomize.render(dir, env), total)));
    }
    return out;
  }

  /** The text of a file, refused beyond {@link InputLimits#MAX_FILE_BYTES} without reading further. */
  static String read(Path f) {
    try (InputStream in = Files.newInputStream(f)) {
      return readBounded(f.toString(), in);
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new BadInputException(f.toString(), -1, "cannot read: " + e.getClass().getSimpleName());
    }
  }

  private static String readBounded(String source, InputStream in) {
    try {
      byte[] bytes = in.readNBytes((int) InputLimits.MAX_FILE_BYTES + 1);
      if (bytes.length > InputLimits.MAX_FILE_BYTES) {
        throw new BadInputException(source, -1, "larger than " + InputLimits.mib(InputLimits.MAX_FILE_BYTES)
            + ", the most one input may hold: split it");
      }
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new BadInputException(source, -1, "cannot read: " + ManifestReader.firstLine(e.getMessage()));
    }
  }

  private static String counted(String source, String text, long[] total) {
    total[0] += text.length();
    if (total[0] > InputLimits.MAX_TOTAL_BYTES) {
      throw new BadInputException(source, -1, "the inputs together are larger than "
          + InputLimits.mib(InputLimits.MAX_TOTAL_BYTES) + ": run the command on fewer files at a time");
    }
    return text;
  }

  /** Sorted, so that the same directory always gives the same output. */
  private static List<Path> yamlFiles(Path dir) {
    Path root = realPath(dir, dir);
    try (Stream<Path> s = Files.walk(dir)) {
      List<Path> files = new ArrayList<>();
      for (Path f : s.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList()) {
        if (Files.isSymbolicLink(f)) {
          Path target = realPath(f, dir);
          if (!target.startsWith(root)) {
            throw new BadInputException(f.toString(), -1, "symbolic link to " + target + " leads outside " + dir
                + ": refused (give the target to -f itself to read it)");
          }
          if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            continue;
          }
        } else if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
          continue;
        }
        files.add(f);
      }
      return files;
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new BadInputException(dir.toString(), -1, "cannot list: " + ManifestReader.firstLine(e.getMessage()));
    }
  }

  /** Where a link finally leads; a loop or a dangling link is bad input (it names a file that cannot be read). */
  private static Path realPath(Path p, Path dir) {
    try {
      return p.toRealPath();
    } catch (NoSuchFileException e) {
      throw new BadInputException(p.toString(), -1, "symbolic link under " + dir + " leads nowhere (to "
          + linkTarget(p) + ")");
    } catch (FileSystemException e) {
      throw new BadInputException(p.toString(), -1, "symbolic link under " + dir + " cannot be resolved ("
          + ManifestReader.firstLine(e.getReason() == null ? "a loop" : e.getReason()) + ", to " + linkTarget(p) + ")");
    } catch (IOException e) {
      throw new BadInputException(p.toString(), -1, "cannot resolve: " + ManifestReader.firstLine(e.getMessage()));
    }
  }

  private static String linkTarget(Path p) {
    try {
      return Files.readSymbolicLink(p).toString();
    } catch (IOException | UnsupportedOperationException e) {
      return "?";
    }
  }
}
