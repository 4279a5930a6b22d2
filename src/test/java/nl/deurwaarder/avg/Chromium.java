package nl.deurwaarder.avg;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The browser of the browser tests: Debian's {@code chromium} with {@code chromium-driver}, headless, in the office's
 * time zone (the staff's browsers are; Tasklist shows dates in local time), with a fresh profile that is removed
 * again on {@link #close()}. One place for the start arguments, the message when the packages are missing, and the
 * ways a test has to reach Camunda's pages ({@link #vul}).
 */
public final class Chromium implements AutoCloseable {

  public static final File BINARY = new File("/usr/bin/chromium");
  public static final File DRIVER = new File("/usr/bin/chromedriver");

  private final ChromeDriverService service;
  private final ChromeDriver driver;
  private final Path profiel;

  private Chromium(ChromeDriverService service, ChromeDriver driver, Path profiel) {
    this.service = service;
    this.driver = driver;
    this.profiel = profiel;
  }

  /**
   * Starts the browser.
   *
   * @param taal the language the browser asks pages for ({@code --lang}), e.g. {@code nl-NL} or {@code en-US}
   * @param venster the window size, or {@code null} for Chromium's default (a test that sets its own sizes)
   */
  public static Chromium start(String taal, Dimension venster) throws IOException {
    if (!DRIVER.canExecute() || !BINARY.canExecute()) {
      fail("Browsertest kan niet draaien: " + DRIVER + " of " + BINARY + " ontbreekt. Installeer de "
          + "Debian-pakketten met 'apt-get install chromium chromium-driver' (bin/test-alles doet dat zelf).");
    }
    Path profiel = Files.createTempDirectory("avg-chromium-");
    List<String> argumenten = new ArrayList<>(List.of("--headless=new", "--no-sandbox", "--disable-gpu",
        "--disable-dev-shm-usage", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--lang=" + taal, "--user-data-dir=" + profiel));
    if (venster != null) {
      argumenten.add("--window-size=" + venster.getWidth() + "," + venster.getHeight());
    }
    ChromeOptions opties = new ChromeOptions();
    opties.setBinary(BINARY);
    opties.addArguments(argumenten);
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER).usingAnyFreePort()
        .withEnvironment(Map.of("TZ", "Europe/Amsterdam")).build();
    ChromeDriver driver;
    try {
      driver = new ChromeDriver(service, opties);
    } catch (RuntimeException e) {
      service.stop();
      verwijder(profiel);
      throw e;
    }
    if (venster != null) {
      driver.manage().window().setSize(venster);
    }
    return new Chromium(service, driver, profiel);
  }

  public ChromeDriver driver() {
    return driver;
  }

  /**
   * Fills a field the way a browser's autofill does: value plus {@code input} and {@code change} events, which
   * AngularJS' ng-model and form-js listen to. ChromeDriver's key events do not reach the Camunda 7.24 webapp pages
   * (see {@code TasklistBrowserIT}); the form is still submitted with its own button.
   */
  public static void vul(WebDriver driver, WebElement veld, String tekst) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];"
        + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
        + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", veld, tekst);
  }

  /** A click dispatched in the page (the headless window has no focus, and ChromeDriver's events may not arrive). */
  public static void klik(WebDriver driver, WebElement element) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].click();", element);
  }

  /**
   * Logs in with the login form of a Camunda webapp at {@code adres} (e.g. {@code …/camunda/app/tasklist/default/}),
   * as a user does: the fields filled (see {@link #vul}), the form's own button, then the form gone. The test
   * profile's demo users have their name as password.
   */
  public static void meldAanBijCamunda(WebDriver driver, WebDriverWait wacht, String adres, String gebruiker) {
    driver.get(adres);
    By naamveld = By.cssSelector("input[ng-model='username']");
    vul(driver, wacht.until(ExpectedConditions.visibilityOfElementLocated(naamveld)), gebruiker);
    vul(driver, driver.findElement(By.cssSelector("input[ng-model='password']")), gebruiker);
    klik(driver, wacht.until(ExpectedConditions.elementToBeClickable(By.cssSelector("form button[type='submit']"))));
    wacht.until(ExpectedConditions.invisibilityOfElementLocated(naamveld));
  }

  /** Saves what the browser shows as PNG, creating the folder. */
  public static void schermafdruk(WebDriver driver, Path bestand) throws IOException {
    Files.createDirectories(bestand.toAbsolutePath().getParent());
    Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), bestand,
        StandardCopyOption.REPLACE_EXISTING);
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      service.stop();
      verwijder(profiel);
    }
  }

  private static void verwijder(Path map) {
    try (Stream<Path> paden = Files.walk(map)) {
      paden.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (IOException e) {
      throw new UncheckedIOException("Chromium-profiel niet verwijderd: " + map, e);
    }
  }
}
