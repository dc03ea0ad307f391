package dev.envprofile.engine.credentials;

import dev.envprofile.engine.facts.ConfigText;
import dev.envprofile.engine.facts.EnvResolver;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Files a container reads from Secret volumes. A config file that held a credential moves from a
 * ConfigMap into a Secret; the peers it names are read there alike, so that the flows of a
 * namespace are the same before and after the move (the operator reads the namespace's Secrets).
 */
public final class SecretFiles {
  /** A file longer than this is read in its head only: peers are named near the top of real configs. */
  private static final int MAX_FILE = 512 * 1024;

  private SecretFiles() {}

  /** Names of the Secrets mounted into the container (plain and projected volumes). */
  public static Set<String> mounted(Container c, PodSpec pod) {
    Set<String> out = new LinkedHashSet<>();
    for (Volume v : EnvResolver.mountedVolumes(c, pod)) {
      if (v.getSecret() != null && v.getSecret().getSecretName() != null) {
        out.add(v.getSecret().getSecretName());
      } else if (v.getProjected() != null && v.getProjected().getSources() != null) {
        for (VolumeProjection p : v.getProjected().getSources()) {
          if (p.getSecret() != null && p.getSecret().getName() != null) {
            out.add(p.getSecret().getName());
          }
        }
      }
    }
    return out;
  }

  /** The text files of a Secret in the input, as configuration the container reads. */
  public static List<ConfigText> texts(Secret s) {
    List<ConfigText> out = new ArrayList<>();
    Map<String, String> files = new TreeMap<>();
    if (s.getData() != null) {
      s.getData().forEach((k, v) -> {
        String text = decode(v);
        if (text != null) {
          files.put(k, text);
        }
      });
    }
    if (s.getStringData() != null) {
      files.putAll(s.getStringData());
    }
    files.forEach((k, v) -> out.add(new ConfigText("Secret/" + s.getMetadata().getName() + " file " + k,
        v.length() > MAX_FILE ? v.substring(0, MAX_FILE) : v)));
    return out;
  }

  /** Base64 text, or null for invalid base64 and binary content (a keystore is no config file). */
  private static String decode(String b64) {
    if (b64 == null) {
      return null;
    }
    try {
      byte[] bytes = Base64.getMimeDecoder().decode(b64);
      for (int i = 0; i < Math.min(bytes.length, 4096); i++) {
        if (bytes[i] == 0) {
          return null;
        }
      }
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
