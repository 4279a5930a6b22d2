package nl.deurwaarder.avg;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import nl.deurwaarder.avg.datalek.Bron;
import nl.deurwaarder.avg.datalek.DatalekMelden;
import nl.deurwaarder.avg.datalek.NieuweDatalekmelding;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 13.1–13.2 in a real (headless) Chromium whose language is American English ({@code --lang=en-US}, the case
 * that showed {@code mm/dd/yyyy}): the date field of the Camunda Form "Datalek melden" and Tasklist's own "Opvolgdatum
 * instellen" are Dutch (dd-mm-jjjj, Monday first, Dutch month names); the "Proces starten" modal has no English word
 * (visible, for screen readers, in tooltips); Cockpit and Admin are Dutch. Screenshots in
 * {@code target/screenshots/} (copies, looked at, in docs/screenshots/).
 */
@AvgSpringTest
class NederlandseDatumsBrowserIT {

  static final Path MAP = Path.of("target", "screenshots");
  static final List<String> MAANDEN = List.of("januari", "februari", "maart", "april", "mei", "juni", "juli",
      "augustus", "september", "oktober", "november", "december");
  /** English words Tasklist's start modal showed or could show (buttons, screen-reader texts, form-js). */
  static final List<String> ENGELS = List.of("Close", "Back", "Start", "Cancel", "Submit", "Search", "Select");

  @LocalServerPort
  int port;
  @Autowired
  DatalekMelden melden;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  ManagementService managementService;

  private Chromium chromium;
  private ChromeDriver browser;
  private WebDriverWait wacht;

  @BeforeEach
  void start() throws IOException {
    chromium = Chromium.start("en-US", new Dimension(1400, 900));
    browser = chromium.driver();
    wacht = new WebDriverWait(browser, Duration.ofSeconds(120));
  }

