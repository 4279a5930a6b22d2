package nl.deurwaarder.avg.levering;

import static nl.deurwaarder.avg.levering.Leveringshulp.CODE;
import static nl.deurwaarder.avg.levering.Leveringshulp.LINK;
import static nl.deurwaarder.avg.levering.Leveringshulp.eerste;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nl.deurwaarder.avg.Chromium;
import nl.deurwaarder.avg.archief.Archief;
import nl.deurwaarder.avg.archief.Stuksoort;
import nl.deurwaarder.avg.mail.OutboxMailSender;
import nl.deurwaarder.avg.verzoek.Betrokkene;
import nl.deurwaarder.avg.verzoek.Kanaal;
import nl.deurwaarder.avg.verzoek.NieuwVerzoek;
import nl.deurwaarder.avg.verzoek.Verzoek;
import nl.deurwaarder.avg.verzoek.VerzoekType;
import nl.deurwaarder.avg.verzoekprocedure.ProcesTestSteun;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The portal /ophalen/{token} in a real browser (Debian's chromium, headless), on a desktop and on a phone (390x844):
 * the page asking for the code, a wrong code, the download page; then the downloaded package rendered page by page
 * (pdftoppm). Screenshots go to target/screenshots/ (copies in docs/screenshots/, named in docs/levering.md).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "avg.webformulier.max-per-client=1000", "avg.webformulier.max-per-minuut=1000"})
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OphaalportaalBrowserIT {

  private static final Path SCHERMAFDRUKKEN = Path.of("target", "screenshots");
  private static final String GESCREEND = "Gescreend dossier 4711: betalingsregeling van P. de Vries";

  @LocalServerPort int poort;
  @Autowired ProcesTestSteun t;
  @Autowired Archief archief;
  @Autowired SmsVerzender sms;
  @Autowired OutboxMailSender mail;

  private Chromium chromium;
  private ChromeDriver browser;

  @BeforeAll
  void start() throws IOException {
    Files.createDirectories(SCHERMAFDRUKKEN);
    chromium = Chromium.start("nl-NL", null);
    browser = chromium.driver();
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
  }

  @AfterAll
  void stop() {
    if (chromium != null) {
      chromium.close();
    }
    ClockUtil.reset();
  }

  /** An access request answered by link, the code by SMS: returns {link token, code}. */
  private String[] klaargezet() throws Exception {
    t.klok(LocalDate.now(ProcesTestSteun.AMSTERDAM), 10);
    String email = "pieter" + System.nanoTime() + "@voorbeeld.example";
    String telefoon = "06 1" + String.format("%07d", System.nanoTime() % 10_000_000);
    Verzoek v = t.intake.registreer(new NieuwVerzoek(VerzoekType.INZAGE, Kanaal.EMAIL,
        OffsetDateTime.ofInstant(ClockUtil.now().toInstant(), ProcesTestSteun.AMSTERDAM),
        new Betrokkene("Pieter de Vries", email, "Dorpsstraat 1, Utrecht", LocalDate.of(1980, 1, 1), null, telefoon),
        null, "Ik wil weten welke gegevens u van mij heeft."), "coordinator");
    String ref = v.referentie();
    ProcessInstance begin = t.procedure(ref, "avg-inzageverzoek");
    Map<String, Object> vars = t.runtime.getVariables(begin.getId());
    t.runtime.deleteProcessInstance(begin.getId(), "test begint bij Reactie samenstellen");
    ProcessInstance pi = t.runtime.createProcessInstanceByKey("avg-inzageverzoek").businessKey(ref)
        .setVariables(vars).startBeforeActivity("Task_ReactieSamenstellen").execute();
    archief.bewaar(ref, Stuksoort.GESCREENDE_GEGEVENS, "Dossier 4711 (gescreend)", "dossier-4711.pdf",
        "application/pdf", Leveringshulp.pdfMetTekst(GESCREEND), "coordinator");
    archief.bewaar(ref, Stuksoort.GESCREENDE_GEGEVENS, "Betalingen (gescreend)", "betalingen.txt", "text/plain",
        "datum;bedrag\n2026-01-05;50,00\n".getBytes(StandardCharsets.UTF_8), "coordinator");
    t.rondAf(ref, "Task_ReactieSamenstellen", "verzendwijze", "BEVEILIGDE_LINK");
    t.voerJobsUit(pi.getId());
    String code = eerste(CODE, Leveringshulp.sms(((SmsOutbox) sms).outbox(), "+31" + telefoon.replace("06 ", "6"))
        .get(0).path("tekst").asText());
    String token = eerste(LINK, Leveringshulp.tekst(Leveringshulp.mails(mail.outbox(), email).get(0)));
    return new String[] {token, code};
  }

  private void scherm(int breedte, int hoogte, boolean mobiel) {
    browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
        "width", breedte, "height", hoogte, "deviceScaleFactor", 1, "mobile", mobiel));
  }

  /** The whole page at this width; on a phone: no horizontal scrolling, buttons and fields big enough to tap. */
  private void schermafdruk(String naam, int breedte, boolean mobiel) throws IOException {
    scherm(breedte, mobiel ? 844 : 900, mobiel);
    JavascriptExecutor js = browser;
    if (mobiel) {
      assertThat((Long) js.executeScript("return document.documentElement.scrollWidth;"))
          .as(naam + ": no horizontal scrolling on a phone").isLessThanOrEqualTo((long) breedte);
      for (var knop : browser.findElements(By.cssSelector("button, input.invoer, a.knop"))) {
        assertThat(knop.getSize().getHeight()).as(naam + ": tap target " + knop.getText()).isGreaterThanOrEqualTo(44);
      }
    }
    long hoogte = (Long) js.executeScript(
        "return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight);");
    scherm(breedte, (int) hoogte, mobiel);
    Map<String, Object> beeld = browser.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png"));
    Files.write(SCHERMAFDRUKKEN.resolve(naam), Base64.getDecoder().decode((String) beeld.get("data")));
  }

  private void verstuurCode(String code) {
    JavascriptExecutor js = browser;
    js.executeScript("window.oudePagina = true;");
    var veld = browser.findElement(By.id("code"));
    veld.clear();
    veld.sendKeys(code);
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> Boolean.TRUE.equals(js.executeScript(
        "return window.oudePagina === undefined && document.readyState === 'complete';")));
  }

  private String pagina() {
    return browser.findElement(By.tagName("body")).getText();
  }

  @Test
  void codeWrongCodeAndDownloadOnDesktopAndPhoneThenThePackagePageByPage() throws Exception {
    String[] link = klaargezet();
    String token = link[0];
    String code = link[1];
    String fout = "00000000".equals(code) ? "11111111" : "00000000";
    for (boolean mobiel : new boolean[] {false, true}) {
      String vorm = mobiel ? "telefoon" : "bureaublad";
      int breedte = mobiel ? 390 : 1280;
      browser.manage().deleteAllCookies();
      scherm(breedte, mobiel ? 844 : 900, mobiel);
      browser.get("http://localhost:" + poort + "/ophalen/" + token);
      assertThat(pagina()).contains("Uw antwoord ophalen").contains("Toegangscode").doesNotContain("Vries");
      schermafdruk("ophalen-code-" + vorm + ".png", breedte, mobiel);
      verstuurCode(fout);
      assertThat(pagina()).contains("Deze code klopt niet");
      schermafdruk("ophalen-foute-code-" + vorm + ".png", breedte, mobiel);
      verstuurCode(code);
      assertThat(pagina()).contains("Uw antwoord staat klaar");
      schermafdruk("ophalen-download-" + vorm + ".png", breedte, mobiel);
    }
    browser.get("http://localhost:" + poort + "/ophalen/" + "x".repeat(43));
    assertThat(pagina()).doesNotContain("Toegangscode");
    schermafdruk("ophalen-onbekend-telefoon.png", 390, true);

    // the package, fetched as the data subject's browser does, rendered page by page
    Leveringshulp.Browser portaal = new Leveringshulp.Browser(poort);
    portaal.open("/ophalen/" + token);
    assertThat(portaal.code(token, code).statusCode()).isEqualTo(302);
    HttpResponse<byte[]> pakket = portaal.download("/ophalen/" + token + "/pakket");
    assertThat(pakket.statusCode()).isEqualTo(200);
    assertThat(Leveringshulp.pdfTekst(pakket.body(), null)).contains(GESCREEND).contains("Bijgevoegde bestanden");
    Path pdf = SCHERMAFDRUKKEN.resolve("ophalen-pakket.pdf");
    Files.write(pdf, pakket.body());
    Process p = new ProcessBuilder("pdftoppm", "-png", "-r", "60", pdf.toString(),
        SCHERMAFDRUKKEN.resolve("ophalen-pakket-pagina").toString()).inheritIO().start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    List<Path> paginas = new ArrayList<>();
    try (var s = Files.list(SCHERMAFDRUKKEN)) {
      s.filter(f -> f.getFileName().toString().startsWith("ophalen-pakket-pagina")).sorted().forEach(paginas::add);
    }
    assertThat(paginas).as("letter pages, the screened PDF, the page naming the attached file").hasSizeGreaterThan(2);
  }
}
