package dev.cfbuilds.model.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrintableTextTest {
  @Test
  void keepsShortPlainTextAsItIs() {
    assertThat(PrintableText.of("ab-12 ü", 64)).isEqualTo("ab-12 ü");
  }

  @Test
  void escapesControlCharacters() {
    assertThat(PrintableText.of("\u001b[31mred\r\n", 64)).isEqualTo("\\u001b[31mred\\u000d\\u000a");
  }

  @Test
  void cutsAtTheCapAndSaysHowLongTheTextWas() {
    assertThat(PrintableText.of("abcdefghij", 4)).isEqualTo("abcd…(10 chars)");
  }

  @Test
  void countsAnEscapeAsTheSixCharactersItTakes() {
    assertThat(PrintableText.of("\u0001".repeat(100), 12)).isEqualTo("\\u0001\\u0001…(100 chars)");
  }

  @Test
  void addsNothingWhenTheTextEndsExactlyAtTheCap() {
    assertThat(PrintableText.of("abcd", 4)).isEqualTo("abcd");
  }
}
