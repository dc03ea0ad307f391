package dev.envprofile.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RedactorTest {
  @Test
  void masksLongValuesAnywhereAndShortOnesOnlyAsWholeWords() {
    Redactor r = new Redactor(List.of("test", "Pg-Secret-81", "ab", "postgres"), Set.of("postgres"));
    assertThat(r.mask("image app:latest uses test")).isEqualTo("image app:latest uses ****");
    assertThat(r.mask("url x://u:Pg-Secret-81@db")).isEqualTo("url x://u:****@db");
    assertThat(r.mask("key ab in tab")).as("under 4 characters: left alone").isEqualTo("key ab in tab");
    assertThat(r.mask("Service/postgres")).as("an object's name is not hidden").isEqualTo("Service/postgres");
    assertThat(r.mask("xPg-Secret-81x")).isEqualTo("x****x");
  }

  /** Issue 13, defect 9: a mask inside a name tells the reader the value. */
  @Test
  void aValueInsideANameIsNotMaskedThere() {
    Redactor r = new Redactor(List.of("admin"), Set.of("grafana", "admin-password", "shop"));
    assertThat(r.mask("Secret/grafana: admin-password holds a well-known dev default"))
        .isEqualTo("Secret/grafana: admin-password holds a well-known dev default");
    assertThat(r.mask("user admin logs in")).isEqualTo("user **** logs in");
    assertThat(r.mask("GF_SECURITY_ADMIN_PASSWORD=admin")).isEqualTo("GF_SECURITY_ADMIN_PASSWORD=****");
  }

  @Test
  void aNamespaceNamedLikeAPasswordIsNotMaskedButTheValueIs() {
    Redactor r = new Redactor(List.of("shop-Secret-2024"), Set.of("shop-Secret-2024", "Deployment", "api"));
    String yaml = "metadata:\n  name: api\n  namespace: shop-Secret-2024\ndata:\n  DB_PASSWORD: shop-Secret-2024\n";
    assertThat(r.mask(yaml)).isEqualTo(
        "metadata:\n  name: api\n  namespace: shop-Secret-2024\ndata:\n  DB_PASSWORD: ****\n");
    assertThat(r.mask("url postgres://app:shop-Secret-2024@db/app")).isEqualTo("url postgres://app:****@db/app");
  }

  @Test
  void aLongValueThatIsPartOfAnObjectNameStaysInTheNameOnly() {
    Redactor r = new Redactor(List.of("orders-db-pass"), Set.of("orders-db-pass-rotator", "orders"));
    assertThat(r.mask("CronJob/orders-db-pass-rotator reads orders-db-pass from env, and xorders-db-passx too"))
        .isEqualTo("CronJob/orders-db-pass-rotator reads **** from env, and x****x too");
  }

  @Test
  void overlappingValuesMergeIntoOneMask() {
    Redactor r = new Redactor(List.of("abcdefgh12", "gh12ijklmn"), Set.of());
    assertThat(r.mask("v=abcdefgh12ijklmn.")).isEqualTo("v=****.");
  }

  /**
   * The guarantee, as a property: no credential value of 8+ characters survives outside a name of the
   * namespace, whatever the message, including values that are substrings of names.
   */
  @Test
  void noLongValueSurvivesOutsideNames() {
    Random random = new Random(13);
    String alphabet = "abcXYZ019-_.:@/= \"'\n";
    for (int round = 0; round < 300; round++) {
      String value = "Cred" + Long.toString(Math.abs(random.nextLong()), 36);
      String name = (random.nextBoolean() ? "svc-" : "") + value + (random.nextBoolean() ? "-holder" : "");
      Redactor r = new Redactor(List.of(value, "root"), Set.of(name, "shop"));
      StringBuilder m = new StringBuilder();
      for (int i = 0; i < 12; i++) {
        switch (random.nextInt(4)) {
          case 0 -> m.append(value);
          case 1 -> m.append(" Deployment/").append(name).append(' ');
          default -> {
            for (int j = random.nextInt(5); j > 0; j--) {
              m.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
          }
        }
      }
      String masked = r.mask(m.toString());
      // Where the name stands as a word it stays (names are not secrets); nowhere else may the value.
      String withoutNames = masked.replaceAll("(?<![A-Za-z0-9_])(?<![A-Za-z0-9_][.-])" + java.util.regex.Pattern.quote(name)
          + "(?![A-Za-z0-9_]|[.-][A-Za-z0-9_])", " ");
      assertThat(withoutNames).as("message %s", m).doesNotContain(value);
    }
  }
}
