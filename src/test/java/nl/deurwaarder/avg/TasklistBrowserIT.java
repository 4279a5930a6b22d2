package nl.deurwaarder.avg;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import nl.deurwaarder.avg.tasklist.TasklistFilters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Tasklist as the privacy coordinator sees it, in a real (headless) Chromium: the real login form, the Dutch
 * translation, the shared filters, and no Camunda 8 migration banner. Uses Debian's chromium and chromedriver
 * ({@code bin/test-alles} installs them); without them this test fails, it does not skip.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TasklistBrowserIT {

  static final Path SCREENSHOT = Path.of("target", "screenshots", "tasklist-coordinator.png");

  @LocalServerPort
  int port;

  private Chromium chromium;
  private WebDriver driver;

  @BeforeEach
  void startBrowser() throws IOException {
    chromium = Chromium.start("en-US", new Dimension(1400, 900));
    driver = chromium.driver();
  }

  @AfterEach
  void stopBrowser() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void coordinatorSeesTheDutchTasklistWithTheSharedFiltersAndNoBanner() throws IOException {
    try {
      bekijkTasklistAlsCoordinator();
    } catch (RuntimeException | AssertionError e) {
      // what the browser showed when it went wrong
      Chromium.schermafdruk(driver, SCREENSHOT.resolveSibling("tasklist-coordinator-fout.png"));
      throw e;
    }
    Chromium.schermafdruk(driver, SCREENSHOT);
  }

  private void bekijkTasklistAlsCoordinator() throws IOException {
    JsonNode nl = nlLabels();
    WebDriverWait wacht = new WebDriverWait(driver, Duration.ofSeconds(60));

    driver.get("http://localhost:" + port + "/camunda/app/tasklist/");
    WebElement gebruikersnaam = wacht.until(
        ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
    // the login form is already Dutch although the browser asks for en-US
    WebElement inloggen = driver.findElement(By.cssSelector("form button[type='submit']"));
    assertThat(inloggen.getText()).isEqualTo(nl.get("PAGE_LOGIN_SIGN_IN_ACTION").asText());
    assertThat(gebruikersnaam.getAttribute("placeholder")).isEqualTo(nl.get("PAGE_LOGIN_USERNAME").asText());

    WebElement wachtwoord = driver.findElement(By.cssSelector("input[ng-model='password']"));
    typ(gebruikersnaam, "coordinator");
    typ(wachtwoord, "coordinator");
    // the real submit button of the form; clicked from the page (see typ() for why not through ChromeDriver)
    Chromium.klik(driver, wacht.until(ExpectedConditions.elementToBeClickable(inloggen)));

    for (String filter : new String[] {TasklistFilters.MIJN_TAKEN, TasklistFilters.BINNEN_3_WERKDAGEN,
        TasklistFilters.VERLOPEN}) {
      wacht.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".task-filters, "
          + "[cam-tasklist-filters]"), filter));
    }
    wacht.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
        nl.get("START_PROCESS").asText()));
    String zichtbaar = driver.findElement(By.tagName("body")).getText();
    assertThat(zichtbaar).contains(nl.get("START_PROCESS").asText(), "Groep: Privacycoördinator",
        "Groep: Medewerkers");
    assertThat(zichtbaar).doesNotContain("Start process", "Groep: Directie", "Groep: Functionaris");

    // the logout entry of the user menu is Dutch too
    Chromium.klik(driver, driver.findElement(By.cssSelector("li.account.dropdown > a.dropdown-toggle")));
    wacht.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
        nl.get("SIGN_OUT_ACTION").asText()));

    // the Camunda 8 migration banner is in the page (ng-if) but never shown
    assertThat(driver.findElements(By.cssSelector(".ce-eol-banner"))).as("banner element (hidden by user-styles.css)")
        .isNotEmpty().noneMatch(WebElement::isDisplayed);
    assertThat(driver.findElement(By.tagName("body")).getText()).doesNotContainIgnoringCase("Camunda 8");
  }

  /**
   * Fills a field of the login form. ChromeDriver's key events do not reach the Camunda 7.24 webapp pages (also not
   * the untouched Welcome app, while they do on a plain page of the same server), so the value is set the way a
   * browser's autofill does it: value plus an {@code input} event, which AngularJS' ng-model listens to. The form is
   * still submitted with its own button, against the real login endpoint.
   */
  private void typ(WebElement veld, String tekst) {
    veld.click();
    veld.sendKeys(tekst);
    if (!tekst.equals(veld.getDomProperty("value"))) {
      Chromium.vul(driver, veld, tekst);
    }
    assertThat(veld.getDomProperty("value")).isEqualTo(tekst);
  }

  private static JsonNode nlLabels() throws IOException {
    try (InputStream in = TasklistBrowserIT.class.getResourceAsStream(
        "/META-INF/resources/webjars/camunda/app/tasklist/locales/nl.json")) {
      assertThat(in).as("nl.json on the classpath").isNotNull();
      return new ObjectMapper().readTree(in).get("labels");
    }
  }
}
