package nl.deurwaarder.avg.overzicht;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import nl.deurwaarder.avg.AvgSpringTest;
import nl.deurwaarder.avg.Chromium;
import nl.deurwaarder.avg.datalek.Bron;
import nl.deurwaarder.avg.datalek.DatalekIntake;
import nl.deurwaarder.avg.datalek.NieuweDatalekmelding;
import nl.deurwaarder.avg.verzoek.Betrokkene;
import nl.deurwaarder.avg.verzoek.Kanaal;
import nl.deurwaarder.avg.verzoek.NieuwVerzoek;
import nl.deurwaarder.avg.verzoek.VerzoekIntake;
import nl.deurwaarder.avg.verzoek.VerzoekType;
import nl.deurwaarder.avg.verzoek.Verzoeker;
import nl.deurwaarder.avg.verzoek.VerzoekerRol;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In a real browser, as {@code fg} and as {@code directie}: log in to Tasklist (Camunda's login, as the login page
 * does), find the header link "Privacyoverzicht", open {@code /overzicht} with the same session and look at it.
 * Screenshots: target/overzicht-fg.png, target/overzicht-directie.png, target/overzicht-tasklist-link.png (copied to
 * docs/screenshots).
 */
@AvgSpringTest
class OverzichtBrowserIT {

  static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  @LocalServerPort int port;
  @Autowired VerzoekIntake intake;
  @Autowired DatalekIntake datalekIntake;

  private Chromium chromium;
  private ChromeDriver browser;

  @BeforeEach
  void start() throws IOException {
    chromium = Chromium.start("nl", new Dimension(1280, 900));
    browser = chromium.driver();
  }

  @AfterEach
  void stop() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void fgAndDirectieOpenTheOverviewFromTasklist() throws Exception {
    OffsetDateTime nu = OffsetDateTime.now(AMSTERDAM);
    verzoek(VerzoekType.VERWIJDERING, nu.minusDays(20), "Demo Een");
    verzoek(VerzoekType.CORRECTIE, nu.minusDays(13), "Demo Twee");
    verzoek(VerzoekType.INZAGE, nu.minusDays(29), "Demo Drie");
    verzoek(VerzoekType.INZAGE, nu.minusDays(3), "Demo Vier");
    verzoek(VerzoekType.BEPERKING, nu.minusHours(2), "Demo Vijf");
    datalekIntake.registreer(new NieuweDatalekmelding("Laptop met dossiers in de trein laten liggen",
        nu.minusHours(61), Bron.MEDEWERKER, null, null, 40, null, null, "Demo Melder", null), "medewerker");
    datalekIntake.registreer(new NieuweDatalekmelding("E-mail met bijlage aan verkeerde ontvanger",
        nu.minusHours(20), Bron.MEDEWERKER, null, null, 1, null, null, "Demo Melder", null), "medewerker");

    for (String wie : new String[] {"fg", "directie"}) {
      String basis = "http://localhost:" + port;
      browser.manage().deleteAllCookies();
      browser.get(basis + "/camunda/app/tasklist/default/");
      // log in once Tasklist shows its login screen, as a user does: a request Tasklist sent while starting (with
      // the session from before the login) that the server answers after the login gets a new, empty session from
      // Camunda's webapp filter, whose cookie replaces the login's (the next page load shows the login screen again)
      new WebDriverWait(browser, Duration.ofSeconds(120)).until(
          d -> !d.findElements(By.cssSelector("input[ng-model='username']")).isEmpty()
              && d.findElement(By.cssSelector("input[ng-model='username']")).isDisplayed());
      Object status = ((JavascriptExecutor) browser).executeAsyncScript("""
          const klaar = arguments[arguments.length - 1];
          const xsrf = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN=')).substring(11);
          fetch('/camunda/api/admin/auth/user/default/login/tasklist', {method: 'POST', credentials: 'same-origin',
            headers: {'Content-Type': 'application/x-www-form-urlencoded', 'X-XSRF-TOKEN': xsrf},
            body: 'username=' + arguments[0] + '&password=' + arguments[0]}).then(r => klaar(r.status));
          """, wie);
      assertThat(status).isEqualTo(200L);
      browser.get(basis + "/camunda/app/tasklist/default/");
      try {
        new WebDriverWait(browser, Duration.ofSeconds(60))
            .until(d -> !d.findElements(By.cssSelector(".avg-overzicht-link a")).isEmpty());
      } catch (RuntimeException e) {
        // what the browser showed when the link did not come
        Files.write(Path.of("target", "overzicht-" + wie + "-fout.png"),
            ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        throw e;
      }
      assertThat(browser.findElement(By.cssSelector(".avg-overzicht-link a")).getAttribute("href"))
          .endsWith("/overzicht");
      if (wie.equals("fg")) {
        Files.write(Path.of("target", "overzicht-tasklist-link.png"),
            ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
      }

      browser.get(basis + "/overzicht");
      assertThat(browser.getTitle()).isEqualTo("Privacyoverzicht");
      long hoogte = (Long) ((JavascriptExecutor) browser).executeScript(
          "return document.documentElement.scrollHeight;");
      browser.manage().window().setSize(new Dimension(1280, (int) Math.min(hoogte + 40, 4000)));
      Files.write(Path.of("target", "overzicht-" + wie + ".png"),
          ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
      String html = browser.getPageSource();
      assertThat(html).contains("in gevaar").contains("verstreken").contains("<svg");
      if (wie.equals("fg")) {
        assertThat(html).contains("Brieven die wachten op de post");
      } else {
        assertThat(html).doesNotContain("Brieven die wachten op de post");
      }
      browser.manage().window().setSize(new Dimension(1280, 900));
    }
  }

  private void verzoek(VerzoekType type, OffsetDateTime ontvangen, String naam) {
    intake.registreer(new NieuwVerzoek(type, Kanaal.EMAIL, ontvangen,
        new Betrokkene(naam, naam.toLowerCase().replace(' ', '.') + "@voorbeeld.example", null, null, null),
        new Verzoeker(VerzoekerRol.BETROKKENE, null, null, null), "Verzoek van " + naam), "coordinator");
  }
}
