package nl.deurwaarder.avg.webformulier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import nl.deurwaarder.avg.Chromium;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The website form in a real browser (Debian's chromium, headless) against the app on a random port: a valid
 * submission shows its reference number and deadline and starts a process; refusals show a Dutch message and start
 * nothing. Screenshots go to target/screenshots/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "avg.webformulier.max-per-client=1000", "avg.webformulier.max-per-minuut=1000"})
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebformulierBrowserIT {

  private static final Path SCHERMAFDRUKKEN = Path.of("target", "screenshots");

  @LocalServerPort
  int port;
  @Autowired
  RepositoryService repositoryService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  HistoryService historyService;
  @Autowired
  JdbcTemplate jdbc;

  private Chromium chromium;
  private ChromeDriver browser;
  private Path bestanden;

  @BeforeAll
  void start() throws IOException {
    bestanden = Files.createTempDirectory("webformulier-bestanden");
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
  }

  @BeforeEach
  void bureaublad() {
    scherm(1280, 900, false);
  }

  private record Stand(long verzoeken, long processen) {
  }

  private Stand stand() {
    return new Stand(jdbc.queryForObject("SELECT COUNT(*) FROM avg_verzoek", Long.class),
        historyService.createHistoricProcessInstanceQuery().count());
  }

  private void scherm(int breedte, int hoogte, boolean mobiel) {
    browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
        "width", breedte, "height", hoogte, "deviceScaleFactor", 1, "mobile", mobiel));
  }

  /** The whole page, not just the visible part. */
  private void schermafdruk(String naam, int breedte, boolean mobiel) throws IOException {
    long hoogte = (Long) ((JavascriptExecutor) browser).executeScript(
        "return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight);");
    scherm(breedte, (int) hoogte, mobiel);
    Map<String, Object> beeld = browser.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png"));
    Files.write(SCHERMAFDRUKKEN.resolve(naam), Base64.getDecoder().decode((String) beeld.get("data")));
  }

  private void open() {
    browser.get("http://localhost:" + port + "/verzoek");
  }

  private void vulGeldigIn() {
    browser.findElement(By.id("verzoekType-INZAGE")).click();
    browser.findElement(By.id("naam")).sendKeys("Anna Jansen");
    browser.findElement(By.id("email")).sendKeys("anna.jansen@example.nl");
    browser.findElement(By.id("dossiernummer")).sendKeys("D-2025/0099");
    browser.findElement(By.id("omschrijving")).sendKeys("Welke gegevens heeft u over mij?");
    browser.findElement(By.id("akkoord")).click();
  }

  private void verstuur() {
    // mark the current page; the next page (after POST and any redirect) has no mark
    JavascriptExecutor js = browser;
    js.executeScript("window.oudePagina = true;");
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> Boolean.TRUE.equals(js.executeScript(
        "return window.oudePagina === undefined && document.readyState === 'complete';")));
  }

  private String pagina() {
    return browser.findElement(By.tagName("body")).getText();
  }

  private Path bestand(String naam, byte[] inhoud) throws IOException {
    Path p = bestanden.resolve(naam);
    Files.write(p, inhoud);
    return p.toAbsolutePath();
  }

  @Test
  void emptyFormFitsAPhone() throws IOException {
    scherm(390, 844, true);
    open();
    Long breedte = (Long) ((JavascriptExecutor) browser).executeScript(
        "return document.documentElement.scrollWidth;");
    assertThat(breedte).as("no horizontal scrolling on a phone").isLessThanOrEqualTo(390L);
    WebElement knop = browser.findElement(By.cssSelector("button[type=submit]"));
    assertThat(knop.getSize().getHeight()).as("tap target").isGreaterThanOrEqualTo(44);
    assertThat(browser.findElement(By.id("naam")).getSize().getHeight()).isGreaterThanOrEqualTo(44);
    Map<String, Object> beeld = browser.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png"));
    Files.write(SCHERMAFDRUKKEN.resolve("webformulier-leeg-telefoon-390x844.png"),
        Base64.getDecoder().decode((String) beeld.get("data")));
    schermafdruk("webformulier-leeg-telefoon-hele-pagina.png", 390, true);
  }

  @Test
  void validSubmissionShowsReferenceAndDeadlineAndStartsAProcess() throws IOException {
    Stand voor = stand();
    open();
    vulGeldigIn();
    browser.findElement(By.id("bijlage")).sendKeys(bestand("mijn id.png", Formulierdata.png(4096)).toString());
    verstuur();
    assertThat(browser.getCurrentUrl()).endsWith("/verzoek/ontvangen");
    String referentie = browser.findElement(By.id("referentie")).getText();
    assertThat(referentie).matches("AVG-\\d{4}-\\d{4}");
    assertThat(browser.findElement(By.id("termijn")).getText())
        .containsPattern("uiterlijk \\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september"
            + "|oktober|november|december) \\d{4} antwoord");
    assertThat(pagina()).contains("binnen 3 werkdagen");
    assertThat(stand()).isEqualTo(new Stand(voor.verzoeken() + 1, voor.processen() + 1));
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(referentie).count())
        .isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT kanaal FROM avg_verzoek WHERE referentie = ?", String.class, referentie))
        .isEqualTo("WEBFORMULIER");
    assertThat(jdbc.queryForList("SELECT soort FROM avg_archiefstuk WHERE referentie = ?", String.class, referentie))
        .contains("IDENTITEITSBEWIJS");
    schermafdruk("webformulier-ontvangen-bureaublad.png", 1280, false);

    // reload: nothing is submitted again
    browser.navigate().refresh();
    assertThat(pagina()).contains("niet meer beschikbaar");
    assertThat(stand()).isEqualTo(new Stand(voor.verzoeken() + 1, voor.processen() + 1));
  }

  @Test
  void emptyNameGetsADutchMessageAndStartsNothing() throws IOException {
    Stand voor = stand();
    open();
    vulGeldigIn();
    browser.findElement(By.id("naam")).clear();
    verstuur();
    assertThat(browser.findElement(By.id("naam-fout")).getText()).contains("Vul de naam in");
    assertThat(browser.findElement(By.cssSelector(".foutsamenvatting a[href='#naam']")).isDisplayed()).isTrue();
    assertThat(browser.findElement(By.id("email")).getAttribute("value")).isEqualTo("anna.jansen@example.nl");
    assertThat(browser.findElement(By.id("naam")).getAttribute("aria-describedby")).contains("naam-fout");
    assertThat(stand()).isEqualTo(voor);
    schermafdruk("webformulier-fout-bureaublad.png", 1280, false);
  }

  @Test
  void invalidEmailGetsADutchMessageAndStartsNothingUntilCorrected() {
    Stand voor = stand();
    open();
    vulGeldigIn();
    browser.findElement(By.id("email")).clear();
    browser.findElement(By.id("email")).sendKeys("anna@");
    verstuur();
    assertThat(browser.findElement(By.id("email-fout")).getText()).contains("Dit is geen geldig e-mailadres");
    assertThat(browser.findElement(By.id("email")).getAttribute("value")).isEqualTo("anna@");
    assertThat(stand()).isEqualTo(voor);

    // corrected on the same page (its CSRF token still valid, everything else kept): now it is registered
    browser.findElement(By.id("email")).clear();
    browser.findElement(By.id("email")).sendKeys("anna@example.nl");
    verstuur();
    assertThat(pagina()).as(browser.getCurrentUrl()).contains("Uw verzoek is ontvangen");
    assertThat(browser.findElement(By.id("referentie")).getText()).matches("AVG-\\d{4}-\\d{4}");
    assertThat(stand()).isEqualTo(new Stand(voor.verzoeken() + 1, voor.processen() + 1));
  }

  @Test
  void twentyMegabyteUploadGetsADutchMessageKeepsTheInputAndStartsNothing() throws IOException {
    Stand voor = stand();
    open();
    vulGeldigIn();
    browser.findElement(By.id("bijlage")).sendKeys(bestand("grote scan.pdf", Formulierdata.pdf(20 * 1024 * 1024))
        .toString());
    verstuur();
    assertThat(browser.findElement(By.id("bijlage-fout")).getText()).contains("Het bestand is te groot");
    assertThat(browser.findElement(By.id("naam")).getAttribute("value")).isEqualTo("Anna Jansen");
    assertThat(browser.findElement(By.id("omschrijving")).getAttribute("value"))
        .isEqualTo("Welke gegevens heeft u over mij?");
    assertThat(stand()).isEqualTo(voor);
    scherm(390, 844, true);
    schermafdruk("webformulier-bestand-te-groot-telefoon.png", 390, true);
  }

  @Test
  void executableRenamedToPdfGetsADutchMessageAndStartsNothing() throws IOException {
    Stand voor = stand();
    open();
    vulGeldigIn();
    browser.findElement(By.id("bijlage")).sendKeys(bestand("paspoort.pdf", Formulierdata.exe()).toString());
    verstuur();
    assertThat(browser.findElement(By.id("bijlage-fout")).getText())
        .contains("Dit bestand kunnen wij niet gebruiken");
    assertThat(List.of(pagina())).allSatisfy(p -> assertThat(p).doesNotContain("Whitelabel", "Tomcat"));
    assertThat(stand()).isEqualTo(voor);
  }
}
