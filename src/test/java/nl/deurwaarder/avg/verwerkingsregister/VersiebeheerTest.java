package nl.deurwaarder.avg.verwerkingsregister;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import nl.deurwaarder.avg.AvgSpringTest;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** Versions of the register: as-of-date, drafts invisible, and the basis-f rule enforced on publication. */
@AvgSpringTest
class VersiebeheerTest {

  static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  @Autowired
  Verwerkingsregister register;
  @Autowired
  Voorstellen voorstellen;
  @Autowired
  TransactionTemplate transacties;

  @AfterEach
  void herstel() {
    ClockUtil.reset();
  }

  static void klok(int jaar, int maand, int dag, int uur) {
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(jaar, maand, dag, uur, 0, 0, 0, AMSTERDAM).toInstant()));
  }

  static Verwerking verwerking(String code, String doeleind, Grondslag grondslag, boolean bedrijfsvoering,
      Grondslag grondslagGegevenstype) {
    Bewaartermijn termijn = new Bewaartermijn("6 maanden na de datum van het bezoek", "P6M", "datum van het bezoek",
        "PH-ALG-05 §6.5");
    return new Verwerking(code, "Wifi-registratie bezoekers", doeleind, grondslag,
        "Beveiliging van het gastennetwerk.", null, bedrijfsvoering, "ICT", List.of("Bezoeker"),
        List.of("Geen verstrekking aan derden"), termijn, null, null, "Gescheiden gastennetwerk", false, List.of(),
        List.of(new Gegevenstype("MAC-adres apparaat", "Bezoeker", grondslagGegevenstype, "Apparaat van de bezoeker",
            List.of("ICT-dienstverlener"), List.of(), List.of("Wifi-beheer"), termijn, "Logging", false, null, null)));
  }

  @Test
  void aChangePublishedTodayDoesNotAlterTheRegisterAsOfYesterdayAndDraftsStayInvisible() {
    klok(2030, 5, 1, 10);
    long eerste = voorstellen.nieuw(Voorstel.Soort.NIEUW,
        verwerking("70.2.21", "Beveiliging van het gastennetwerk.", Grondslag.F, true, Grondslag.F), "nieuw",
        "coordinator", null);
    // a draft is not part of any published version
    assertThat(register.gepubliceerd().orElseThrow().verwerking("70.2.21")).isEmpty();
    RegisterVersie v1 = register.publiceer(eerste, "fg");
    assertThat(v1.versiedatum().toLocalDate()).isEqualTo(LocalDate.of(2030, 5, 1));

    klok(2030, 5, 2, 14);
    long tweede = voorstellen.nieuw(Voorstel.Soort.WIJZIGING,
        verwerking("70.2.21", "Beveiliging en capaciteitsbeheer van het gastennetwerk.", Grondslag.F, true,
            Grondslag.F), "wijziging", "coordinator", null);
    long concept = voorstellen.nieuw(Voorstel.Soort.WIJZIGING,
        verwerking("70.2.21", "Nog een concept dat niet gepubliceerd is.", Grondslag.F, true, Grondslag.F),
        "concept", "coordinator", null);
    RegisterVersie v2 = register.publiceer(tweede, "fg");

    assertThat(v2.versienummer()).isEqualTo(v1.versienummer() + 1);
    assertThat(register.gepubliceerdOp(LocalDate.of(2030, 5, 1)).orElseThrow().verwerking("70.2.21").orElseThrow()
        .doeleind()).isEqualTo("Beveiliging van het gastennetwerk.");
    assertThat(register.gepubliceerdOp(LocalDate.of(2030, 5, 1)).orElseThrow().versienummer())
        .isEqualTo(v1.versienummer());
    assertThat(register.gepubliceerdOp(LocalDate.of(2030, 4, 30)).orElseThrow().verwerking("70.2.21")).isEmpty();
    assertThat(register.gepubliceerdOp(LocalDate.of(2030, 5, 2)).orElseThrow().verwerking("70.2.21").orElseThrow()
        .doeleind()).isEqualTo("Beveiliging en capaciteitsbeheer van het gastennetwerk.");
    // the earlier version itself is unchanged
    assertThat(register.versie(v1.versienummer()).verwerking("70.2.21").orElseThrow().doeleind())
        .isEqualTo("Beveiliging van het gastennetwerk.");
    // the concept is still only a concept
    assertThat(voorstellen.haal(concept).status()).isEqualTo(Voorstel.Status.CONCEPT);
    assertThat(register.gepubliceerd().orElseThrow().verwerkingen().map(Verwerking::doeleind))
        .doesNotContain("Nog een concept dat niet gepubliceerd is.");
    assertThat(register.versies()).extracting(VerwerkingsregisterOpslag.VersieRij::versienummer)
        .contains(1, v1.versienummer(), v2.versienummer());
  }

  @Test
  void publishingBasisFOutsideBusinessOperationsIsRefusedWithAClearDutchMessage() {
    klok(2030, 6, 1, 10);
    int voor = register.gepubliceerd().orElseThrow().versienummer();
    long opVerwerking = voorstellen.nieuw(Voorstel.Soort.NIEUW,
        verwerking("70.2.22", "Beveiliging.", Grondslag.F, false, Grondslag.C), "f", "coordinator", null);
    assertThatThrownBy(() -> register.publiceer(opVerwerking, "fg"))
        .isInstanceOf(OngeldigeVerwerkingException.class)
        .hasMessageStartingWith("Niet gepubliceerd: Verwerking 70.2.22: grondslag f (gerechtvaardigd belang) is niet"
            + " toegestaan. Een gerechtsdeurwaarder mag zich als bestuursorgaan niet op grondslag f beroepen, behalve"
            + " bij verwerkingen in het kader van de reguliere bedrijfsvoering");
    long opGegevenstype = voorstellen.nieuw(Voorstel.Soort.NIEUW,
        verwerking("70.2.23", "Beveiliging.", Grondslag.E, false, Grondslag.F), "f", "coordinator", null);
    assertThatThrownBy(() -> register.publiceer(opGegevenstype, "fg"))
        .isInstanceOf(OngeldigeVerwerkingException.class)
        .hasMessageContaining("grondslag f (gerechtvaardigd belang) is niet toegestaan bij gegevenstype"
            + " 'MAC-adres apparaat'");
    assertThat(register.gepubliceerd().orElseThrow().versienummer()).isEqualTo(voor);
    assertThat(register.gepubliceerd().orElseThrow().verwerking("70.2.22")).isEmpty();
    assertThat(voorstellen.haal(opVerwerking).status()).isEqualTo(Voorstel.Status.CONCEPT);
    // the same processing marked as business operations may use f
    long bedrijfsvoering = voorstellen.nieuw(Voorstel.Soort.NIEUW,
        verwerking("70.2.22", "Beveiliging.", Grondslag.F, true, Grondslag.F), "f", "coordinator", null);
    assertThat(register.publiceer(bedrijfsvoering, "fg").verwerking("70.2.22")).isPresent();
  }

  @Test
  void aSpecialCategoryWithoutAnArticle9ExceptionIsRefused() {
    Verwerking v = verwerking("70.2.24", "x", Grondslag.C, false, Grondslag.C);
    Gegevenstype g = v.gegevenstypen().get(0);
    Verwerking bijzonder = new Verwerking(v.code(), v.naam(), v.doeleind(), v.grondslag(), v.grondslagToelichting(),
        null, false, v.eigenaar(), v.categorieenBetrokkenen(), v.categorieenOntvangers(), v.bewaartermijn(), null,
        null, v.beveiliging(), false, List.of(), List.of(new Gegevenstype(g.naam(), g.betrokkene(), g.grondslag(),
        g.bron(), g.verwerkers(), g.ontvangers(), g.systemen(), g.bewaartermijn(), g.beveiliging(), true,
        BijzondereCategorie.GEZONDHEID, null)));
    assertThatThrownBy(() -> register.controleer(Voorstel.Soort.NIEUW, bijzonder))
        .isInstanceOf(OngeldigeVerwerkingException.class).hasMessageContaining("AVG art. 9 lid 2");
  }

  @Test
  void theVersionInForceIsReadOnceAndANumberReusedAfterARolledBackPublicationIsNotMistakenForTheOldOne() {
    klok(2030, 6, 1, 10);
    RegisterVersie voor = register.gepubliceerd().orElseThrow();
    assertThat(register.gepubliceerd().orElseThrow()).as("read once, then kept").isSameAs(voor);

    // a publication that is rolled back after the new version was read inside its transaction
    transacties.executeWithoutResult(status -> {
      long voorstel = voorstellen.nieuw(Voorstel.Soort.NIEUW,
          verwerking("70.2.22", "Teruggedraaide publicatie.", Grondslag.F, true, Grondslag.F), "nieuw",
          "coordinator", null);
      RegisterVersie teruggedraaid = register.publiceer(voorstel, "fg");
      assertThat(register.gepubliceerd().orElseThrow().versienummer()).isEqualTo(teruggedraaid.versienummer());
      status.setRollbackOnly();
    });
    assertThat(register.gepubliceerd().orElseThrow().versienummer()).isEqualTo(voor.versienummer());

    // the next publication gets the same number, with other content
    long voorstel = voorstellen.nieuw(Voorstel.Soort.NIEUW,
        verwerking("70.2.23", "Wel gepubliceerd.", Grondslag.F, true, Grondslag.F), "nieuw", "coordinator", null);
    RegisterVersie nieuw = register.publiceer(voorstel, "fg");
    assertThat(nieuw.versienummer()).isEqualTo(voor.versienummer() + 1);
    RegisterVersie inWerking = register.gepubliceerd().orElseThrow();
    assertThat(inWerking.verwerking("70.2.23")).isPresent();
    assertThat(inWerking.verwerking("70.2.22")).isEmpty();
  }
}
