package dev.cfbuilds.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Keeps the one exit-code table in step: ExitCodes, each command's help and cli/README.md. */
class ExitCodesTest {
  private static List<Integer> constants() throws IllegalAccessException {
    List<Integer> codes = new ArrayList<>();
    for (Field field : ExitCodes.class.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == int.class) {
        codes.add(field.getInt(null));
      }
    }
    return codes;
  }

  @Test
  void everyCodeACommandListsIsOneOfExitCodesAndHasAReadmeRow() throws Exception {
    CliContext context =
        new CliContext(Map.of(), new ByteArrayInputStream(new byte[0]), false, false);
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    List<Integer> constants = constants();
    for (Object command :
        List.of(
            new BuildsCommand(context),
            new StatusCommand(context),
            new LogsCommand(context),
            new ListCommand(context),
            new TriggerCommand(context),
            new CancelCommand(context),
            new DriftCommand(context))) {
      Map<String, String> listed =
          new CommandLine(command).getCommandSpec().usageMessage().exitCodeList();
      assertThat(listed).as("%s exitCodeList", command.getClass().getSimpleName()).isNotEmpty();
      for (String code : listed.keySet()) {
        assertThat(constants).contains(Integer.parseInt(code.strip()));
      }
    }
    for (int code : constants) {
      assertThat(readme).as("cli/README.md row for %d", code).contains("\n| " + code + " | ");
    }
  }

  @Test
  void theReadmeTableHasNoRowForACodeThatDoesNotExist() throws IOException, IllegalAccessException {
    List<Integer> constants = constants();
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    String table = readme.substring(readme.indexOf("## Exit codes"), readme.indexOf("## Naming"));
    table
        .lines()
        .filter(line -> line.matches("\\| \\d+ \\|.*"))
        .forEach(
            line -> assertThat(constants).contains(Integer.parseInt(line.split("\\|")[1].strip())));
  }
}
