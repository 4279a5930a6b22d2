package nl.deurwaarder.avg.brief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.deurwaarder.avg.AvgSpringTest;
import nl.deurwaarder.avg.kantoor.KantoorProfiel;
import nl.deurwaarder.avg.verzoek.Betrokkene;
import nl.deurwaarder.avg.verzoek.Kanaal;
import nl.deurwaarder.avg.verzoek.NieuwVerzoek;
import nl.deurwaarder.avg.verzoek.Referentienummers;
import nl.deurwaarder.avg.verzoek.Verzoek;
import nl.deurwaarder.avg.verzoek.VerzoekRegister;
import nl.deurwaarder.avg.verzoek.VerzoekType;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Every standard letter renders to a PDF whose text holds what the addressee must read. */
@AvgSpringTest
class BrievenTest {

  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  /** Markup in user data must be printed as text, never interpreted. */
  static final String NAAM = "Jan <b>de</b> Vriës & Zn.";

  @Autowired Brieven brieven;
  @Autowired Briefteksten briefteksten;
  @Autowired VerzoekRegister register;
  @Autowired Referentienummers referentienummers;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired KantoorProfiel kantoor;
  @Autowired Clock clock;

  private Verzoek verzoek;

  @BeforeEach
  void verzoekInRegister() {
    verzoek = registreer(VerzoekType.INZAGE, "jan.devries@example.org", "Dorpsstraat 12\n1234 AB Ergens");
  }

  Verzoek registreer(VerzoekType type, String email, String adres) {
    OffsetDateTime ontvangen = OffsetDateTime.now(clock).minusDays(3);
    LocalDate uiterste = ontvangen.atZoneSameInstant(AMSTERDAM).toLocalDate().plusMonths(1);
    return new TransactionTemplate(transactionManager).execute(s -> {
      int jaar = ontvangen.getYear();
      int nummer = referentienummers.volgende("AVG", jaar);
      NieuwVerzoek nieuw = new NieuwVerzoek(type, Kanaal.EMAIL, ontvangen,
          new Betrokkene(NAAM, email, adres, null, "D-4711"), null, "Ik wil weten welke gegevens u van mij heeft.");
      return register.voegToe(Referentienummers.formatteer("AVG", jaar, nummer), jaar, nummer, nieuw, uiterste,
          uiterste.plusMonths(2), null, "test");
    });
  }

