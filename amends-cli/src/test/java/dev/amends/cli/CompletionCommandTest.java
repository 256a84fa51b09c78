package dev.amends.cli;

import static dev.amends.cli.AmendsCliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.cli.AmendsCliTest.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompletionCommandTest {
  private static final Path BASH = Path.of("/bin/bash");

  @TempDir
  Path tmp;

  @Test
  void completionPrintsABashScriptForTheAmendsCommandWithEveryCommandAndOption() {
    Run r = run("completion", "bash");

    assertThat(r.exit()).isEqualTo(0);
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).contains("function _complete_amends()", "complete -F _complete_amends",
        "credit", "explain", "diff", "validate", "schema", "completion", "--periods-touched", "--period");
  }

  @Test
  void theZshScriptIsTheBashScriptWhichLoadsBashcompinitUnderZsh() {
    Run zsh = run("completion", "zsh");
    Run bash = run("completion");

    assertThat(zsh.exit()).isEqualTo(0);
    assertThat(zsh.out()).isEqualTo(bash.out()).contains("autoload -U +X bashcompinit && bashcompinit");
  }

  @Test
  void bashCompletesACommandFromItsFirstLetters() throws IOException, InterruptedException {
    Assumptions.assumeTrue(Files.isExecutable(BASH), "skipped: no " + BASH + " to load the script in");
    Path script = Files.writeString(tmp.resolve("amends.bash"), run("completion").out());

    Process p = new ProcessBuilder(BASH.toString(), "-c", "source \"$0\"; COMP_WORDS=(amends cre); COMP_CWORD=1; "
        + "COMP_LINE='amends cre'; COMP_POINT=10; _complete_amends; echo \"${COMPREPLY[@]}\"", script.toString())
        .redirectErrorStream(true).start();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();

    assertThat(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip()).isEqualTo("credit");
  }

  @Test
  void anUnknownShellIsABadArgument() {
    Run r = run("completion", "fish");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("fish");
  }
}
