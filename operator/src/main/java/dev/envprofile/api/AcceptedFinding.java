package dev.envprofile.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/**
 * A finding the team has decided to live with (docs/parity.md, "Accepted findings"): it leaves
 * parity's denominator and stays visible in the status and every report. The check id's enum is
 * filled in from the catalog by {@link CrdFinisher}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AcceptedFinding {
  public static final int MAX_OBJECTS = 20;
  public static final int MAX_REASON = 512;
  public static final int MAX_OBJECT_PATTERN = 317; // a kind (63), '/', a name (253)

  @Required
  @JsonPropertyDescription("Check id from docs/checks.md, e.g. security.host-ids.")
  public String check;

  @Required
  @Size(min = 1, max = MAX_OBJECTS)
  @JsonPropertyDescription("Objects the acceptance covers, as Kind/name where * stands for any characters, e.g. Deployment/api-* or */legacy-*. A Deployment pattern also covers the StatefulSet it is promoted to.")
  public List<@Size(min = 3, max = MAX_OBJECT_PATTERN) @Pattern("^[A-Za-z*]+/[-a-z0-9.*]+$") String> objects;

  @Required
  @Size(min = 1, max = MAX_REASON)
  @JsonPropertyDescription("Why the finding is accepted: shown as given in the status and every report (do not paste a credential here).")
  public String reason;

  @Pattern("^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
  @JsonPropertyDescription("Last day (UTC, YYYY-MM-DD) the acceptance holds; from the next day the finding counts again, with an Event and a condition message. Unset: no expiry.")
  public String expires;

  public AcceptedFinding() {}

  public AcceptedFinding(String check, List<String> objects, String reason, String expires) {
    this.check = check;
    this.objects = objects;
    this.reason = reason;
    this.expires = expires;
  }
}
