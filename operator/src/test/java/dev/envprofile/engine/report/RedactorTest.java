package dev.envprofile.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
}
