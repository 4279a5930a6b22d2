package nl.deurwaarder.avg;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import nl.deurwaarder.avg.datalek.Bron;
import nl.deurwaarder.avg.datalek.DatalekMelden;
import nl.deurwaarder.avg.datalek.NieuweDatalekmelding;
import nl.deurwaarder.avg.security.Rol;
import nl.deurwaarder.avg.tasklist.TasklistFilters;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 13.4, in a real (headless) Chromium: {@code fg} logs in while an FG advice task waits (a breach whose three
 * criteria came out "twijfel") and lands on a list that shows it, with counts on every filter and no priority on
 * the card; a start form's answer shows its reference. Screenshot: {@code target/screenshots/tasklist-fg-start.png}
 * (a copy is in docs/afbeeldingen/).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TasklistStartpaginaBrowserIT {

  static final Path SCREENSHOT = Path.of("target", "screenshots", "tasklist-fg-start.png");

  @LocalServerPort
  int port;
  @Autowired
  DatalekMelden melden;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  ManagementService managementService;

  private Chromium chromium;
  private WebDriver driver;

  @BeforeEach
  void startBrowser() throws IOException {
    chromium = Chromium.start("nl-NL", new Dimension(1400, 900));
    driver = chromium.driver();
  }

  @AfterEach
  void stopBrowser() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void fgWithAnOpenAdviceTaskLandsOnTheListThatShowsIt() throws IOException {
    String pid = breukMetFgAdvies();
    Task advies = taskService.createTaskQuery().processInstanceId(pid).taskDefinitionKey("Task_FgAdviesBeoordeling")
        .singleResult();
    assertThat(advies).as("open FG advice task").isNotNull();
    try {
      WebDriverWait wacht = new WebDriverWait(driver, Duration.ofSeconds(180));
      Chromium.meldAanBijCamunda(driver, wacht, "http://localhost:" + port + "/camunda/app/tasklist/", "fg");
      // the start page selects the filter that holds fg's work, not the empty "Mijn taken"
      wacht.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".tasks-list"),
          "FG-advies over de beoordeling"));
      WebElement actief = wacht.until(ExpectedConditions.presenceOfElementLocated(
          By.cssSelector(".task-filters .task-filter.active h4.name")));
      assertThat(actief.getText()).startsWith(TasklistFilters.groepsfilterNaam(Rol.FG));
      // a count on every filter, also on the ones not selected ("Mijn taken" 0, the deadline filters)
      wacht.until(d -> d.findElements(By.cssSelector(".task-filters .task-filter .avg-aantal")).size()
          == d.findElements(By.cssSelector(".task-filters .task-filter")).size() - 1);
      WebElement mijnTaken = driver.findElements(By.cssSelector(".task-filters .task-filter")).stream()
          .filter(f -> f.getText().startsWith(TasklistFilters.MIJN_TAKEN)).findFirst().orElseThrow();
      assertThat(mijnTaken.findElement(By.cssSelector(".avg-aantal")).getText()).isEqualTo("0");
      assertThat(driver.findElement(By.cssSelector(".task-filters")).getText()).doesNotContain("undefined");
      // no meaningless priority "50" on the card
      assertThat(driver.findElements(By.cssSelector(".tasks-list li.task .priority")))
          .isNotEmpty().noneMatch(WebElement::isDisplayed);
      Chromium.schermafdruk(driver, SCREENSHOT);
    } catch (RuntimeException | AssertionError e) {
      Chromium.schermafdruk(driver, SCREENSHOT.resolveSibling("tasklist-fg-start-fout.png"));
      throw e;
    }
  }

  /** A reported breach whose criteria test came out "twijfel": the FG's advice task is open. */
  private String breukMetFgAdvies() {
    String ref = melden.meld(new NieuweDatalekmelding("Ordner met dossiers in de trein laten liggen.",
        OffsetDateTime.now().minusHours(2), Bron.MEDEWERKER, null, null, 3, "Papieren dossier",
        "Naam, adres, vordering", "Piet Melder", "piet.melder@kantoor.example")).referentie();
    String pid = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(ref)
        .processDefinitionKey("avg-datalek").singleResult().getId();
    voerJobsUit(pid);
    Task details = taskService.createTaskQuery().processInstanceId(pid).taskDefinitionKey("Task_DetailsUitwerken")
        .singleResult();
    taskService.complete(details.getId(), Map.of("getroffenSystemen", "Papieren dossier",
        "getroffenGegevens", "Naam, adres, vordering", "geschatAantalBetrokkenen", 3L,
        "critPersoonsgegevens", "JA", "critMisbruik", "TWIJFEL", "critBeveiliging", "INBREUK"));
    voerJobsUit(pid);
    return pid;
  }

  private void voerJobsUit(String pid) {
    for (int ronde = 0; ronde < 10; ronde++) {
      List<Job> jobs = managementService.createJobQuery().processInstanceId(pid).messages().executable().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(j -> managementService.executeJob(j.getId()));
    }
  }
}
