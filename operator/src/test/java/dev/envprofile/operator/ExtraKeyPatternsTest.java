package dev.envprofile.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.envprofile.engine.InvalidProfileException;
import dev.envprofile.engine.credentials.CredentialNames;
import dev.envprofile.testing.TestManifests;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A profile's extraKeyPatterns run on tenant key names: in linear time, whatever the pattern. */
class ExtraKeyPatternsTest {

  @Test
  void aCatastrophicPatternOnAHostileKeyTakesMilliseconds() {
    var settings = TestManifests.settings("tier: production\nsecrets: {extraKeyPatterns: [\"^(a+)+$\", \"(x|xx)+y\"]}");
    CredentialNames names = new CredentialNames(settings.secrets().extraKeyPatterns());
    String key = "a".repeat(5_000) + "!";
    String other = "x".repeat(5_000);
    long start = System.nanoTime();
    assertThat(names.matches(key)).isFalse();
    assertThat(names.matches(other)).isFalse();
    assertThat(names.matches("aaaa")).isTrue();
    // java.util.regex takes longer than the age of the universe on the first; RE2/J is linear.
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
  }

  @Test
  void patternsRe2CannotRunInLinearTimeAreRefused() {
    assertThatThrownBy(() -> TestManifests.settings("tier: production\nsecrets: {extraKeyPatterns: [\"(a)\\\\1\"]}"))
        .isInstanceOf(InvalidProfileException.class).hasMessageContaining("extraKeyPatterns[0]");
    assertThatThrownBy(() -> TestManifests.settings("tier: production\nsecrets: {extraKeyPatterns: [\"(?=a)\"]}"))
        .isInstanceOf(InvalidProfileException.class).hasMessageContaining("extraKeyPatterns[0]");
  }
}
