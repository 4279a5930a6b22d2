package nl.deurwaarder.avg.archief;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import nl.deurwaarder.avg.AvgSpringTest;
import nl.deurwaarder.avg.Chromium;
import nl.deurwaarder.avg.verzoek.Betrokkene;
import nl.deurwaarder.avg.verzoek.Kanaal;
import nl.deurwaarder.avg.verzoek.NieuwVerzoek;
import nl.deurwaarder.avg.verzoek.VerzoekRegister;
import nl.deurwaarder.avg.verzoek.VerzoekType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In a real browser: a user logged into Tasklist opens the archive page without logging in again, adds a document
 * through the form (CSRF token, file picker) and sees it listed. Leaves a screenshot in target/archief.png.
 */
@AvgSpringTest
class ArchiefBrowserIT {

  @LocalServerPort
  int port;
  @Autowired
  VerzoekRegister register;
  @Autowired
  Archief archief;

  @TempDir
  Path tmp;
  private Chromium chromium;
  private ChromeDriver browser;

  @BeforeEach
  void start() throws IOException {
    chromium = Chromium.start("nl", new Dimension(1280, 900));
    browser = chromium.driver();
    browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(120));
  }

  @AfterEach
  void stop() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void tasklistUserAddsADocumentAndSeesTheArchive() throws Exception {
    String ref = "AVG-2026-0917";
    register.voegToe(ref, 2026, 917, new NieuwVerzoek(VerzoekType.INZAGE, Kanaal.EMAIL,
            OffsetDateTime.parse("2026-03-02T10:00:00+01:00"),
            new Betrokkene("Johanna de Vries-Bakker", "j.devries@example.org", null, null, "2024-00817"), null,
            "Inzage in mijn dossier"),
        LocalDate.of(2026, 4, 2), LocalDate.of(2026, 4, 2), null, "coordinator");
    archief.bewaar(ref, Stuksoort.VERZOEK, "Inzageverzoek per e-mail", "inzageverzoek.eml", "message/rfc822",
        "From: a@b.nl\r\nSubject: x\r\n\r\nx".getBytes(StandardCharsets.UTF_8), "coordinator");
    archief.bewaar(ref, Stuksoort.IDENTITEITSBEWIJS, "Kopie paspoort (BSN en foto afgeschermd)",
        "paspoort-afgeschermd.pdf", "application/pdf", new byte[183_412], "coordinator");
    archief.bewaar(ref, Stuksoort.CHECKLIST, "Checklist gegevensverzameling", "checklist.xlsx",
        Bestandscontrole.Bestandstype.XLSX.contentType(), new byte[24_980], "medewerker");

    String basis = "http://localhost:" + port;
    browser.get(basis + "/archief/" + ref);
    assertThat(browser.getPageSource()).contains("niet aangemeld");

    // Log in to the webapps with Camunda's own login endpoint, as Tasklist's login form posts it, from the (script-free)
    // "Niet aangemeld" page: no other request of this browser is under way while the login replaces the session.
    // Posting it from the Tasklist page right after its load event raced with Tasklist's start-up requests: Camunda's
    // webapp filter answers each request that carries the replaced session id with a new, empty session cookie, and
    // one answered after the login overwrote the fresh login ("Niet aangemeld" on the archive page).
    Object status = ((JavascriptExecutor) browser).executeAsyncScript("""
        const klaar = arguments[arguments.length - 1];
        fetch('/camunda/app/tasklist/default/', {credentials: 'same-origin'}).then(pagina => {
          const koekje = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN='));
          const xsrf = pagina.headers.get('X-XSRF-TOKEN') || (koekje ? koekje.substring(11) : '');
          return fetch('/camunda/api/admin/auth/user/default/login/tasklist', {method: 'POST',
            credentials: 'same-origin',
            headers: {'Content-Type': 'application/x-www-form-urlencoded', 'X-XSRF-TOKEN': xsrf},
            body: 'username=coordinator&password=coordinator'});
        }).then(r => klaar(r.status), e => klaar(String(e)));
        """);
    assertThat(status).isEqualTo(200L);

    browser.get(basis + "/archief/" + ref);
    assertThat(browser.getTitle()).isEqualTo("Archief " + ref + " — Johanna de Vries-Bakker");

    Path bestand = tmp.resolve("gescreende gegevens.pdf");
    Files.write(bestand, "%PDF-1.7\n% gescreend\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
    new Select(browser.findElement(By.id("soort"))).selectByValue("GESCREENDE_GEGEVENS");
    browser.findElement(By.id("titel")).sendKeys("Gescreende gegevens met legenda");
    browser.findElement(By.id("bestand")).sendKeys(bestand.toString());
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    try {
      new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.getPageSource().contains("toegevoegd."));
    } finally {
      Files.write(Path.of("target", "archief-na-toevoegen.png"),
          ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
      Files.writeString(Path.of("target", "archief-na-toevoegen.html"), browser.getPageSource());
    }
    assertThat(browser.findElements(By.cssSelector("table.stukken tbody tr"))).hasSize(4);
    assertThat(archief.stukken(ref)).last().satisfies(s -> {
      assertThat(s.bestandsnaam()).isEqualTo("gescreende gegevens.pdf");
      assertThat(s.toegevoegdDoor()).isEqualTo("coordinator");
    });

    Path png = Path.of("target", "archief.png");
    Files.write(png, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    assertThat(png).isNotEmptyFile();
  }

}
