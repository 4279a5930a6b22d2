package nl.deurwaarder.avg.verzoekprocedure;

import static nl.deurwaarder.avg.verzoekprocedure.ProcesTestSteun.lijst;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.deurwaarder.avg.AvgSpringTest;
import nl.deurwaarder.avg.verwerkingsregister.Artikel15Informatie;
import nl.deurwaarder.avg.verzoek.Verzoek;
import nl.deurwaarder.avg.verzoek.VerzoekCsv;
import nl.deurwaarder.avg.verzoek.VerzoekType;
import nl.deurwaarder.avg.verzoek.VerzoekerRol;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestExecutionListeners;

/**
 * The art. 15(1) content of the access reply is chosen for THIS data subject (issue 12 point 5): the capacity named
 * while screening pre-selects the processings of the published verwerkingsregister, the coordinator's choice is
 * checked on the server, and the letter holds exactly the chosen processings' purposes, categories, recipients,
 * retention periods and sources, de-duplicated, with "Geen verstrekking aan derden" only when nobody receives data.
 */
@AvgSpringTest
@TestExecutionListeners(value = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class InzageReactieInhoudProcesTest {

  @Autowired
  ProcesTestSteun t;
  @Autowired
  Artikel15Informatie artikel15;
  @Autowired
  VerzoekCsv csv;
  @LocalServerPort
  int port;

  String ref;
  ProcessInstance pi;

  @BeforeEach
  void totScreenen() {
    t.klok(LocalDate.of(2026, 3, 2), 10);
    Verzoek v = t.registreer(VerzoekType.INZAGE, VerzoekerRol.BETROKKENE);
    ref = v.referentie();
    pi = t.procedure(ref, "avg-inzageverzoek");
    t.voerJobsUit(pi.getId());
    t.rondAf(ref, "Task_VerzoekBeoordelenDuidelijkheid", "verzoekDuidelijk", "JA");
    t.rondAf(ref, "Task_IdentiteitVerifieren", "verificatieStap", "RESULTAAT", "verificatieResultaat", "POSITIEF",
        "verificatieMethode", lijst("IDENTITEITSBEWIJS"));
    t.voerJobsUit(pi.getId());
    t.rondAf(ref, "Task_VerzoekBeoordelen", "voorgenomenBesluit", "TOEWIJZEN");
    t.rondAf(ref, "Task_VerantwoordelijkeAanwijzen", "verantwoordelijke", "medewerker");
    t.taken.complete(t.taak(ref, "Task_GegevensVerzamelen").getId(), GegevensVerzamelenProcesTest.checklist(true));
    t.voerJobsUit(pi.getId());
  }

  @AfterEach
  void herstel() {
    ClockUtil.reset();
    if (t.runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count() > 0) {
      t.runtime.deleteProcessInstance(pi.getId(), "einde test");
    }
  }

  private void screen(Object hoedanigheden) {
    t.rondAf(ref, "Task_GegevensScreenen", "screeningUitkomst", "GESCREEND", "screenKopie", true,
        "screenAlleenBetrokkene", true, "screenPersoonsgegevens", true, "screenInzagerecht", true,
        "screenDerden", true, "screenMetadata", true, "screenPapier", true, "screenGearchiveerd", true,
        "hoedanigheden", hoedanigheden);
  }

  private List<String> voorgeselecteerd() {
    return nl.deurwaarder.avg.engine.Invoercontrole.alsLijst(t.runtime.getVariable(pi.getId(), "art15Verwerkingen"));
  }

  @Test
  void aDebtorGetsTheDebtorProcessingsPreSelectedFromThePublishedRegister() {
    assertThat(nl.deurwaarder.avg.engine.Invoercontrole.alsLijst(t.runtime.getVariable(pi.getId(), "hoedanigheden")))
        .as("default capacity while screening").containsExactly("DEBITEUR");
    screen(lijst("DEBITEUR"));
    assertThat(pi).isWaitingAt("Task_ReactieSamenstellen");
    assertThat(voorgeselecteerd())
        .contains("20.1.1", "30.1.1", "30.2.1", "40.1.1", "50.2.1", "90.1.1")
        .doesNotContain("10.1.1", "10.3.1", "50.3.1", "60.2.1", "60.3.1", "70.1.1");
    // the checklist offers every processing of the published register
    String keuzes = t.runtime.getVariable(pi.getId(), "art15VerwerkingKeuzes").toString();
    assertThat(keuzes).contains("\"value\":\"60.2.1\"").contains("\"value\":\"20.1.1\"")
        .contains("20.1.1 Inboeken incasso-opdracht en aanmaken dossier");
    assertThat((String) t.runtime.getVariable(pi.getId(), "hoedanighedenTekst")).startsWith("Debiteur");
  }

  @Test
  void aCreditorGetsTheCreditorProcessingsAndNoDebtorOnes() {
    screen(lijst("SCHULDEISER"));
    assertThat(voorgeselecteerd()).contains("10.2.1", "10.3.1", "20.1.1", "90.1.1")
        .doesNotContain("30.1.1", "30.2.1", "50.2.1", "60.2.1");
    t.gescreendStuk(ref);
    t.mobielNummer(ref);
    t.rondAf(ref, "Task_ReactieSamenstellen", "verzendwijze", "BEVEILIGDE_EMAIL");
    t.voerJobsUit(pi.getId());
    String brief = t.brieven(ref).get(t.brieven(ref).size() - 1).tekst();
    // a creditor reads about invoicing, not about garnishment or payment arrangements of debtors
    assertThat(brief).contains("Factureren en afrekenen met opdrachtgevers").doesNotContain("Beslag onder derden")
        .doesNotContain("Treffen betalingsregeling").doesNotContain("Geboortedatum");
    assertThat(t.register.haal(ref).hoedanigheden()).containsExactly("SCHULDEISER");
  }

  @Test
  void theLetterHoldsExactlyTheChosenProcessingsDeduplicatedAndTheChoiceIsInTheRegister() throws Exception {
    screen(lijst("DEBITEUR"));
    // bad choices are refused with a Dutch message and change nothing
    t.gescreendStuk(ref);
    t.mobielNummer(ref);
    assertThatThrownBy(() -> t.rondAf(ref, "Task_ReactieSamenstellen", "verzendwijze", "BEVEILIGDE_EMAIL",
        "art15Verwerkingen", lijst())).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("(art15Verwerkingen): kies ten minste één van de opties");
    assertThatThrownBy(() -> t.rondAf(ref, "Task_ReactieSamenstellen", "verzendwijze", "BEVEILIGDE_EMAIL",
        "art15Verwerkingen", lijst("20.1.1", "99.9.9"))).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("99.9.9").hasMessageContaining("'99.9.9' hoort niet bij de opties");
    assertThat(t.register.haal(ref).art15Verwerkingen()).isEmpty();
    assertThat(pi).isWaitingAt("Task_ReactieSamenstellen");

    // 20.2.1 says "Geen verstrekking aan derden", 30.1.1 has recipients; both hold "Naam, adres, woonplaats"
    t.rondAf(ref, "Task_ReactieSamenstellen", "verzendwijze", "BEVEILIGDE_EMAIL",
        "art15Verwerkingen", lijst("20.2.1", "30.1.1", "20.2.1"));
    t.voerJobsUit(pi.getId());
    assertThat(pi).isEnded();
    String brief = t.brieven(ref).get(t.brieven(ref).size() - 1).tekst();
    assertThat(brief).contains("Verwijderen abusievelijk verstrekte opdracht").contains("Verzenden sommatie en aanmaning")
        .doesNotContain("Verwerken vonnis").doesNotContain("Inboeken incasso-opdracht");
    assertThat(brief).contains("Print- en verzendhuis (als verwerker)").contains("Opdrachtgever")
        .doesNotContain("Geen verstrekking aan derden");
    assertThat(aantal(brief, "Naam, adres, woonplaats")).as("category once").isEqualTo(1);
    // the data subject is no recipient of his own data ("Debiteur" receives the letters sent to him)
    String ontvangers = brief.substring(brief.indexOf("Ontvangers"), brief.indexOf("Bewaartermijn"));
    assertThat(ontvangers).doesNotContain("Debiteur");
    // the legend: the fixed rows once, no duplicate row from the coordinator's default
    assertThat(aantal(brief, "Hier stond de naam")).isEqualTo(1);
    assertThat(aantal(brief, "zwarte balk")).isEqualTo(1);

    Verzoek v = t.register.haal(ref);
    assertThat(v.art15Verwerkingen()).containsExactly("20.2.1", "30.1.1");
    assertThat(v.hoedanigheden()).containsExactly("DEBITEUR");
    assertThat(v.art15Registerversie()).isEqualTo(artikel15.versie().orElseThrow());
    assertThat(csv.export(List.of(v))).contains("art15Verwerkingen").contains("20.2.1|30.1.1");
    JsonNode api = new ObjectMapper().readTree(get("/api/verzoeken/" + ref));
    assertThat(api.get("art15Verwerkingen").toString()).isEqualTo("[\"20.2.1\",\"30.1.1\"]");
    assertThat(api.get("hoedanigheden").toString()).isEqualTo("[\"DEBITEUR\"]");
    assertThat(api.get("art15Registerversie").asInt()).isEqualTo(v.art15Registerversie());
  }

  @Test
  void noRecipientAtAllSaysGeenVerstrekkingAanDerdenAndNothingElse() {
    Artikel15Informatie.Overzicht alleenIntern = artikel15.voorVerwerkingen(List.of("20.2.1"), List.of("Debiteur"));
    assertThat(alleenIntern.ontvangers()).containsExactly(Artikel15Informatie.GEEN_VERSTREKKING);
    Artikel15Informatie.Overzicht gemengd = artikel15.voorVerwerkingen(List.of("20.2.1", "40.3.1"),
        List.of("Debiteur"));
    assertThat(gemengd.ontvangers()).containsExactly("Opdrachtgever");
    // sources split and de-duplicated ignoring case ("Opdrachtgever" in 20.2.1, "opdrachtgever" in 30.2.1); the
    // data subject as source is named as such
    Artikel15Informatie.Overzicht bronnen = artikel15.voorVerwerkingen(List.of("20.2.1", "30.2.1"),
        List.of("Debiteur"));
    assertThat(bronnen.bronnen()).containsExactly("Opdrachtgever", Artikel15Informatie.ZELF);
  }

  @Test
  void theSameDataOrRecipientInOtherWordsIsListedOnce() {
    Artikel15Informatie.Overzicht o = artikel15.voorVerwerkingen(List.of("20.1.1", "20.1.2", "30.2.1"),
        List.of("Debiteur"));
    List<String> namen = o.categorieenPersoonsgegevens().stream().map(Artikel15Informatie.Gegevenscategorie::naam)
        .toList();
    // "Gegevens van de vordering" (20.1.2) is the same as "... (factuur, hoofdsom, rente, kosten)" (20.1.1)
    assertThat(namen).containsOnlyOnce("Gegevens van de vordering (factuur, hoofdsom, rente, kosten)")
        .doesNotContain("Gegevens van de vordering");
    // "E-mailadres en telefoonnummer" (20.1.1) is "Telefoonnummer en e-mailadres" (30.2.1)
    assertThat(namen.stream().filter(n -> n.toLowerCase().contains("e-mailadres")).toList()).hasSize(1);
    assertThat(namen).containsOnlyOnce("Naam, adres, woonplaats");
    // the special category keeps its mark
    assertThat(o.categorieenPersoonsgegevens()).anySatisfy(c -> {
      assertThat(c.naam()).startsWith("Gezondheidsgegevens");
      assertThat(c.bijzonder()).isTrue();
    });
    // "Opdrachtgever" covers "Opdrachtgever (bij structureel onjuiste gegevens)"
    assertThat(o.ontvangers()).containsOnlyOnce("Opdrachtgever")
        .doesNotContain("Opdrachtgever (bij structureel onjuiste gegevens)");
    assertThat(o.doelen()).hasSize(3);
    // "BRP" (50.2.1) is spelled out as "Basisregistratie Personen (BRP)" (also 50.2.1): once
    Artikel15Informatie.Overzicht beslag = artikel15.voorVerwerkingen(List.of("50.2.1"), List.of("Debiteur"));
    assertThat(beslag.bronnen()).contains("Basisregistratie Personen (BRP)").doesNotContain("BRP");
    assertThatThrownBy(() -> artikel15.voorVerwerkingen(List.of("99.9.9"), List.of("Debiteur")))
        .hasMessageContaining("99.9.9");
  }

  private static int aantal(String tekst, String deel) {
    Matcher m = Pattern.compile(Pattern.quote(deel)).matcher(tekst);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  private String get(String pad) throws Exception {
    HttpRequest r = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pad))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("coordinator:coordinator"
            .getBytes(StandardCharsets.UTF_8))).GET().build();
    HttpResponse<String> a = HttpClient.newHttpClient().send(r, HttpResponse.BodyHandlers.ofString());
    assertThat(a.statusCode()).isEqualTo(200);
    return a.body();
  }
}
