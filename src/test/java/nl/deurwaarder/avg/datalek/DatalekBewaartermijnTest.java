package nl.deurwaarder.avg.datalek;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Map;
import nl.deurwaarder.avg.AvgSpringTest;
import nl.deurwaarder.avg.archief.Archief;
import nl.deurwaarder.avg.archief.Stuksoort;
import nl.deurwaarder.avg.bewaartermijn.Bewaartermijn;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Retention of breach entries (PH-ALG-05 §6.3): 3 years after the end of the year of discovery the personal data
 * go (register, history values, archive, Camunda history); the anonymous entry stays for the trend analysis.
 */
@AvgSpringTest
class DatalekBewaartermijnTest {

  static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  @Autowired DatalekMelden melden;
  @Autowired DatalekRegister register;
  @Autowired Bewaartermijn bewaartermijn;
  @Autowired Archief archief;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;

  @AfterEach
  void herstel() {
    ClockUtil.reset();
  }

  private static void zet(int j, int m, int d, int h, int min) {
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(j, m, d, h, min, 0, 0, AMSTERDAM).toInstant()));
  }

  private String meld(String omschrijving) {
    Datalek d = melden.meld(new NieuweDatalekmelding(omschrijving, ZonedDateTime.ofInstant(
        ClockUtil.getCurrentTime().toInstant(), AMSTERDAM).minusHours(3).toOffsetDateTime(), Bron.EXTERN, null,
        null, 1, "Portaal", "Naam en BSN van Jan Jansen", "Jan Jansen", "jan@example.nl"));
    String ref = d.referentie();
    register.wijzig(ref, Map.of("beoordelingToelichting", "Jan Jansen belde zelf", "ernst", Ernst.BEPERKT,
        "inbreukCategorieen", java.util.List.of("VERTROUWELIJKHEID")), "coordinator");
    archief.bewaar(ref, Stuksoort.DATALEKDOSSIER, "Mail van Jan", "mail.txt", "text/plain",
        "Beste, ik ben Jan".getBytes(StandardCharsets.UTF_8), "coordinator");
    runtimeService.deleteProcessInstance(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(ref)
        .singleResult().getId(), "test");
    return ref;
  }

  @Test
  void anonymisedOnFirstJanuaryThreeYearsAfterTheYearOfDiscoveryKeepingTheAnonymousEntry() {
    zet(2022, 12, 30, 12, 0);
    String oud = meld("Datalek bij Jan Jansen, Dorpsstraat 1");
    zet(2024, 1, 2, 12, 0); // (not 2023: TrendanalyseTest reports 2023 from its own seed in the shared database)
    String nieuw = meld("Datalek bij Piet, Kerkstraat 2");

    zet(2025, 12, 31, 23, 59);
    bewaartermijn.voerUit().geanonimiseerd("datalekken");
    assertThat(register.haal(oud).moment("geanonimiseerdOp")).isNull();

    zet(2026, 1, 1, 0, 30);
    assertThat(bewaartermijn.voerUit().geanonimiseerd("datalekken")).isGreaterThanOrEqualTo(1);
    Datalek a = register.haal(oud);
    assertThat(a.moment("geanonimiseerdOp")).isNotNull();
    for (String weg : new String[] {"omschrijving", "melderNaam", "melderEmail", "gemeldDoor", "getroffenGegevens",
        "beoordelingToelichting"}) {
      assertThat(a.tekst(weg)).as(weg).isNull();
    }
    // the anonymous entry for trends
    assertThat(a.bron()).isEqualTo(Bron.EXTERN);
    assertThat(a.ernst()).isEqualTo(Ernst.BEPERKT);
    assertThat(a.inbreukCategorieen()).containsExactly("VERTROUWELIJKHEID");
    assertThat(a.ontdektOp()).isNotNull();
    assertThat(a.tekst("geschatAantalBetrokkenen")).isEqualTo("1");
    assertThat(register.historie(oud)).filteredOn(r -> r.veld().equals("beoordelingToelichting"))
        .extracting(nl.deurwaarder.avg.registerhistorie.Registertabel.Historieregel::nieuweWaarde).containsExactly("[verwijderd]");
    assertThat(register.historie(oud)).filteredOn(r -> r.veld().equals("ernst"))
        .extracting(nl.deurwaarder.avg.registerhistorie.Registertabel.Historieregel::nieuweWaarde).containsExactly("BEPERKT");
    assertThat(archief.stukken(oud)).isEmpty();
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(oud).count()).isZero();

    Datalek b = register.haal(nieuw);
    assertThat(b.moment("geanonimiseerdOp")).isNull();
    assertThat(b.tekst("omschrijving")).isEqualTo("Datalek bij Piet, Kerkstraat 2");
    assertThat(archief.stukken(nieuw)).hasSize(1);
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(nieuw).count())
        .isEqualTo(1);
    // idempotent
    assertThat(bewaartermijn.voerUit().geanonimiseerd("datalekken")).isZero();
  }
}
