package nl.deurwaarder.avg.tweefactor;

import static nl.deurwaarder.avg.tweefactor.Aanmeldbrowser.codeVoor;
import static nl.deurwaarder.avg.tweefactor.Aanmeldbrowser.geheimVan;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import nl.deurwaarder.avg.AvgProductieTest;
import nl.deurwaarder.avg.Chromium;
import nl.deurwaarder.avg.security.Rol;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Production settings, in a real (headless) Chromium: a staff member logs in with password and code on
 * {@code /aanmelden}, works in Tasklist, chooses "Uitloggen" and lands on {@code /aanmelden} again, not on Camunda's
 * password-only login screen (where production refuses every staff login). Screenshot:
 * {@code target/screenshots/uitgelogd-aanmelden.png}.
 */
@AvgProductieTest
class UitloggenBrowserIT {

  static final String WACHTWOORD = "Een-Lang-Wachtwoord-42";

  @LocalServerPort
  int port;
  @Autowired
  IdentityService identityService;

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
  void loggingOutOfTasklistLeadsBackToTheLoginWithASecondFactor() throws Exception {
    String gebruiker = "tfuitloggen";
    User u = identityService.newUser(gebruiker);
    u.setFirstName("Proef");
    u.setLastName("Uitloggen");
    u.setPassword(WACHTWOORD);
    identityService.saveUser(u);
    identityService.createMembership(gebruiker, Rol.MEDEWERKER.groepId());
    // enrolled before (over HTTP, as TweeFactorAanmeldingIT does it), with the current time step's code
    Aanmeldbrowser http = new Aanmeldbrowser(port);
    http.wachtwoord(gebruiker, WACHTWOORD);
    byte[] geheim = geheimVan(http.get("/aanmelden/instellen").body());
    assertThat(http.post("/aanmelden/instellen", Map.of("code", codeVoor(geheim, 0))).statusCode()).isEqualTo(200);

    String basis = "http://localhost:" + port;
    WebDriverWait wacht = new WebDriverWait(browser, Duration.ofSeconds(120));
    try {
      browser.get(basis + "/camunda/app/tasklist/default/");
      wacht.until(ExpectedConditions.urlContains("/aanmelden"));
      Chromium.vul(browser, wacht.until(ExpectedConditions.visibilityOfElementLocated(By.id("gebruikersnaam"))),
          gebruiker);
      Chromium.vul(browser, browser.findElement(By.id("wachtwoord")), WACHTWOORD);
      Chromium.klik(browser, browser.findElement(By.cssSelector("form button[type='submit']")));
      Chromium.vul(browser, wacht.until(ExpectedConditions.visibilityOfElementLocated(By.id("code"))),
          codeVoor(geheim, 1));
      Chromium.klik(browser, browser.findElement(By.cssSelector("form button[type='submit']")));

      // in Tasklist, logged in
      wacht.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".task-filters .task-filter")));
      assertThat(browser.getCurrentUrl()).contains("/camunda/app/tasklist/");

      // "Uitloggen" in the user menu: the webapp switches to its own login screen, the script sends it to /aanmelden
      Chromium.klik(browser, wacht.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("li.logout a"))));
      wacht.until(ExpectedConditions.urlContains("/aanmelden"));
      WebElement naam = wacht.until(ExpectedConditions.visibilityOfElementLocated(By.id("gebruikersnaam")));
      assertThat(naam.isDisplayed()).isTrue();
      assertThat(browser.getCurrentUrl()).startsWith(basis + "/aanmelden?doel=")
          .contains("camunda%2Fapp%2Ftasklist");
      assertThat(browser.findElements(By.cssSelector("input[ng-model='username']"))).isEmpty();
      // and the session is really gone: Tasklist sends the browser to /aanmelden again
      assertThat(http.client().send(java.net.http.HttpRequest.newBuilder(http.uri("/aanmelden/beleid")).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("{\"tweedeFactorVerplicht\":true}");
      browser.get(basis + "/camunda/app/tasklist/default/");
      wacht.until(ExpectedConditions.urlContains("/aanmelden"));
    } finally {
      Chromium.schermafdruk(browser, Path.of("target", "screenshots", "uitgelogd-aanmelden.png"));
    }
  }
}
