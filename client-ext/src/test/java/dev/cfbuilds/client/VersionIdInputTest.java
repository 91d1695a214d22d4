package dev.cfbuilds.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VersionIdInputTest {
  private static final String GOOD = "8e5e3a2a-1d7e-4a1b-9c7d-2f4e6b8a0c1e";

  private final BuildsServer server = new BuildsServer();
  private final CloudflareBuildsClient client = server.clientBuilder().build();

  VersionIdInputTest() throws Exception {}

  @AfterEach
  void close() {
    client.close();
    server.close();
  }

  @Test
  void namesABadIdAndItsPositionBeforeAnyRequest() {
    assertThatThrownBy(
            () -> client.getBuildsByVersionIds("acct", List.of(GOOD, GOOD, "8e5e3a2a_1d7e")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "versionIds[2] is not a UUID (expected 8-4-4-4-12 hex digits): \"8e5e3a2a_1d7e\"");
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void rejectsANullElement() {
    assertThatThrownBy(() -> client.getBuildsByVersionIds("acct", Arrays.asList(GOOD, null)))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("versionIds[1] == null");
  }

  @Test
  void rejectsANullCollection() {
    assertThatThrownBy(() -> client.getBuildsByVersionIds("acct", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("versionIds == null");
  }

  @Test
  void escapesControlCharactersInTheMessage() {
    assertThatThrownBy(() -> client.getBuildsByVersionIds("acct", List.of("abc\r\nX-Injected: 1")))
        .hasMessage(
            "versionIds[0] is not a UUID (expected 8-4-4-4-12 hex digits): \"abc\\u000d\\u000aX-Injected: 1\"");
  }

  @Test
  void rejectsNonHexAndFullWidthDigits() {
    assertThatThrownBy(
            () ->
                client.getBuildsByVersionIds(
                    "acct", List.of("8e5e3a2a-1d7e-4a1b-9c7d-2f4e6b8a0c1g")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                client.getBuildsByVersionIds(
                    "acct", List.of("８e5e3a2a-1d7e-4a1b-9c7d-2f4e6b8a0c1e")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsABadAccountIdBeforeAnyRequest() {
    assertThatThrownBy(() -> client.getBuildsByVersionIds("../other", List.of(GOOD)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "accountId may hold only letters, digits, '-' and '_', but has '.' at index 0: \"../other\"");
    assertThat(server.requests()).isEmpty();
  }
}