  static Map<String, Object> invoer(BriefType type) {
    Map<String, Object> m = new HashMap<>();
    switch (type) {
      case VERDUIDELIJKING -> m.put("toelichting", "Bedoelt u <alle> dossiers?");
      case VERLENGING -> m.put("verlengingMotivering", "Uw verzoek betreft veel dossiers in ons archief.");
      case AFWIJZING -> m.put("afwijzingsgronden", List.of("HERHAALD_VERZOEK"));
      case REACTIE_INZAGE -> {
        m.put("verwerkingsdoeleinden", List.of("Betekening van exploten", "Incasso in opdracht"));
        m.put("categorieenPersoonsgegevens", "NAW-gegevens\nFinanciële gegevens");
        m.put("ontvangers", List.of("Opdrachtgever Woningcorporatie X"));
        m.put("bewaartermijn", "10 jaar na afsluiting van het dossier");
        m.put("bron", "Opdrachtgever; Basisregistratie Personen");
        m.put("legenda", List.of("D-nummer: dossiernummer bij ons kantoor"));
        m.put("bijlagen", List.of("Overzicht dossier D-4711 (12 pagina's)"));
      }
      case REACTIE_VERWIJDERING, REACTIE_CORRECTIE, REACTIE_BEPERKING -> {
        m.put("omschrijvingGegevens", "Uw telefoonnummer en e-mailadres");
        m.put("uitgevoerdOp", LocalDate.of(2026, 3, 2));
        m.put("ontvangersGeinformeerd", List.of("Woningcorporatie X"));
        m.put("redenBeperking", "U betwist de juistheid van uw adres.");
      }
      case BERICHT_ONTVANGER -> {
        m.put(Brieven.ONTVANGER_NAAM, "Woningcorporatie X");
        m.put(Brieven.ONTVANGER_EMAIL, "privacy@woningcorporatie.example");
        m.put("maatregel", "VERWIJDERING");
        m.put("omschrijvingGegevens", "Telefoonnummer van de betrokkene");
      }
      case AANKONDIGING_OPHEFFING_BEPERKING -> {
        m.put("opheffingsdatum", LocalDate.of(2026, 4, 1));
        m.put("reden", "De juistheid van uw adres is gecontroleerd.");
      }
      case TOEGANGSCODE -> {
        m.put("toegangscode", "12345678");
        m.put("verzendwijze", "BEVEILIGDE_LINK");
      }
      case DATALEK_BERICHT_MELDER -> {
        m.put(Brieven.ONTVANGER_NAAM, "P. Melder");
        m.put(Brieven.ONTVANGER_EMAIL, "p.melder@kantoor.example");
        m.put("gemeldOp", LocalDate.of(2026, 2, 3));
      }
      case DATALEK_MELDING_BETROKKENEN -> {
        m.put(Brieven.ONTVANGER_NAAM, NAAM);
        m.put(Brieven.ONTVANGER_EMAIL, "jan.devries@example.org");
        m.put("omschrijving", "Een brief met uw gegevens is naar een verkeerd adres gestuurd.");
        m.put("gevolgen", "Een onbekende heeft uw naam, adres en BSN kunnen lezen.");
        m.put("genomenMaatregelen", "Wij hebben de ontvanger gevraagd de brief te vernietigen.");
        m.put("inbreukCategorieen", List.of("VERTROUWELIJKHEID"));
        m.put("adviezen", List.of("BSN", "IDENTITEITSBEWIJS", "PORTAL_INLOG"));
        m.put("ontdektOp", LocalDate.of(2026, 2, 2));
      }
      default -> {
      }
    }
    return m;
  }

  @ParameterizedTest
  @EnumSource(BriefType.class)
  void elkeBriefIsEenLeesbarePdf(BriefType type) throws IOException {
    VerzoekType verzoekType = switch (type) {
      case REACTIE_VERWIJDERING, BERICHT_ONTVANGER -> VerzoekType.VERWIJDERING;
      case REACTIE_CORRECTIE -> VerzoekType.CORRECTIE;
      case REACTIE_BEPERKING, AANKONDIGING_OPHEFFING_BEPERKING -> VerzoekType.BEPERKING;
      default -> VerzoekType.INZAGE;
    };
    String referentie = type.soort() == BriefType.Soort.DATALEK ? "DL-2026-0042"
        : verzoekType == VerzoekType.INZAGE ? verzoek.referentie()
        : registreer(verzoekType, "jan.devries@example.org", "Dorpsstraat 12\n1234 AB Ergens").referentie();
    byte[] pdf = brieven.opstellen(type, referentie, invoer(type));
    Path uit = Path.of("target", "brieven", type.sjabloon() + ".pdf");
    Files.createDirectories(uit.getParent());
    Files.write(uit, pdf);

    assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
    String tekst = tekst(pdf);
    String vandaag = BriefInvoer.lang(LocalDate.now(clock.withZone(AMSTERDAM)));
    assertThat(tekst).contains(referentie).contains(kantoor.naam()).contains(vandaag)
        .contains(type.onderwerp(verzoekType.naam()))
        .contains(kantoor.fgEmail()) // footer on every page
        .doesNotContain("${").doesNotContain("null");
    if (type != BriefType.BERICHT_ONTVANGER && type != BriefType.DATALEK_BERICHT_MELDER) {
      assertThat(tekst).contains("Geachte " + NAAM + ",");
    }
    assertThat(tekst).contains("Met vriendelijke groet");
  }

