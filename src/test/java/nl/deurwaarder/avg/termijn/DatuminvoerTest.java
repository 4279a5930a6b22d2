package nl.deurwaarder.avg.termijn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatuminvoerTest {

  @Test
  void readsTheDutchWaysAndIso() {
    LocalDate d = LocalDate.of(2026, 1, 31);
    for (String tekst : new String[] {"31-01-2026", "31-1-2026", " 31.01.2026 ", "31/01/2026", "2026-01-31"}) {
      assertThat(Datuminvoer.lees(tekst)).as(tekst).isEqualTo(d);
    }
    assertThat(Datuminvoer.lees("1-2-2024")).isEqualTo(LocalDate.of(2024, 2, 1));
    assertThat(Datuminvoer.lees(null)).isNull();
    assertThat(Datuminvoer.lees("  ")).isNull();
  }

  @Test
  void refusesWithADutchMessage() {
    for (String tekst : new String[] {"01/31/2026x", "31-01-26", "morgen", "31-01/2026", "2026-1-31"}) {
      assertThatThrownBy(() -> Datuminvoer.lees(tekst)).as(tekst)
          .isInstanceOf(Datuminvoer.OngeldigeDatumException.class)
          .hasMessage("schrijf de datum als dd-mm-jjjj, bijvoorbeeld 31-01-2026");
    }
    assertThatThrownBy(() -> Datuminvoer.lees("31-02-2026")).hasMessage("deze datum bestaat niet");
    // an American date is refused, not read the other way round
    assertThatThrownBy(() -> Datuminvoer.lees("12/31/2026")).hasMessage("deze datum bestaat niet");
  }

  @Test
  void aTaskFormReadsOnlyTheDutchWay() {
    assertThat(Datuminvoer.leesNederlands("31.01.2026")).isEqualTo(LocalDate.of(2026, 1, 31));
    assertThatThrownBy(() -> Datuminvoer.leesNederlands("2026-01-31"))
        .hasMessage("schrijf de datum als dd-mm-jjjj, bijvoorbeeld 31-01-2026");
  }

  @Test
  void writesDdMmJjjj() {
    assertThat(Datuminvoer.schrijf(LocalDate.of(2024, 2, 1))).isEqualTo("01-02-2024");
    assertThat(Datuminvoer.schrijf(null)).isEmpty();
  }

  @Test
  void readsWhatTaskFormsHandOver() {
    LocalDate dag = LocalDate.of(2026, 1, 31);
    assertThat(Datuminvoer.leesFormulierwaarde(null)).isNull();
    assertThat(Datuminvoer.leesFormulierwaarde(" ")).isNull();
    assertThat(Datuminvoer.leesFormulierwaarde(dag)).isEqualTo(dag);
    // a date field's Date: the day in Amsterdam (23:30 UTC on 30 January is 31 January there)
    assertThat(Datuminvoer.leesFormulierwaarde(java.util.Date.from(java.time.Instant.parse("2026-01-30T23:30:00Z"))))
        .isEqualTo(dag);
    for (String tekst : List.of("31-01-2026", "31-1-2026", "31.01.2026", "2026-01-31", "2026-01-31T00:00:00",
        "2026-01-31 10:15")) {
      assertThat(Datuminvoer.leesFormulierwaarde(tekst)).as(tekst).isEqualTo(dag);
    }
    for (String tekst : List.of("31-02-2026", "2026-02-30T00:00:00", "morgen", "2026-01-31xyz", "01/31/2026x")) {
      assertThatThrownBy(() -> Datuminvoer.leesFormulierwaarde(tekst)).as(tekst)
          .isInstanceOf(Datuminvoer.OngeldigeDatumException.class);
    }
  }
}
