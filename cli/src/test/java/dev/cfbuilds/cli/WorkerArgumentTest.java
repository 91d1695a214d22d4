package dev.cfbuilds.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WorkerArgumentTest {
  private static final String TAG = "e0cdf9a9729b6249ff3729acd839d320";

  @Test
  void aTagOfEitherCaseIsATagInLowerCase() {
    assertThat(WorkerArgument.check(TAG.toUpperCase(java.util.Locale.ROOT), "WORKER"))
        .isEqualTo(TAG);
  }

  @ParameterizedTest
  @ValueSource(strings = {"checkout-api", "w", "_internal", "api_v2-eu", "0123456789abcdef0123456"})
  void aValidNameIsKeptAsGiven(String name) {
    assertThat(WorkerArgument.check(name, "WORKER")).isEqualTo(name);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "e0cdf9a9729b6249ff3729acd839d32",
        "e0cdf9a9729b6249ff3729acd839d3200",
        "e0cdf9a9729b6249ff3729acd839d320-api",
        "e0cdf9a9729b6249ff3729acd839d32z",
        "0123456789abcdef01234567"
      })
  void hexOfATagsLookButNotItsShapeIsRefusedAsAMistypedTag(String worker) {
    assertThatThrownBy(() -> WorkerArgument.check(worker, "--worker"))
        .isInstanceOf(UsageException.class)
        .hasMessage(
            "--worker \""
                + worker
                + "\" looks like a Worker tag but is not one: a tag is exactly 32 hex digits");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"Checkout", "checkout api", "-checkout", "a/b", "caf\u00e9", "x\u001b[2J"})
  void anInvalidNameIsRefused(String worker) {
    assertThatThrownBy(() -> WorkerArgument.check(worker, "WORKER"))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("is not a Worker name (lower-case letters, digits, - and _");
  }

  @Test
  void aControlCharacterIsShownEscapedNotSentToTheTerminal() {
    assertThatThrownBy(() -> WorkerArgument.check("x\u001b[2J", "WORKER"))
        .hasMessageStartingWith("WORKER \"x\\u001b[2J\" is not a Worker name");
  }

  @Test
  void anEmptyArgumentIsRefused() {
    assertThatThrownBy(() -> WorkerArgument.check("", "--worker"))
        .hasMessage("--worker is empty: give a Worker name or tag");
  }

  @Test
  void aNameLongerThan255IsRefused() {
    assertThat(WorkerArgument.check("w".repeat(255), "WORKER")).hasSize(255);
    assertThatThrownBy(() -> WorkerArgument.check("w".repeat(256), "WORKER"))
        .isInstanceOf(UsageException.class);
  }
}