  @Test
  void gebruikersgegevensWordenAlsTekstGedruktNietAlsOpmaak() throws IOException {
    String tekst = tekst(brieven.opstellen(BriefType.ONTVANGSTBEVESTIGING, verzoek.referentie(), Map.of()));
    assertThat(tekst).contains("Geachte " + NAAM + ",");
  }

  @Test
  void ontvangstbevestigingNoemtKenmerkEnUitersteDatumInHetNederlands() throws IOException {
    String tekst = tekst(brieven.opstellen(BriefType.ONTVANGSTBEVESTIGING, verzoek.referentie(), Map.of()));
    String uiterste = BriefInvoer.lang(verzoek.uitersteReactiedatum());
    assertThat(uiterste).matches("\\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober"
        + "|november|december) \\d{4}");
    assertThat(tekst).contains("U ontvangt onze reactie uiterlijk op " + uiterste)
        .contains("geregistreerd onder kenmerk " + verzoek.referentie())
        .contains("Dorpsstraat 12").contains("1234 AB Ergens")
        .contains(BriefInvoer.lang(verzoek.ontvangenOp().atZoneSameInstant(AMSTERDAM).toLocalDate()));
  }

  @Test
  void verduidelijkingEnVerlengingNoemenDeTermijn() throws IOException {
    String uiterste = BriefInvoer.lang(verzoek.uitersteReactiedatum());
    assertThat(tekst(brieven.opstellen(BriefType.VERDUIDELIJKING, verzoek.referentie(),
        invoer(BriefType.VERDUIDELIJKING)))).contains(uiterste).contains("Bedoelt u <alle> dossiers?");
    LocalDate nieuw = verzoek.uitersteReactiedatum().plusMonths(2);
    Map<String, Object> verlenging = invoer(BriefType.VERLENGING);
    verlenging.put("nieuweUitersteDatum", java.util.Date.from(nieuw.atTime(23, 59, 59).atZone(AMSTERDAM).toInstant()));
    assertThat(tekst(brieven.opstellen(BriefType.VERLENGING, verzoek.referentie(), verlenging)))
        .contains("U ontvangt onze reactie nu uiterlijk op " + BriefInvoer.lang(nieuw))
        .contains("Uw verzoek betreft veel dossiers");
  }

  @Test
  void afwijzingNoemtGrondEnAltijdDeBezwaarmogelijkheden() throws IOException {
    Map<String, Object> in = Map.of("afwijzingsgronden", List.of("HERHAALD_VERZOEK", "ONDUIDELIJK"),
        "toelichting", "Uw vorige verzoek was AVG-2026-0001.");
    String tekst = tekst(brieven.opstellen(BriefType.AFWIJZING, verzoek.referentie(), in));
    assertThat(tekst).contains("wij wijzen uw verzoek af")
        .contains("minder dan drie maanden geleden hetzelfde verzoek")
        .contains("niet duidelijk geworden").contains("Uw vorige verzoek was AVG-2026-0001.")
        .contains("Autoriteit Persoonsgegevens").contains("klacht")
        .contains("rechtbank").contains("verzoekschrift").contains("zes weken");
  }

  @Test
  void afwijzingsgrondenUitHetRegister() throws IOException {
    register.wijzig(verzoek.referentie(), Map.of("afwijzingsgronden", List.of("ONREDELIJK_BELASTEND")), "test");
    assertThat(tekst(brieven.opstellen(BriefType.AFWIJZING, verzoek.referentie(), Map.of())))
        .contains("onredelijk belastend");
  }

  @Test
  void verificatieNegatiefMeldtDatErEenVerzoekWasEnDatHetIsAfgewezen() throws IOException {
    String tekst = tekst(brieven.opstellen(BriefType.VERIFICATIE_NEGATIEF, verzoek.referentie(), Map.of()));
    assertThat(tekst).contains("er een verzoek op uw persoonsgegevens is geweest")
        .contains("afgewezen omdat de verificatie van de identiteit negatief was")
        .contains("Autoriteit Persoonsgegevens");
  }

