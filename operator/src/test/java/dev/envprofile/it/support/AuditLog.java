package dev.envprofile.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The API server's audit log (Metadata level; everyone's writes, and the operator's reads too): what
 * each user wrote, so that tests can prove that a no-op reconcile writes nothing, and how many
 * requests the operator made.
 */
public final class AuditLog {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final java.util.Set<String> WRITES =
      java.util.Set.of("create", "update", "patch", "delete", "deletecollection");
  private final Path file;

  /** One write the API server accepted or refused. */
  public record Entry(String user, String verb, String resource, String subresource, String namespace, String name,
                      int code, java.time.Instant at) {
    public boolean isWrite() {
      return WRITES.contains(verb);
    }
  }

  public AuditLog(Path file) {
    this.file = file;
  }

  /** Where the log ends now: pass it to {@link #since} to see only later writes. */
  public long mark() {
    try {
      return Files.exists(file) ? Files.size(file) : 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The writes since the mark. */
  public List<Entry> since(long mark) {
    return requests(mark).stream().filter(Entry::isWrite).toList();
  }

  /** Every logged request since the mark: a watch counts when it starts, any other when it completes. */
  public List<Entry> requests(long mark) {
    List<Entry> out = new ArrayList<>();
    try {
      byte[] all = Files.readAllBytes(file);
      String text = new String(all, (int) Math.min(mark, all.length), (int) Math.max(0, all.length - mark),
          java.nio.charset.StandardCharsets.UTF_8);
      for (String line : text.split("\n")) {
        if (line.isBlank() || !line.startsWith("{")) {
          continue;
        }
        JsonNode n = JSON.readTree(line);
        boolean watch = "watch".equals(n.path("verb").asText());
        if (!n.path("stage").asText().equals(watch ? "ResponseStarted" : "ResponseComplete")) {
          continue;
        }
        JsonNode ref = n.path("objectRef");
        out.add(new Entry(n.path("user").path("username").asText(), n.path("verb").asText(),
            ref.path("resource").asText(), ref.path("subresource").asText(), ref.path("namespace").asText(),
            ref.path("name").asText(), n.path("responseStatus").path("code").asInt(),
            java.time.Instant.parse(n.path("requestReceivedTimestamp").asText("1970-01-01T00:00:00Z"))));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** Writes by that user since the mark, in a namespace (null: any). */
  public List<Entry> writes(long mark, String user, String namespace) {
    return since(mark).stream().filter(e -> e.user().equals(user))
        .filter(e -> namespace == null || namespace.equals(e.namespace())).toList();
  }
}
