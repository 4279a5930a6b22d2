package nl.deurwaarder.avg.brief;

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
import nl.deurwaarder.avg.verzoek.Betrokkene;
import nl.deurwaarder.avg.verzoek.Kanaal;
import nl.deurwaarder.avg.verzoek.NieuwVerzoek;
import nl.deurwaarder.avg.verzoek.Verzoek;
import nl.deurwaarder.avg.verzoek.VerzoekIntake;
import nl.deurwaarder.avg.verzoek.VerzoekType;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The access reply (REACTIE_INZAGE) tells the data subject the art. 15(1) information from the PUBLISHED
 * verwerkingsregister: publishing a change there changes the next reply.
 */
@AvgSpringTest
class InzageReactieUitVerwerkingsregisterTest {

  @Autowired
  Brieven brieven;
  @Autowired
  VerzoekIntake intake;
  @Autowired
  Verwerkingsregister register;
  @Autowired
  Voorstellen voorstellen;

  @AfterEach
  void herstel() {
    ClockUtil.reset();
  }

  @Test
  void theReplyFollowsThePublishedRegister() throws Exception {
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(2032, 3, 1, 10, 0, 0, 0, ZoneId.of("Europe/Amsterdam"))
        .toInstant()));
    Verzoek v = intake.registreer(new NieuwVerzoek(VerzoekType.INZAGE, Kanaal.EMAIL, null,
        new Betrokkene("Karel Debiteur", "karel@example.org", null, null, null), null, "Welke gegevens?"),
        "coordinator");
    String voor = BrievenTest.tekst(brieven.opstellen(BriefType.REACTIE_INZAGE, v.referentie(), Map.of()));
    assertThat(voor).contains("Verwerken vonnis").contains("Burgerservicenummer (BSN)")
        .contains("10 jaar na het sluiten van het laatste dossier van de debiteur")
        .doesNotContain("Cameratoezicht").doesNotContain("Spraakbericht");

    Bewaartermijn termijn = new Bewaartermijn("10 jaar na het sluiten van het laatste dossier van de debiteur",
        "P10Y", "sluiten van het laatst lopende dossier van de betrokkene", "PH-ALG-05 §2.2");
    Verwerking nieuw = new Verwerking("30.2.8", "Inspreken van betaalherinneringen als spraakbericht",
        "Debiteur herinneren aan een afgesproken termijnbetaling per Spraakbericht.", Grondslag.F,
        "Minnelijke incasso: nevenwerkzaamheid, bedrijfsvoering.", null, true, "Hoofd incasso",
        List.of("Debiteur"), List.of("Spraakberichtendienst"), termijn, null, null, "Versleutelde koppeling", false,
        List.of(), List.of(new Gegevenstype("Telefoonnummer voor spraakbericht", "Debiteur", Grondslag.F, "Debiteur",
            List.of("Spraakberichtendienst"), List.of("Spraakberichtendienst"), List.of("Belplatform"), termijn,
            "Versleutelde koppeling", false, null, null)));
    long id = voorstellen.nieuw(Voorstel.Soort.NIEUW, nieuw, "spraakbericht", "coordinator", null);
    String metConcept = BrievenTest.tekst(brieven.opstellen(BriefType.REACTIE_INZAGE, v.referentie(), Map.of()));
    assertThat(metConcept).doesNotContain("Spraakbericht");

    register.publiceer(id, "fg");

    String na = BrievenTest.tekst(brieven.opstellen(BriefType.REACTIE_INZAGE, v.referentie(), Map.of()));
    assertThat(na).contains("Spraakbericht").contains("Spraakberichtendienst")
        .contains("Telefoonnummer voor spraakbericht");
  }
}
