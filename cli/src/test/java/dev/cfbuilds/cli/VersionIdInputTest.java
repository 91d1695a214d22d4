package dev.cfbuilds.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class VersionIdInputTest {
  private static final String A = "8e5e3a2a-1d7e-4a1b-9c7d-2f4e6b8a0c1e";
  private static final String B = "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e";
  private static final String C = "00000000-6e1a-4fe4-a799-aa6d9a6ab26e";

  @Test
  void splitsOnCommasWhitespaceAndLinesSkippingBlanks() {
    VersionIdInput ids = new VersionIdInput();
    ids.addLine(A + "," + B + ",", "argument 1");
    ids.addText("\n  " + C + "  \n\n", "ids.txt");

    assertThat(ids.distinct()).containsExactly(A, B, C);
  }

  @Test
  void lowerCasesAndDropsDuplicatesKeepingTheFirstPosition() {
    VersionIdInput ids = new VersionIdInput();
    ids.addLine(B, "argument 1");
    ids.addLine(A.toUpperCase(Locale.ROOT), "argument 2");
    ids.addLine(B + ", " + A, "argument 3");

    assertThat(ids.distinct()).containsExactly(B, A);
  }

  @Test
  void rejectsANonUuidNamingTheArgument() {
    VersionIdInput ids = new VersionIdInput();

    assertThatThrownBy(() -> ids.addLine(A + ",not-a-uuid", "argument 2"))
        .isInstanceOf(UsageException.class)
        .hasMessage(
            "bad version ID \"not-a-uuid\" in argument 2: expected a UUID such as "
                + "8e5e3a2a-1d7e-4a1b-9c7d-2f4e6b8a0c1e");
  }

  @Test
  void namesTheFileAndLineOfABadId() {
    VersionIdInput ids = new VersionIdInput();

    assertThatThrownBy(
            () ->
                ids.addText(A + "\n" + B + "\n" + "8e5e3a2a1d7e4a1b9c7d2f4e6b8a0c1e\n", "ids.txt"))
        .hasMessageStartingWith(
            "bad version ID \"8e5e3a2a1d7e4a1b9c7d2f4e6b8a0c1e\" in ids.txt line 3:");
  }

  @Test
  void escapesControlCharactersAndCutsLongGarbageInTheMessage() {
    VersionIdInput ids = new VersionIdInput();

    assertThatThrownBy(() -> ids.addLine("\u001b[31mred", "argument 1"))
        .hasMessageStartingWith("bad version ID \"\\u001b[31mred\" in argument 1:");
    assertThatThrownBy(() -> ids.addLine("x".repeat(100), "argument 1"))
        .hasMessageStartingWith(
            "bad version ID \"" + "x".repeat(64) + "…(100 chars)\" in argument 1:");
  }
}