  @Test
  void reactieInzageHeeftLegendaEnDeInformatieVanArtikel15() throws IOException {
    String tekst = tekst(brieven.opstellen(BriefType.REACTIE_INZAGE, verzoek.referentie(),
        invoer(BriefType.REACTIE_INZAGE)));
    assertThat(tekst).contains("Legenda").contains("D-nummer").contains("dossiernummer bij ons kantoor")
        .contains("Betekening van exploten").contains("Financiële gegevens")
        .contains("Opdrachtgever Woningcorporatie X").contains("10 jaar na afsluiting")
        .contains("Basisregistratie Personen").contains("Overzicht dossier D-4711");
  }

  @Test
  void datalekMeldingAanBetrokkenenVolgtParagraaf42MetBijlageAEnDeFg() throws IOException {
    String tekst = tekst(brieven.opstellen(BriefType.DATALEK_MELDING_BETROKKENEN, "DL-2026-0042",
        invoer(BriefType.DATALEK_MELDING_BETROKKENEN)));
    assertThat(tekst).contains("Wat is er gebeurd?").contains("verkeerd adres")
        .contains("Wat kunnen de gevolgen voor u zijn?").contains("Wat hebben wij gedaan?")
        .contains("Wat kunt u zelf doen?").contains("DigiD").contains("Centraal Meldpunt Identiteitsfraude")
        .contains("nieuw paspoort").contains("Wijzig uw wachtwoord")
        .contains("Wat doen wij om herhaling te voorkomen?")
        .contains(kantoor.fgNaam()).contains(kantoor.fgEmail()).contains(kantoor.fgTelefoon())
        .contains("vertrouwelijkheid");
  }

  @Test
  void brievenAanDerdenGaanAanDeOpgegevenOntvanger() {
    Brieven.Brief brief = brieven.stelOp(BriefType.BERICHT_ONTVANGER, verzoek.referentie(),
        invoer(BriefType.BERICHT_ONTVANGER));
    assertThat(brief.ontvangerNaam()).isEqualTo("Woningcorporatie X");
    assertThat(brief.ontvangerEmail()).isEqualTo("privacy@woningcorporatie.example");
    assertThat(brieven.stelOp(BriefType.ONTVANGSTBEVESTIGING, verzoek.referentie(), Map.of()).ontvangerEmail())
        .isEqualTo("jan.devries@example.org");
  }

  @Test
  void friesAlleenAlsHetKantoorFriesAccepteert() throws IOException {
    KantoorProfiel fries = new KantoorProfiel("Deurwaarderskantoor Fryslân", "Nieuwestad 1", "8911 CJ", "Leeuwarden",
        "058 000 00 00", "https://www.fryslan.example", "privacy@fryslan.example", "FG Fryslân", "fg@fryslan.example",
        "058 000 00 01", true);
    Brieven friesKantoor = new Brieven(List.of(new DatalekBriefdossiers()), fries, briefteksten,
        new PdfOpmaak(), clock);
    Map<String, Object> in = invoer(BriefType.DATALEK_BERICHT_MELDER);
    assertThat(tekst(friesKantoor.opstellen(BriefType.DATALEK_BERICHT_MELDER, "DL-2026-0043", in)))
        .contains("Deurwaarderskantoor Fryslân").contains("U kunt ons ook in het Fries schrijven");
    assertThat(tekst(brieven.opstellen(BriefType.DATALEK_BERICHT_MELDER, "DL-2026-0043", in)))
        .doesNotContain("Fries");
  }

  @Test
  void ontbrekendeVerplichteInvoerGeeftEenDuidelijkeFout() {
    assertThatThrownBy(() -> brieven.opstellen(BriefType.DATALEK_MELDING_BETROKKENEN, "DL-2026-0042",
        Map.of(Brieven.ONTVANGER_NAAM, "X")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("omschrijving");
  }

  static String tekst(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      return stripper.getText(doc).replaceAll("\\s+", " ");
    }
  }
}
