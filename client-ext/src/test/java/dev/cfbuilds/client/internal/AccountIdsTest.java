package dev.cfbuilds.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The edges of what an account ID may hold: each range's ends and the characters next to them. */
class AccountIdsTest {
  @Test
  void acceptsTheEndsOfEachAllowedRange() {
    assertThat(AccountIds.check("azAZ09-_")).isEqualTo("azAZ09-_");
    assertThat(AccountIds.check("x".repeat(64))).hasSize(64);
  }

  @ParameterizedTest
  @ValueSource(strings = {"`", "{", "@", "[", "/", ":", ".", " "})
  void refusesTheCharactersJustOutsideThem(String c) {
    assertThatThrownBy(() -> AccountIds.check("a" + c))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("accountId may hold only letters, digits, '-' and '_', but has '");
  }

  @Test
  void refusesSixtyFiveCharacters() {
    assertThatThrownBy(() -> AccountIds.check("x".repeat(65)))
        .hasMessage("accountId is longer than 64 characters");
  }
}
