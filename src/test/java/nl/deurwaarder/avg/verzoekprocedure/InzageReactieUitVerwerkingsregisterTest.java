package nl.deurwaarder.avg.verzoekprocedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import nl.deurwaarder.avg.AvgSpringTest;
import nl.deurwaarder.avg.verwerkingsregister.Bewaartermijn;
import nl.deurwaarder.avg.verwerkingsregister.Gegevenstype;
import nl.deurwaarder.avg.verwerkingsregister.Grondslag;
import nl.deurwaarder.avg.verwerkingsregister.Verwerking;
import nl.deurwaarder.avg.verwerkingsregister.Verwerkingsregister;
import nl.deurwaarder.avg.verwerkingsregister.Voorstel;
import nl.deurwaarder.avg.verwerkingsregister.Voorstellen;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import nl.deurwaarder.avg.verwerker.VerwerkerGegevens;
import nl.deurwaarder.avg.verwerker.Verwerkersregister;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The access reply's art. 15(1) information follows the PUBLISHED verwerkingsregister: a draft does not change the
 * next reply, publishing it does (issue: verwerkingsregister, use in access replies).
 */
@AvgSpringTest
class InzageReactieUitVerwerkingsregisterTest {

  @Autowired
  Verwerkersregister verwerkers;
  @Autowired
  InzageReactie inzageReactie;
  @Autowired
  Verwerkingsregister register;
  @Autowired
  Voorstellen voorstellen;

  @AfterEach
  void herstel() {
    ClockUtil.reset();
  }

  @Test
  void theNextReplyFollowsThePublishedRegisterNotADraft() {
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(2032, 3, 1, 10, 0, 0, 0, ZoneId.of("Europe/Amsterdam"))
        .toInstant()));
    Map<String, String> voor = inzageReactie.uitRegister(List.of("Debiteur"));
    assertThat(voor.get("informatieDoeleinden")).contains("Verwerken vonnis").doesNotContain("spraakbericht");
    assertThat(voor.get("informatieBewaartermijn"))
        .contains("10 jaar na het sluiten van het laatste dossier van de debiteur");

    Bewaartermijn termijn = new Bewaartermijn("10 jaar na het sluiten van het laatste dossier van de debiteur",
        "P10Y", "sluiten van het laatst lopende dossier van de betrokkene", "PH-ALG-05 §2.2");
    Verwerking nieuw = new Verwerking("30.2.8", "Inspreken van betaalherinneringen als spraakbericht",
        "Debiteur herinneren aan een afgesproken termijnbetaling per spraakbericht.", Grondslag.F,
        "Minnelijke incasso: nevenwerkzaamheid, bedrijfsvoering.", null, true, "Hoofd incasso",
        List.of("Debiteur"), List.of("Spraakberichtendienst"), termijn, null, null, "Versleutelde koppeling", false,
        List.of(), List.of(new Gegevenstype("Telefoonnummer voor spraakbericht", "Debiteur", Grondslag.F, "Debiteur",
            List.of("Spraakberichtendienst"), List.of("Spraakberichtendienst"), List.of("Belplatform"), termijn,
            "Versleutelde koppeling", false, null, null)));
    // a processing may only name processors of the register of processors (PH-ORG-05): record the provider first
    if (verwerkers.naamInRegister("Spraakberichtendienst").isEmpty()) {
      verwerkers.voegToe(new VerwerkerGegevens("Spraakberichtendienst", "Inspreken van spraakberichten", null, null,
          null, null, null, null, false, null, null, null, null, null), "coordinator");
    }
    long id = voorstellen.nieuw(Voorstel.Soort.NIEUW, nieuw, "spraakbericht", "coordinator", null);
    assertThat(inzageReactie.uitRegister(List.of("Debiteur")).get("informatieDoeleinden"))
        .doesNotContain("spraakbericht");

    register.publiceer(id, "fg");

    Map<String, String> na = inzageReactie.uitRegister(List.of("Debiteur"));
    assertThat(na.get("informatieDoeleinden")).contains("Inspreken van betaalherinneringen als spraakbericht");
    assertThat(na.get("informatieCategorieen")).contains("Telefoonnummer voor spraakbericht");
    assertThat(na.get("informatieOntvangers")).contains("Spraakberichtendienst");
  }
}
