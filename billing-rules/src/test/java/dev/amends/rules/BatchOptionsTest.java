package dev.amends.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amends.core.InvalidInputException;
import org.junit.jupiter.api.Test;

class BatchOptionsTest {
  @Test
  void defaultsToAllCoresAWindowOf1024AndSharing() {
    BatchOptions d = BatchOptions.defaults();

    assertThat(d.threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(d.window()).isEqualTo(1024);
    assertThat(d.shareMeasurements()).isTrue();
  }

  @Test
  void settersReturnNewOptionsAndLeaveTheOldAlone() {
    BatchOptions d = BatchOptions.defaults();

    BatchOptions o = d.threads(3).window(10).shareMeasurements(false);

    assertThat(o.toString()).isEqualTo("threads=3 window=10 shareMeasurements=false");
    assertThat(d.window()).isEqualTo(1024);
  }

  @Test
  void refusesFewerThanOneThread() {
    assertThatThrownBy(() -> BatchOptions.defaults().threads(0))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("batch.threads").hasMessageContaining("0");
  }

  @Test
  void refusesAnEmptyWindow() {
    assertThatThrownBy(() -> BatchOptions.defaults().window(-5))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("batch.window").hasMessageContaining("-5");
  }
}
