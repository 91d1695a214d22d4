package dev.cfbuilds.model.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class CanonicalUuidTest {
  private static final String A = "8e5e3a2a-1d7e-4a1b-9c7d-2f4e6b8a0c1e";

  @Test
  void acceptsTheCanonicalFormInEitherCase() {
    assertThat(CanonicalUuid.matches(A)).isTrue();
    assertThat(CanonicalUuid.matches(A.toUpperCase(Locale.ROOT))).isTrue();
  }

  @Test
  void tellsTheTextUuidToStringWouldWrite() {
    assertThat(CanonicalUuid.isLowerCase(A)).isTrue();
    assertThat(CanonicalUuid.isLowerCase(A.substring(0, 35) + "E")).isFalse();
    assertThat(CanonicalUuid.isLowerCase("A" + A.substring(1))).isFalse();
    assertThat(CanonicalUuid.isLowerCase(A.replace('e', 'F'))).isFalse();
  }

  @Test
  void rejectsEverythingElse() {
    assertThat(CanonicalUuid.matches(null)).isFalse();
    assertThat(CanonicalUuid.matches("")).isFalse();
    assertThat(CanonicalUuid.matches("1-2-3-4-5")).isFalse();
    assertThat(CanonicalUuid.matches(A.replace('-', '_'))).isFalse();
    assertThat(CanonicalUuid.matches(A.replace('e', 'g'))).isFalse();
    assertThat(CanonicalUuid.matches(A + "0")).isFalse();
    assertThat(CanonicalUuid.matches("{" + A.substring(1))).isFalse();
    assertThat(CanonicalUuid.matches(A.replace('8', '\uff18'))).as("full-width digit").isFalse();
  }
}
