package nl.deurwaarder.avg.verwerkingsregister;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.deurwaarder.avg.AvgSpringTest;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import nl.deurwaarder.avg.verwerker.VerwerkerGegevens;
import nl.deurwaarder.avg.verwerker.Verwerkersregister;
import org.springframework.beans.factory.annotation.Autowired;

/** The art. 15(1) information of an access reply comes from the published register. */
@AvgSpringTest
class Artikel15InformatieTest {

  @Autowired
  Verwerkersregister verwerkers;
  @Autowired
  Artikel15Informatie artikel15;
  @Autowired
  Verwerkingsregister register;
  @Autowired
  Voorstellen voorstellen;

  @AfterEach
  void herstel() {
    ClockUtil.reset();
  }

  @Test
  void forADebtorThePurposesCategoriesRecipientsRetentionAndSourcesOfThePublishedRegister() {
    Artikel15Informatie.Overzicht o = artikel15.voor("Debiteur");
    assertThat(o.registerversie()).isEqualTo(register.gepubliceerd().orElseThrow().versienummer());
    assertThat(o.doelen()).extracting(Artikel15Informatie.Doel::verwerking)
        .contains("Inboeken incasso-opdracht en aanmaken dossier", "Verwerken vonnis",
            "Opstellen en uitbrengen dagvaarding")
        .doesNotContain("Verwerken salaris en loonheffingen", "Cameratoezicht kantoor");
    assertThat(o.doelen()).filteredOn(d -> d.verwerkingCode().equals("40.3.1")).singleElement()
        .satisfies(d -> assertThat(d.grondslag()).startsWith("e. Taak van algemeen belang"));
    assertThat(o.categorieenPersoonsgegevens()).extracting(Artikel15Informatie.Gegevenscategorie::naam)
        .contains("Burgerservicenummer (BSN)", "Vonnis en veroordeling", "Geboortedatum");
    assertThat(o.categorieenPersoonsgegevens()).filteredOn(Artikel15Informatie.Gegevenscategorie::bijzonder)
        .extracting(Artikel15Informatie.Gegevenscategorie::bijzondereCategorie).containsOnly("gezondheid");
    assertThat(o.ontvangers()).contains("Opdrachtgever", "Rechtbank");
    assertThat(o.bronnen()).contains("Basisregistratie Personen (BRP)", "Opdrachtgever (opdrachtbestand of portal)");
    assertThat(o.bewaartermijnen()).extracting(Artikel15Informatie.Termijn::bewaartermijn)
        .anyMatch(t -> t.startsWith("10 jaar na het sluiten van het laatste dossier van de debiteur"));
    assertThat(o.gezamenlijkeVerantwoordelijken()).contains("Advocaat die een ambtelijke opdracht verstrekt");
    // the data of other people in the same processings is not in the reply
    assertThat(o.categorieenPersoonsgegevens()).extracting(Artikel15Informatie.Gegevenscategorie::naam)
        .doesNotContain("Naam en contactgegevens schuldeiser");
  }

  @Test
  void publishingAChangeChangesTheNextReplyADraftDoesNot() {
    ClockUtil.setCurrentTime(java.util.Date.from(java.time.ZonedDateTime.of(2031, 2, 1, 10, 0, 0, 0,
        java.time.ZoneId.of("Europe/Amsterdam")).toInstant()));
    Bewaartermijn termijn = new Bewaartermijn("10 jaar na het sluiten van het laatste dossier van de debiteur",
        "P10Y", "sluiten van het laatst lopende dossier van de betrokkene", "PH-ALG-05 §2.2");
    Verwerking nieuw = new Verwerking("30.2.7", "Sturen van betaalherinneringen per sms",
        "Debiteur herinneren aan een afgesproken termijnbetaling.", Grondslag.F, "Minnelijke incasso: nevenwerkzaamheid,"
        + " bedrijfsvoering.", null, true, "Hoofd incasso", List.of("Debiteur"), List.of("Sms-dienstverlener"),
        termijn, null, null, "Versleutelde koppeling", false, List.of(),
        List.of(new Gegevenstype("Mobiel telefoonnummer", "Debiteur", Grondslag.F, "Debiteur",
            List.of("Sms-dienstverlener"), List.of("Sms-dienstverlener"), List.of("Sms-platform"), termijn,
            "Versleutelde koppeling", false, null, null)));
    // a processing may only name processors of the register of processors (PH-ORG-05): record the SMS provider first
    if (verwerkers.naamInRegister("Sms-dienstverlener").isEmpty()) {
      verwerkers.voegToe(new VerwerkerGegevens("Sms-dienstverlener", "Versturen van sms-berichten", null, null, null,
          null, null, null, false, null, null, null, null, null), "coordinator");
    }
    long id = voorstellen.nieuw(Voorstel.Soort.NIEUW, nieuw, "sms", "coordinator", null);
    assertThat(artikel15.voor("Debiteur").doelen()).extracting(Artikel15Informatie.Doel::verwerkingCode)
        .doesNotContain("30.2.7");

    register.publiceer(id, "fg");

    Artikel15Informatie.Overzicht o = artikel15.voor("Debiteur");
    assertThat(o.doelen()).extracting(Artikel15Informatie.Doel::verwerkingCode).contains("30.2.7");
    assertThat(o.categorieenPersoonsgegevens()).extracting(Artikel15Informatie.Gegevenscategorie::naam)
        .contains("Mobiel telefoonnummer");
    assertThat(o.ontvangers()).contains("Sms-dienstverlener");
  }

  @Test
  void aCategoryMatchesTheRoleInBracketsOrTheMainWord() {
    assertThat(Artikel15Informatie.past("debiteur", "Gedaagde (debiteur)")).isTrue();
    assertThat(Artikel15Informatie.past("Gedaagde", "Gedaagde (debiteur)")).isTrue();
    assertThat(Artikel15Informatie.past("Debiteur", "Gemachtigde of schuldhulpverlener van de debiteur")).isFalse();
    assertThat(Artikel15Informatie.past("Medewerker", "Medewerker")).isTrue();
    assertThat(artikel15.betrokkenen()).contains("Debiteur", "Medewerker", "Sollicitant", "Bezoeker");
  }
}
