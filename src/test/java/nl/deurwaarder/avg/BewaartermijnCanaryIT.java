package nl.deurwaarder.avg;

import static nl.deurwaarder.avg.verzoekprocedure.ProcesTestSteun.lijst;
import static nl.deurwaarder.avg.verzoekprocedure.ProcesTestSteun.vars;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import nl.deurwaarder.avg.bewaartermijn.Bewaartermijn;
import nl.deurwaarder.avg.datalek.Bron;
import nl.deurwaarder.avg.datalek.Datalek;
import nl.deurwaarder.avg.datalek.DatalekMelden;
import nl.deurwaarder.avg.datalek.NieuweDatalekmelding;
import nl.deurwaarder.avg.levering.Leveringshulp;
import nl.deurwaarder.avg.levering.SmsOutbox;
import nl.deurwaarder.avg.mail.OutboxMailSender;
import nl.deurwaarder.avg.verzoek.Betrokkene;
import nl.deurwaarder.avg.verzoek.Kanaal;
import nl.deurwaarder.avg.verzoek.NieuwVerzoek;
import nl.deurwaarder.avg.verzoek.Verzoek;
import nl.deurwaarder.avg.verzoek.VerzoekIntake;
import nl.deurwaarder.avg.verzoek.VerzoekType;
import nl.deurwaarder.avg.verzoek.Verzoeker;
import nl.deurwaarder.avg.verzoek.VerzoekerRol;
import nl.deurwaarder.avg.verzoekprocedure.ProcesTestSteun;
import nl.deurwaarder.avg.verwerker.Verwerker;
import nl.deurwaarder.avg.verwerker.VerwerkerGegevens;
import nl.deurwaarder.avg.verwerker.Verwerkersregister;
import nl.deurwaarder.avg.webformulier.WebformulierIntake;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The retention canary (issue 15.2, PH-ALG-05 §6): on PostgreSQL, requests of all four kinds and a breach reported by
 * an external person go through their procedures with a unique marker ("kanarie…") in every field a person types:
 * the website form with an ID copy, a third party's request, FG advice and a deviation from it, executed erasures,
 * corrections and art. 19 recipients, a backup restore with remarks, letters and mails. Then the clock moves past
 * the retention date and the nightly job runs. Finally every column of every table of the schema (found in the
 * database catalogue, Camunda's ACT_* tables and byte arrays included, PDFs read as text) and every file in the
 * outbox are searched for the marker: none may be left. A table added later is scanned without changing this test;
 * a hit names table, column and row (or file), so an uncovered table of another capability shows at once.
 *
 * <p>A phone number cannot hold the word "kanarie", so the erasure's data subject has a marker mobile number of her
 * own ({@link #MOBIEL}); her confirmation goes by secure link with the code by SMS, and she opens the portal from a
 * marker IP address ({@link #IP}) once with a wrong code and once with the right one before she downloads the package.
 * The mail outbox and the SMS outbox are searched for all three markers, every table too; the portal store (the
 * package in {@code avg_levering}) is encrypted, so a text search cannot see into it: it must be gone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(IngebouwdePostgres.Levensduur.class)
@DirtiesContext
class BewaartermijnCanaryIT {

  static final String MARKER = "kanarie";
  /** The erasure data subject's mobile number; the app stores and texts it as +31 6 9713 5824 without spaces. */
  static final String MOBIEL = "06 9713 5824";
  static final String MOBIEL_MARKER = "97135824";
  /** Where the data subject opens the portal from; the portal keeps it truncated to 198.51.100.0. */
  static final String IP = "198.51.100.77";
  static final String IP_MARKER = "198.51.100.";
  static final List<String> MARKERS = List.of(MARKER, MOBIEL_MARKER, IP_MARKER);

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry r) {
    IngebouwdePostgres.gebruik(r);
  }

  @Autowired
  ProcesTestSteun t;
  @Autowired
  VerzoekIntake intake;
  @Autowired
  WebformulierIntake webformulier;
  @Autowired
  DatalekMelden datalekMelden;
  @Autowired
  FormService formService;
  @Autowired
  RepositoryService repositoryService;
  @Autowired
  Bewaartermijn bewaartermijn;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  OutboxMailSender outbox;
  @Autowired
  Verwerkersregister verwerkers;
  @Autowired
  nl.deurwaarder.avg.levering.SmsVerzender sms;
  @Autowired
  MockMvc mvc;

  @AfterEach
  void klokTerug() {
    ClockUtil.reset();
  }

  /** A marker per field, so a hit says which field leaked. */
  static String m(String veld) {
    return "Kanarie" + veld;
  }

  static String mail(String veld) {
    return "kanarie." + veld.toLowerCase(Locale.ROOT) + "@voorbeeld.example";
  }

  private Verzoek registreer(VerzoekType type, VerzoekerRol rol, String tag) {
    return registreer(type, rol, tag, null);
  }

  private Verzoek registreer(VerzoekType type, VerzoekerRol rol, String tag, String mobiel) {
    Verzoeker verzoeker = rol == VerzoekerRol.BETROKKENE ? null
        : new Verzoeker(rol, m(tag + "VerzoekerNaam"), mail(tag + "verzoeker"), m(tag + "Organisatie"));
    Verzoek v = intake.registreer(new NieuwVerzoek(type, Kanaal.EMAIL,
        OffsetDateTime.ofInstant(ClockUtil.now().toInstant(), ProcesTestSteun.AMSTERDAM),
        new Betrokkene(m(tag + "Naam"), mail(tag + "betrokkene"), m(tag + "Straat") + " 1, Utrecht",
            LocalDate.of(1980, 1, 1), "D-" + m(tag + "Dossier"), mobiel), verzoeker, m(tag + "Omschrijving")),
        "coordinator");
    t.voerJobsUit(v.processInstanceId());
    return v;
  }

  private static Map<String, Object> checklist(String tag) {
    Map<String, Object> v = new HashMap<>();
    for (int i = 1; i <= 12; i++) {
      v.put(String.format("bron%02dAfgerond", i), true);
      v.put(String.format("bron%02dAanwezig", i), i <= 3);
    }
    v.put("bron13Naam", m(tag + "Bron"));
    v.put("bron13Aanwezig", true);
    v.put("bron13Afgerond", true);
    v.put("checklistOpmerkingen", m(tag + "ChecklistOpmerking"));
    return v;
  }

  /** Erasure requested by the data subject: FG disagrees, the coordinator deviates, erased in two systems, two recipients. */
  private String verwijdering() throws Exception {
    Verzoek v = registreer(VerzoekType.VERWIJDERING, VerzoekerRol.BETROKKENE, "W", MOBIEL);
    String ref = v.referentie();
    t.rondAf(ref, "Task_VerzoekBeoordelenDuidelijkheid", "verzoekDuidelijk", "JA");
    t.rondAf(ref, "Task_BeoordelenVerificatieNodig", "verificatieNodig", "NIET_NODIG");
    t.voerJobsUit(v.processInstanceId());
    t.rondAf(ref, "Task_VerzoekBeoordelen", "voorgenomenBesluit", "TOEWIJZEN", "toewijzingsgronden",
        lijst("ONRECHTMATIG"), "besluitMotivering", m("WBesluitMotivering"));
    t.rondAf(ref, "Task_AdviesGeven", "fgAdvies", "NIET_AKKOORD", "fgToelichting", m("WFgToelichting"));
    t.rondAf(ref, "Task_BesluitNemenNaFgAdvies", "besluitNaAdvies", "AFWIJKEN", "afwijkingMotivering",
        m("WAfwijkingMotivering"));
    t.voerJobsUit(v.processInstanceId());
    t.rondAf(ref, "Task_VerantwoordelijkeAanwijzen", "verantwoordelijke", "medewerker");
    t.taken.complete(t.taak(ref, "Task_GegevensVerzamelen").getId(), checklist("W"));
    t.voerJobsUit(v.processInstanceId());
    t.rondAf(ref, "Task_GegevensScreenen", "screeningUitkomst", "GESCREEND", "screenBetrokkene", true,
        "screenPersoonsgegevens", true, "screenRechtOpWissen", true, "screenOntvangers", true);
    t.rondAf(ref, "Task_GegevensWissen", "systeem1", "Dossierapplicatie", "dossiernummer1", "D-" + m("WDossier1"),
        "uitgevoerdOp1", "02-03-2026", "omschrijving1", m("WWelkeGegevens1"),
        "systeem2", "E-mailberichten", "dossiernummer2", "D-" + m("WDossier2"), "uitgevoerdOp2", "02-03-2026",
        "omschrijving2", m("WWelkeGegevens2"), "soort2", "ANONIMISEREN");
    t.rondAf(ref, "Task_OntvangersVastleggen", "ontvanger1Naam", m("WOntvanger1"), "ontvanger1Email",
        mail("wontvanger1"), "ontvanger2Naam", m("WOntvanger2"), "ontvanger2Adres", m("WOntvangerAdres") + " 2");
    t.voerJobsUit(v.processInstanceId());
    t.bevestigPost(ref); // the second recipient is told by post; the confirmation follows once that is posted
    haalOpViaPortaal(mail("wbetrokkene"));
    assertBeeindigd(ref);
    return ref;
  }

  /**
   * The data subject opens the link in her mail from {@link #IP}, types a wrong code, then the code from the SMS, and
   * downloads her package: the portal logs each step with the truncated address.
   */
  private void haalOpViaPortaal(String email) throws Exception {
    List<MimeMessage> mails = Leveringshulp.mails(outbox.outbox(), email);
    String link = null;
    for (MimeMessage mail : mails) {
      java.util.regex.Matcher l = Leveringshulp.LINK.matcher(Leveringshulp.tekst(mail));
      if (l.find()) {
        link = "/ophalen/" + l.group(1);
      }
    }
    assertThat(link).as("link to the portal in the mail to " + email).isNotNull();
    List<com.fasterxml.jackson.databind.JsonNode> sms = Leveringshulp.sms(smsOutbox().outbox(), "+31697135824");
    assertThat(sms).as("SMS with the access code to the marker mobile number").isNotEmpty();
    java.util.regex.Matcher c = Leveringshulp.CODE.matcher(sms.get(sms.size() - 1).path("tekst").asText());
    assertThat(c.find()).isTrue();
    org.springframework.mock.web.MockHttpSession sessie = new org.springframework.mock.web.MockHttpSession();
    mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(link).session(sessie)
        .with(vanaf(IP))).andReturn();
    mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(link).session(sessie)
        .param("code", "00000000").with(vanaf(IP))
        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
        .andReturn();
    MvcResult juist = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(link)
        .session(sessie).param("code", c.group(1)).with(vanaf(IP))
        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
        .andReturn();
    assertThat(juist.getResponse().getStatus()).as("right code").isEqualTo(302);
    org.springframework.mock.web.MockHttpSession nieuw = (org.springframework.mock.web.MockHttpSession) juist
        .getRequest().getSession();
    MvcResult pakket = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
        .get(link + "/pakket").session(nieuw).with(vanaf(IP))).andReturn();
    assertThat(pakket.getResponse().getStatus()).as("package downloaded").isEqualTo(200);
    assertThat(pakket.getResponse().getContentAsByteArray()).isNotEmpty();
  }

  static org.springframework.test.web.servlet.request.RequestPostProcessor vanaf(String ip) {
    return r -> {
      r.setRemoteAddr(ip);
      return r;
    };
  }

  /** Correction requested by a lawyer: granted without FG advice, corrected, one recipient informed. */
  private String correctie() {
    Verzoek v = registreer(VerzoekType.CORRECTIE, VerzoekerRol.ADVOCAAT, "C");
    String ref = v.referentie();
    t.rondAf(ref, "Task_VerzoekBeoordelenDuidelijkheid", "verzoekDuidelijk", "JA");
    t.rondAf(ref, "Task_BeoordelenVerificatieNodig", "verificatieNodig", "NIET_NODIG");
    t.voerJobsUit(v.processInstanceId());
    t.rondAf(ref, "Task_VerzoekBeoordelen", "voorgenomenBesluit", "TOEWIJZEN", "gevraagdeCorrectie",
        m("CGevraagdeCorrectie"));
    t.rondAf(ref, "Task_VerantwoordelijkeAanwijzen", "verantwoordelijke", "medewerker");
    t.rondAf(ref, "Task_GegevensCorrigeren", "systeem1", "Dossierapplicatie", "dossiernummer1", "D-" + m("CDossier"),
        "uitgevoerdOp1", "02-03-2026", "omschrijving1", m("CWelkeGegevens"));
    t.rondAf(ref, "Task_OntvangersVastleggen", "ontvanger1Naam", m("COntvanger"), "ontvanger1Email",
        mail("contvanger"));
    t.voerJobsUit(v.processInstanceId());
    assertBeeindigd(ref);
    return ref;
  }

  /** Restriction requested by a bewindvoerder: rejected with FG agreement. */
  private String beperking() {
    Verzoek v = registreer(VerzoekType.BEPERKING, VerzoekerRol.BEWINDVOERDER, "B");
    String ref = v.referentie();
    t.rondAf(ref, "Task_VerzoekBeoordelenDuidelijkheid", "verzoekDuidelijk", "NEE", "verduidelijkingsvraag",
        m("BVerduidelijkingsvraag"));
    t.voerJobsUit(v.processInstanceId());
    t.rondAf(ref, "Task_VerduidelijkingVerwerken", "verduidelijkt", "JA");
    t.rondAf(ref, "Task_BeoordelenVerificatieNodig", "verificatieNodig", "NIET_NODIG");
    t.rondAf(ref, "Task_VerzoekBeoordelen", "voorgenomenBesluit", "AFWIJZEN", "afwijzingsgronden",
        lijst("GEEN_GROND_VOOR_BEPERKING"), "besluitMotivering", m("BBesluitMotivering"));
    t.rondAf(ref, "Task_AdviesGeven", "fgAdvies", "AKKOORD", "fgToelichting", m("BFgToelichting"));
    t.voerJobsUit(v.processInstanceId());
    assertBeeindigd(ref);
    return ref;
  }

  /** Access request from the website form with an ID copy; verification needs extra information, then negative. */
  private String inzageViaWebsite() {
    byte[] idKopie = ("%PDF-1.4 paspoort " + m("IIdKopie")).getBytes(StandardCharsets.UTF_8);
    Verzoek v = webformulier.registreer(new NieuwVerzoek(VerzoekType.INZAGE, Kanaal.WEBFORMULIER,
        OffsetDateTime.ofInstant(ClockUtil.now().toInstant(), ProcesTestSteun.AMSTERDAM),
        new Betrokkene(m("INaam"), mail("ibetrokkene"), m("IStraat") + " 3, Ergens", LocalDate.of(1985, 4, 17),
            "D-" + m("IDossier")), null, m("IOmschrijving")),
        "Naam: " + m("INaam") + "\nOmschrijving: " + m("IOmschrijving"),
        new WebformulierIntake.Identiteitsbewijs(m("IBestandsnaam") + ".pdf", "application/pdf", idKopie));
    String ref = v.referentie();
    t.voerJobsUit(v.processInstanceId());
    t.rondAf(ref, "Task_VerzoekBeoordelenDuidelijkheid", "verzoekDuidelijk", "JA");
    t.rondAf(ref, "Task_IdentiteitVerifieren", "verificatieStap", "AANVULLENDE_INFORMATIE",
        "aanvullendeInformatie", m("IAanvullendeInformatie"));
    t.voerJobsUit(v.processInstanceId());
    t.rondAf(ref, "Task_AanvullendeInformatieVerwerken", "aanvullendeInformatieOntvangen", true);
    t.rondAf(ref, "Task_IdentiteitVerifieren", "verificatieStap", "RESULTAAT", "verificatieResultaat", "NEGATIEF",
        "verificatieMethode", lijst("IDENTITEITSBEWIJS"), "waarschuwingAdres", "ADRES_VERZOEK");
    t.voerJobsUit(v.processInstanceId());
    assertBeeindigd(ref);
    return ref;
  }

  /** A backup restore after the erasure and correction: both applied again, with remarks. */
  private void herstelNaBackup() {
    String definitie = repositoryService.createProcessDefinitionQuery().processDefinitionKey("avg-herstel-na-backup")
        .latestVersion().singleResult().getId();
    ProcessInstance pi = formService.submitStartForm(definitie, vars("backupDatum", "01-03-2026",
        "herstelToelichting", m("HToelichting")));
    List<Task> taken = t.taken.createTaskQuery().processInstanceId(pi.getId()).list();
    assertThat(taken).as("een taak per verzoek met een uitvoering").isNotEmpty();
    int i = 0;
    for (Task taak : taken) {
      t.taken.complete(taak.getId(), vars("herstelUitkomst", "OPNIEUW_TOEGEPAST", "opnieuwToegepastOp",
          "04-03-2026", "herstelOpmerking", m("HOpmerking" + i++)));
    }
    for (Job j : t.beheer.createJobQuery().processInstanceId(pi.getId()).executable().list()) {
      t.beheer.executeJob(j.getId());
    }
    assertThat(t.runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
  }

  /** A breach reported by an external person: judged a limited breach, not reported to the AP. */
  /**
   * A processor (PH-ORG-05) whose agreement ended in February 2026, with a contact person typed on the register page and then
   * changed (the old name stays in the history until the period ends). The company name is no personal data, but the
   * test keeps the marker out of it so a hit means a contact person leaked.
   */
  private Verwerker verwerkerMetContactpersoon() {
    Verwerker v = verwerkers.voegToe(new VerwerkerGegevens("Vogeltest Opslag BV", "Opslag van archiefdozen",
        m("VerwerkerContactNaam"), mail("VerwerkerContact"), "+31 20 123 4567", LocalDate.of(2020, 1, 1),
        LocalDate.of(2026, 2, 27), 30, false, null, null, null, null, LocalDate.of(2026, 3, 2)), "coordinator");
    verwerkers.wijzig(v.id(), new VerwerkerGegevens("Vogeltest Opslag BV", "Opslag van archiefdozen",
        m("VerwerkerNieuweContactNaam"), mail("VerwerkerContact"), "+31 20 123 4567", LocalDate.of(2020, 1, 1),
        LocalDate.of(2026, 2, 27), 30, false, null, null, null, null, LocalDate.of(2026, 3, 2)), "coordinator");
    return v;
  }

  private String datalek() {
    Datalek d = datalekMelden.meld(new NieuweDatalekmelding(m("DOmschrijving"),
        OffsetDateTime.ofInstant(ClockUtil.now().toInstant(), ProcesTestSteun.AMSTERDAM).minusHours(2), Bron.EXTERN,
        null, null, 1, m("DSystemen"), m("DGegevens"), m("DMelderNaam"), mail("dmelder")));
    String ref = d.referentie();
    String pid = t.runtime.createProcessInstanceQuery().processInstanceBusinessKey(ref)
        .processDefinitionKey("avg-datalek").singleResult().getId();
    voerAlleJobsUit(pid);
    rondAfIn(pid, "Task_DetailsUitwerken", vars("getroffenSystemen", m("DSystemen2"), "getroffenGegevens",
        m("DGegevens2"), "geschatAantalBetrokkenen", 1L, "critPersoonsgegevens", "JA", "critMisbruik",
        "WAARSCHIJNLIJK", "critBeveiliging", "ONVOLDOENDE"));
    rondAfIn(pid, "Task_BeoordelingVastleggen", vars("isDatalek", "JA", "beoordelingToelichting",
        m("DBeoordeling")));
    Map<String, Object> omvang = vars("aantalBetrokkenen", "EEN_OF_ENKELE", "minderjarigen", false,
        "langdurigeBlootstelling", false, "scenarioBeschikbaar", true, "hersteld", true, "bijzondereGegevens", false,
        "inbreukCategorieen", "[\"VERTROUWELIJKHEID\"]");
    rondAfIn(pid, "Task_OmvangInschatten", omvang);
    rondAfIn(pid, "Task_ScenarioAfhandelen", vars("afhandelingScenario", m("DScenario")));
    rondAfIn(pid, "Task_MeldingVoorstellen", vars("apVoorstel", "NIET_MELDEN", "apBesluitToelichting",
        m("DApVoorstel")));
    // the directie does not notify against the FG's advice: the motivation goes into avg_afwijking too
    rondAfIn(pid, "Task_FgAdviesNietMelden", vars("fgApAdvies", "MELDEN", "fgAdviesAp", m("DFgAdviesAp")));
    rondAfIn(pid, "Task_DirectieBesluitMelding", vars("apBesluit", "NIET_MELDEN", "apBesluitToelichting",
        m("DDirectieBesluit")));
    rondAfIn(pid, "Task_RisicoBetrokkenen", vars("betrokkenenAdvies", "NIET_MELDEN", "betrokkenenAdviesFg",
        m("DAdviesFg")));
    rondAfIn(pid, "Task_BesluitBetrokkenen", vars("betrokkenenMelden", "NEE"));
    rondAfIn(pid, "Task_BesluitDerden", vars("derdenGeinformeerd", "NEE"));
    voerAlleJobsUit(pid);
    assertThat(t.runtime.createProcessInstanceQuery().processInstanceId(pid).count()).as(ref + " afgesloten")
        .isZero();
    return ref;
  }

  private void rondAfIn(String pid, String key, Map<String, Object> waarden) {
    Task taak = t.taken.createTaskQuery().processInstanceId(pid).taskDefinitionKey(key).singleResult();
    assertThat(taak).as("open taak " + key).isNotNull();
    t.taken.complete(taak.getId(), waarden);
    voerAlleJobsUit(pid);
  }

  private void voerAlleJobsUit(String pid) {
    for (int ronde = 0; ronde < 20; ronde++) {
      List<Job> jobs = t.beheer.createJobQuery().processInstanceId(pid).messages().executable().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(j -> t.beheer.executeJob(j.getId()));
    }
  }

  private void assertBeeindigd(String ref) {
    t.bevestigPost(ref); // letters by post (no e-mail address) count as sent only once a person confirms posting
    // a reply by secure link (issue 12.7) has a watch over its portal package: let the fetch period pass (the package
    // leaves the portal) and follow up "never fetched", as the coordinator would
    for (ProcessInstance bewaking : t.runtime.createProcessInstanceQuery().processInstanceBusinessKey(ref)
        .processDefinitionKey("avg-levering-bewaken").list()) {
      java.util.Date nu = ClockUtil.getCurrentTime();
      t.klok(java.util.Date.from(nu.toInstant().plus(java.time.Duration.ofDays(15)))); // past the fetch period
      // timers (fetch period), the async step that takes the package off the portal, then the follow-up task
      for (int ronde = 0; ronde < 5 && t.runtime.createProcessInstanceQuery().processInstanceId(bewaking.getId())
          .count() > 0; ronde++) {
        t.beheer.createJobQuery().processInstanceId(bewaking.getId()).timers().list()
            .forEach(job -> t.beheer.executeJob(job.getId()));
        t.voerJobsUit(bewaking.getId());
        t.taken.createTaskQuery().processInstanceId(bewaking.getId()).list().forEach(taak -> t.taken.complete(
            taak.getId(), vars("opvolging", "Betrokkene gebeld; het antwoord is opnieuw klaargezet.")));
        t.voerJobsUit(bewaking.getId());
      }
      t.klok(nu);
    }
    List<String> open = t.runtime.createProcessInstanceQuery().processInstanceBusinessKey(ref).list().stream()
        .map(p -> p.getProcessDefinitionId() + " " + t.runtime.getActiveActivityIds(p.getId()) + " jobs "
            + t.beheer.createJobQuery().processInstanceId(p.getId()).list().stream()
                .map(j -> j.getDuedate() + "/" + j.getRetries() + "/" + j.getExceptionMessage()).toList()).toList();
    assertThat(open).as(ref + ": procedure afgerond (still running: instance, activities, jobs)").isEmpty();
  }

  @Test
  void afterTheRetentionDateNoMarkerIsLeftInAnyTableOrFile() throws Exception {
    t.klok(LocalDate.of(2026, 3, 2), 10);
    String w = verwijdering();
    String c = correctie();
    String b = beperking();
    String i = inzageViaWebsite();
    t.klok(LocalDate.of(2026, 3, 4), 10);
    herstelNaBackup();
    String d = datalek();
    Verwerker v = verwerkerMetContactpersoon();

    // the canary can sing: before the job the markers are everywhere a person's data went
    Map<String, List<String>> voor = zoek("voor");
    assertThat(voor.keySet()).as("tabellen en bestanden met markeringen vóór de bewaartermijn")
        .contains("avg_verzoek", "avg_verzoek_historie", "avg_uitvoering", "avg_ontvanger", "avg_heruitvoering",
            "avg_herstel", "avg_afwijking", "avg_verwerker", "avg_verwerker_historie", "avg_archiefstuk", "avg_datalek", "avg_datalek_historie",
            "act_hi_varinst", "act_hi_detail", "outbox", "sms-outbox", "avg_levering_toegang");
    assertThat(voor.get("avg_verzoek")).as("the marker mobile number in the register")
        .anyMatch(h -> h.contains(MOBIEL_MARKER));
    assertThat(portaalopslag(w)).as("packages of " + w + " in the portal store (pakket, link, code)").isPositive();

    t.klok(LocalDate.of(2030, 1, 1), 1);
    Bewaartermijn.Resultaat r = bewaartermijn.voerUit();
    assertThat(r.mislukt()).isZero();
    assertThat(r.geanonimiseerd("verzoeken")).isGreaterThanOrEqualTo(4);
    assertThat(r.geanonimiseerd("datalekken")).isGreaterThanOrEqualTo(1);
    assertThat(r.lopendeProcessen()).isZero();

    Map<String, List<String>> na = zoek("na");
    assertThat(na).as("markeringen na de bewaartermijn (tabel/kolom of bestand → vindplaatsen)").isEmpty();
    assertThat(portaalopslag(w)).as("the portal store holds no package, link or code of " + w).isZero();
    // what the register keeps of the delivery: that it was fetched
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM avg_levering WHERE referentie = ? AND opgehaald_op IS NOT NULL",
        Integer.class, w)).isEqualTo(1);

    // what the handbook keeps (the anonymous entries for trend analysis) is still there, without a marker
    for (String ref : List.of(w, c, b, i)) {
      assertThat(jdbc.queryForObject("SELECT status FROM avg_verzoek WHERE referentie = ?", String.class, ref))
          .isIn("AFGEHANDELD", "AFGEWEZEN");
    }
    assertThat(jdbc.queryForObject("SELECT ernst FROM avg_datalek WHERE referentie = ?", String.class, d))
        .isNotNull();
    assertThat(jdbc.queryForObject("SELECT naam FROM avg_verwerker WHERE referentie = ?", String.class,
        v.referentie())).isEqualTo("Vogeltest Opslag BV");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM avg_uitvoering WHERE referentie IN (?, ?)", Integer.class,
        w, c)).isEqualTo(3);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM avg_ontvanger WHERE referentie IN (?, ?)", Integer.class,
        w, c)).isEqualTo(3);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM avg_brief WHERE referentie = ?", Integer.class, w))
        .isGreaterThanOrEqualTo(3);
  }

  /**
   * Every column of every table of the schema (information_schema, so a new table is included) and every file in the
   * outbox: where is a marker? Writes what was scanned and found to target/bewaartermijn-canary-{moment}.txt.
   */
  /** Packages of this request whose content, link hash or code hash is still in the portal store. */
  int portaalopslag(String referentie) {
    return jdbc.queryForObject("""
        SELECT COUNT(*) FROM avg_levering WHERE referentie = ?
        AND (pakket IS NOT NULL OR token_hash IS NOT NULL OR code_hash IS NOT NULL)
        """, Integer.class, referentie);
  }

  Map<String, List<String>> zoek(String moment) throws IOException {
    Map<String, List<String>> vondsten = new TreeMap<>();
    Map<String, List<String>> tabellen = new TreeMap<>();
    List<Map<String, Object>> kolommen = jdbc.queryForList("""
        SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c
        JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
        WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
        ORDER BY c.table_name, c.ordinal_position
        """);
    for (Map<String, Object> k : kolommen) {
      String tabel = (String) k.get("table_name");
      String kolom = (String) k.get("column_name");
      String type = (String) k.get("data_type");
      tabellen.computeIfAbsent(tabel, x -> new ArrayList<>()).add(kolom);
      String q = "\"" + tabel + "\"";
      String qk = "\"" + kolom + "\"";
      if ("bytea".equals(type)) {
        for (byte[] inhoud : jdbc.queryForList("SELECT " + qk + " FROM " + q + " WHERE " + qk + " IS NOT NULL",
            byte[].class)) {
          if (bevatMarker(inhoud)) {
            vondsten.computeIfAbsent(tabel, x -> new ArrayList<>()).add(kolom + " (binair, "
                + inhoud.length + " bytes)");
          }
        }
      } else if (type.contains("char") || type.equals("text") || type.startsWith("json") || type.equals("xml")) {
        for (String marker : MARKERS) {
          for (String waarde : jdbc.queryForList("SELECT CAST(" + qk + " AS text) FROM " + q + " WHERE CAST(" + qk
              + " AS text) ILIKE ?", String.class, "%" + marker + "%")) {
            vondsten.computeIfAbsent(tabel, x -> new ArrayList<>()).add(kolom + " = " + kort(waarde));
          }
        }
      }
    }
    StringBuilder verslag = new StringBuilder("Tables scanned (every column):\n");
    tabellen.forEach((tabel, k) -> verslag.append(tabel).append(" (").append(k.size()).append(" columns)\n"));
    for (Map.Entry<String, Path> map : new TreeMap<>(Map.of("outbox", outbox.outbox(), "sms-outbox",
        smsOutbox().outbox())).entrySet()) {
      List<String> bestanden = new ArrayList<>();
      if (Files.isDirectory(map.getValue())) {
        try (Stream<Path> s = Files.walk(map.getValue())) {
          for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
            bestanden.add(p.getFileName().toString());
            if (bevatMarker(Files.readAllBytes(p)) || mailBevatMarker(p)) {
              vondsten.computeIfAbsent(map.getKey(), x -> new ArrayList<>()).add(p.toString());
            }
          }
        }
      }
      verslag.append("\nFiles scanned in the ").append(map.getKey()).append(' ').append(map.getValue()).append(": ")
          .append(bestanden.size()).append("\n").append(String.join("\n", bestanden)).append('\n');
    }
    verslag.append("\nHits:\n");
    vondsten.forEach((plek, v) -> verslag.append(plek).append(": ").append(v).append('\n'));
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "bewaartermijn-canary-" + moment + ".txt"), verslag);
    return vondsten;
  }

  /** One of the markers: the word (any case), the mobile number's digits, the portal visitor's address. */
  static boolean bevat(String tekst) {
    String t = tekst.toLowerCase(Locale.ROOT);
    return MARKERS.stream().anyMatch(t::contains);
  }

  /** The embedded default's SMS outbox (the test profile sets no gateway). */
  SmsOutbox smsOutbox() {
    return (SmsOutbox) sms;
  }

  static String kort(String s) {
    return s.length() <= 160 ? s : s.substring(0, 160) + "…";
  }

  /** Raw bytes (any case), or the text of a PDF. */
  static boolean bevatMarker(byte[] inhoud) {
    if (bevat(new String(inhoud, StandardCharsets.ISO_8859_1))
        || bevat(new String(inhoud, StandardCharsets.UTF_16LE))) {
      return true;
    }
    if (inhoud.length > 4 && new String(inhoud, 0, 4, StandardCharsets.ISO_8859_1).equals("%PDF")) {
      try (PDDocument pdf = Loader.loadPDF(inhoud)) {
        return bevat(new PDFTextStripper().getText(pdf));
      } catch (IOException e) {
        return false; // not a readable PDF: the raw bytes were searched
      }
    }
    return false;
  }

  /** A mail: its decoded subject, text parts and attachments (base64-encoded PDFs). */
  static boolean mailBevatMarker(Path eml) {
    try (InputStream in = Files.newInputStream(eml)) {
      MimeMessage m = new MimeMessage(Session.getInstance(new Properties()), in);
      return bevat(String.valueOf(m.getSubject())) || deelBevatMarker(m);
    } catch (Exception e) {
      return false; // not a mail: the raw bytes were searched
    }
  }

  static boolean deelBevatMarker(Part deel) throws Exception {
    Object inhoud = deel.getContent();
    if (inhoud instanceof String s) {
      return bevat(s);
    }
    if (inhoud instanceof Multipart mp) {
      for (int i = 0; i < mp.getCount(); i++) {
        BodyPart p = mp.getBodyPart(i);
        if (deelBevatMarker(p)) {
          return true;
        }
      }
      return false;
    }
    if (inhoud instanceof InputStream s) {
      return bevatMarker(s.readAllBytes());
    }
    return false;
  }
}