  @AfterEach
  void stop() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void breachFormAndFollowUpDateAreDutchCockpitAndAdminToo() throws IOException {
    // a breach whose details task waits for the group ict (for "Opvolgdatum instellen")
    String ref = melden.meld(new NieuweDatalekmelding("Laptop met dossiers gestolen uit auto.",
        OffsetDateTime.now().minusHours(3), Bron.MEDEWERKER, null, null, 12, "Laptop", "Naam, adres, vordering",
        "Ilse Ict", "ilse.ict@kantoor.example")).referentie();
    String pid = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(ref)
        .processDefinitionKey("avg-datalek").singleResult().getId();
    managementService.createJobQuery().processInstanceId(pid).messages().executable().list()
        .forEach(j -> managementService.executeJob(j.getId()));

    try {
      login("tasklist", "ict");
      wacht.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".task-filters .task-filter")));

      // 1. the Camunda Form "Datalek melden": dd-mm-jjjj, Dutch calendar, Monday first
      Chromium.klik(browser, wacht.until(ExpectedConditions.presenceOfElementLocated(
          By.xpath("//a[contains(normalize-space(.),'Proces starten')]"))));
      WebElement datalekMelden = wacht.until(ExpectedConditions.presenceOfElementLocated(
          By.xpath("//div[contains(@class,'modal')]//a[contains(normalize-space(.),'Datalek melden')]")));
      geenEngelsInStartvenster();
      Chromium.klik(browser, datalekMelden);
      WebElement datum = wacht.until(ExpectedConditions.presenceOfElementLocated(
          By.xpath("//label[contains(normalize-space(.),'Datum van ontdekking')]/following::input[1]")));
      // the start modal with the form, scrolled to its bottom: Dutch buttons, no English word left (issue 13)
      ((JavascriptExecutor) browser).executeScript(
          "const m = document.querySelector('.modal'); m.scrollTop = m.scrollHeight;");
      assertThat(browser.findElements(By.cssSelector(".modal-footer button")).stream()
          .filter(WebElement::isDisplayed).map(e -> e.getText().strip()).toList())
          .containsExactly("Terug", "Sluiten", "Starten");
      geenEngelsInStartvenster();
      Chromium.schermafdruk(browser, MAP.resolve("proces-starten-datalek-onderkant.png"));
      assertThat(datum.getAttribute("placeholder")).isEqualTo("dd-mm-jjjj");
      openKalender(datum);
      WebElement kalender = wacht.until(ExpectedConditions.visibilityOfElementLocated(
          By.cssSelector(".flatpickr-calendar.open")));
      List<String> dagen = kalender.findElements(By.cssSelector(".flatpickr-weekday")).stream()
          .map(e -> e.getAttribute("textContent").strip()).toList();
      assertThat(dagen).containsExactly("ma", "di", "wo", "do", "vr", "za", "zo");
      List<String> maanden = kalender.findElements(By.cssSelector(".flatpickr-monthDropdown-months option")).stream()
          .map(e -> e.getAttribute("textContent").strip().toLowerCase()).toList();
      assertThat(maanden).containsExactlyElementsOf(MAANDEN);
      String maand = new org.openqa.selenium.support.ui.Select(
          kalender.findElement(By.cssSelector(".flatpickr-monthDropdown-months"))).getFirstSelectedOption()
          .getAttribute("textContent").strip().toLowerCase();
      String jaar = kalender.findElement(By.cssSelector(".numInput.cur-year")).getAttribute("value");
      WebElement dag5 = kalender.findElement(By.xpath(".//span[contains(@class,'flatpickr-day') and not(contains("
          + "@class,'prevMonthDay')) and not(contains(@class,'nextMonthDay')) and normalize-space(.)='5']"));
      ((JavascriptExecutor) browser).executeScript("arguments[0].dispatchEvent(new MouseEvent('mousedown', "
          + "{bubbles: true})); arguments[0].click();", dag5);
      String verwacht = String.format("05-%02d-%s", MAANDEN.indexOf(maand) + 1, jaar);
      wacht.until(d -> verwacht.equals(datum.getAttribute("value")));
      openKalender(datum);
      wacht.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".flatpickr-calendar.open")));
      Chromium.schermafdruk(browser, MAP.resolve("datalek-melden-datumkiezer.png"));
      // the footer's button: the (hidden) close button of an alert inside the modal is now "Sluiten" as well
      Chromium.klik(browser, browser.findElement(By.xpath("//div[contains(@class,'modal-footer')]"
          + "//button[contains(normalize-space(.),'Sluiten') or contains(normalize-space(.),'Annuleren')]")));
      wacht.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-dialog")));

      // 2. Tasklist's own date picker: "Opvolgdatum instellen" on the breach's task
      Chromium.klik(browser, wacht.until(ExpectedConditions.presenceOfElementLocated(
          By.xpath("//*[contains(@class,'task-filters')]//h4[contains(normalize-space(.),'Groep: ICT')]"))));
      Chromium.klik(browser, wacht.until(ExpectedConditions.presenceOfElementLocated(
          By.cssSelector(".tasks-list li.task a"))));
      Chromium.klik(browser, wacht.until(ExpectedConditions.presenceOfElementLocated(
          By.xpath("//a[contains(normalize-space(.),'Opvolgdatum instellen')]"))));
      WebElement kiezer = wacht.until(ExpectedConditions.visibilityOfElementLocated(
          By.cssSelector("[uib-daypicker], .uib-daypicker")));
      List<String> koppen = kiezer.findElements(By.cssSelector("thead tr:last-child th small")).stream()
          .map(e -> e.getAttribute("textContent").strip()).toList();
      assertThat(koppen).containsExactly("ma", "di", "wo", "do", "vr", "za", "zo");
      String titel = kiezer.findElement(By.cssSelector("thead button.uib-title, thead .uib-title"))
          .getAttribute("textContent").strip().toLowerCase();
      assertThat(MAANDEN).anySatisfy(m -> assertThat(titel).startsWith(m));
      Chromium.schermafdruk(browser, MAP.resolve("tasklist-opvolgdatum.png"));

      // 3. Cockpit as the FG and Admin as the administrator, in Dutch
      browser.manage().deleteAllCookies();
      login("cockpit", "fg");
      wacht.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Lopende procesinstanties"));
      assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("Running Process Instances")
          .doesNotContain("Right Now");
      Chromium.schermafdruk(browser, MAP.resolve("cockpit-fg.png"));

      browser.manage().deleteAllCookies();
      login("admin", "admin");
      wacht.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Gebruikers"));
      assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("Users").doesNotContain("Groups");
      Chromium.schermafdruk(browser, MAP.resolve("admin-nl.png"));
    } catch (RuntimeException | AssertionError e) {
      Chromium.schermafdruk(browser, MAP.resolve("nederlandse-datums-fout.png"));
      throw e;
    }
  }

  /**
   * The "Proces starten" modal shows no English word: not in its visible text, not in the text only a screen reader
   * reads (angular-ui-bootstrap's alert template had a hard-coded "Close"), not in a tooltip, label or placeholder.
   */
  private void geenEngelsInStartvenster() {
    WebElement venster = browser.findElement(By.cssSelector(".modal-dialog"));
    String zichtbaar = venster.getText();
    String voorleestekst = venster.getAttribute("textContent");
    @SuppressWarnings("unchecked")
    List<String> attributen = (List<String>) ((JavascriptExecutor) browser).executeScript(
        "return [...arguments[0].querySelectorAll('*')].flatMap(e => ['title', 'aria-label', 'placeholder', "
            + "'uib-tooltip'].map(a => e.getAttribute(a)).filter(v => v));", venster);
    assertThat(zichtbaar).contains("Proces starten").contains("Sluiten");
    for (String woord : ENGELS) {
      String patroon = "(?s).*\\b" + woord + "\\b.*";
      assertThat(zichtbaar).as("zichtbare tekst").doesNotMatch(patroon);
      assertThat(voorleestekst).as("tekst voor schermlezers").doesNotMatch(patroon);
      assertThat(attributen).as("title, aria-label, placeholder").noneMatch(a -> a.matches(patroon));
    }
  }

  private void login(String webapp, String gebruiker) {
    Chromium.meldAanBijCamunda(browser, wacht, "http://localhost:" + port + "/camunda/app/" + webapp + "/default/",
        gebruiker);
  }

  /**
   * Opens form-js' date picker as a click into the field does: ChromeDriver's native events do not reach the Camunda
   * pages (see TasklistBrowserIT), and the headless window has no focus, so the events are dispatched on the field.
   */
  private void openKalender(WebElement veld) {
    ((JavascriptExecutor) browser).executeScript("const e = arguments[0]; e.focus();"
        + "e.dispatchEvent(new FocusEvent('focus')); e.dispatchEvent(new MouseEvent('mousedown', {bubbles: true}));"
        + "e.dispatchEvent(new MouseEvent('click', {bubbles: true}));", veld);
  }
}
