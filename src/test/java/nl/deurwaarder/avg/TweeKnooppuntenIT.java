package nl.deurwaarder.avg;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.Address;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two application nodes (child JVMs, job executors on) on one PostgreSQL: 200 requests spread over both get unique,
 * gap-free reference numbers; every acknowledgement letter goes out exactly once although both job executors compete
 * for the jobs; a task completed on one node is gone on the other; two users completing the same task at the same
 * moment on different nodes get one success and one clear refusal; the 200 requests' reminder timers, made due at
 * once, fire exactly once each (and mail once) while both job executors compete for them.
 */
class TweeKnooppuntenIT {

  private static final int AANTAL = 200;
  private static final String BRIEFSTAP = "Task_OntvangstbevestigingVerzenden";
  private static final String EERSTE_TAAK = "Task_VerzoekBeoordelenDuidelijkheid";
  private static final String HERINNERING = "StartEvent_Herinnering";

  private static EmbeddedPostgres postgres;
  private static GreenMail smtp;
  private static KindApp a;
  private static KindApp b;

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();
  private final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void start() throws Exception {
    postgres = EmbeddedPostgres.start();
    smtp = new GreenMail(new ServerSetup(KindApp.vrijePoort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    Map<String, String> env = KindApp.omgeving(postgres.getJdbcUrl("postgres", "postgres"),
        smtp.getSmtp().getPort(), Map.of());
    // the first node creates the schema; the second starts when it is healthy
    a = KindApp.start("knooppunt-a", env).wachtTotGezond(Duration.ofMinutes(3));
    b = KindApp.start("knooppunt-b", env).wachtTotGezond(Duration.ofMinutes(3));
  }

  @AfterAll
  static void stop() throws Exception {
    for (AutoCloseable c : new AutoCloseable[] {a, b}) {
      if (c != null) {
        c.close();
      }
    }
    if (smtp != null) {
      smtp.stop();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  HttpResponse<String> vraag(KindApp node, String methode, String pad, String gebruiker, String body)
      throws Exception {
    HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(node.basis() + pad))
        .timeout(Duration.ofSeconds(60))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((gebruiker + ":" + gebruiker).getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/json")
        .method(methode, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String adres(int i) {
    return "knoop" + i + "@voorbeeld.example";
  }

  @Test
  void twoNodesShareOneDatabaseWithoutDuplicatesGapsDoubleLettersOrDoubleTimers() throws Exception {
    // 200 requests, 4 clients, alternately to node A and node B
    ExecutorService clients = Executors.newFixedThreadPool(4);
    List<Future<String>> antwoorden = new ArrayList<>();
    for (int i = 0; i < AANTAL; i++) {
      int n = i;
      antwoorden.add(clients.submit(() -> {
        HttpResponse<String> r = vraag(n % 2 == 0 ? a : b, "POST", "/api/verzoeken", "coordinator", """
            {"verzoekType":"INZAGE","kanaal":"EMAIL",
             "betrokkene":{"naam":"Persoon %d","email":"%s"},
             "omschrijving":"Welke gegevens heeft u van mij?"}
            """.formatted(n, adres(n)));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json.readTree(r.body()).get("referentie").asText();
      }));
    }
    List<String> referenties = new ArrayList<>();
    for (Future<String> f : antwoorden) {
      referenties.add(f.get(5, TimeUnit.MINUTES));
    }
    clients.shutdown();

    // unique and gap-free: AVG-<jaar>-0001 .. AVG-<jaar>-0200
    assertThat(referenties).doesNotHaveDuplicates();
    List<Integer> nummers = referenties.stream().map(r -> Integer.valueOf(r.substring(r.lastIndexOf('-') + 1)))
        .sorted().toList();
    assertThat(nummers).isEqualTo(IntStream.rangeClosed(1, AANTAL).boxed().toList());

    // both job executors work the letter jobs off; each letter goes out once
    wachtTot("all acknowledgement jobs done", Duration.ofMinutes(4), () ->
        tel("SELECT COUNT(*) FROM act_ru_job j JOIN act_ru_jobdef d ON j.job_def_id_ = d.id_ "
            + "WHERE d.act_id_ = '" + BRIEFSTAP + "'") == 0);
    Map<String, Integer> perOntvanger = new TreeMap<>();
    for (MimeMessage m : smtp.getReceivedMessages()) {
      for (Address adr : m.getAllRecipients()) {
        perOntvanger.merge(((InternetAddress) adr).getAddress(), 1, Integer::sum);
      }
    }
    Map<String, Integer> verwacht = new TreeMap<>();
    IntStream.range(0, AANTAL).forEach(i -> verwacht.put(adres(i), 1));
    assertThat(perOntvanger).isEqualTo(verwacht);

    // a task completed on node A is gone on node B
    String eerste = referenties.get(0);
    String taak = taakId(b, eerste);
    HttpResponse<String> klaar = vraag(a, "POST", "/engine-rest/task/" + taak + "/complete", "coordinator",
        "{\"variables\":{\"verzoekDuidelijk\":{\"value\":\"JA\"}}}");
    assertThat(klaar.statusCode()).as(klaar.body()).isIn(200, 204);
    assertThat(vraag(b, "GET", "/engine-rest/task/" + taak, "coordinator", null).statusCode()).isEqualTo(404);
    assertThat(json.readTree(vraag(b, "GET", "/engine-rest/task?processInstanceBusinessKey=" + eerste
        + "&taskDefinitionKey=" + EERSTE_TAAK, "coordinator", null).body())).isEmpty();

    // two coordinators complete the same task at the same moment, one on each node
    maakTweedeCoordinator();
    String tweede = referenties.get(1);
    String gedeeld = taakId(a, tweede);
    CyclicBarrier tegelijk = new CyclicBarrier(2);
    ExecutorService twee = Executors.newFixedThreadPool(2);
    Future<HttpResponse<String>> opA = twee.submit(() -> {
      tegelijk.await();
      return vraag(a, "POST", "/engine-rest/task/" + gedeeld + "/complete", "coordinator",
          "{\"variables\":{\"verzoekDuidelijk\":{\"value\":\"JA\"}}}");
    });
    Future<HttpResponse<String>> opB = twee.submit(() -> {
      tegelijk.await();
      return vraag(b, "POST", "/engine-rest/task/" + gedeeld + "/complete", "coordinator2",
          "{\"variables\":{\"verzoekDuidelijk\":{\"value\":\"JA\"}}}");
    });
    List<HttpResponse<String>> uitkomst = List.of(opA.get(2, TimeUnit.MINUTES), opB.get(2, TimeUnit.MINUTES));
    twee.shutdown();
    List<Integer> statussen = new ArrayList<>(uitkomst.stream().map(HttpResponse::statusCode).toList());
    Collections.sort(statussen);
    String beschrijving = uitkomst.stream().map(r -> r.statusCode() + " " + r.body()).toList().toString();
    assertThat(statussen.get(0)).as(beschrijving).isIn(200, 204);
    assertThat(statussen.get(1)).as("the second is refused with a 4xx: " + beschrijving).isBetween(400, 499);
    HttpResponse<String> geweigerd = uitkomst.stream().filter(r -> r.statusCode() >= 400).findFirst().orElseThrow();
    // the loser either finds the task gone (404) or loses the optimistic lock (409): both in plain Dutch or a
    // message naming the task, never the engine's internals
    assertThat(json.readTree(geweigerd.body()).path("message").asText()).as(beschrijving).isNotBlank()
        .doesNotContain("ENGINE-");
    // the task was completed once: one history entry, the process moved on once
    assertThat(tel("SELECT COUNT(*) FROM act_hi_taskinst WHERE id_ = '" + gedeeld + "' AND end_time_ IS NOT NULL"))
        .isEqualTo(1);
    assertThat(tel("SELECT COUNT(*) FROM act_hi_actinst a JOIN act_hi_procinst p ON a.proc_inst_id_ = p.id_ "
        + "WHERE p.business_key_ = '" + tweede + "' AND a.act_id_ = '" + EERSTE_TAAK + "'")).isEqualTo(1);

    // the real deadline timers: each request's reminder ("5 werkdagen voor de uiterste reactiedatum") made due now;
    // both job executors compete for the 200 timers; each fires exactly once and mails the coordinators once
    long herinneringenVooraf = aan("coordinator@kantoor.example");
    assertThat(update("UPDATE act_ru_job SET duedate_ = now() - interval '1 second' WHERE job_def_id_ IN "
        + "(SELECT id_ FROM act_ru_jobdef WHERE act_id_ = '" + HERINNERING + "')")).isEqualTo(AANTAL);
    wachtTot("all reminders fired and mailed", Duration.ofMinutes(4), () ->
        tel("SELECT COUNT(*) FROM act_ru_job j JOIN act_ru_jobdef d ON j.job_def_id_ = d.id_ "
            + "WHERE d.act_id_ IN ('" + HERINNERING + "', 'Task_HerinneringMailen')") == 0);
    assertThat(tel("SELECT COUNT(*) FROM act_hi_actinst WHERE act_id_ = '" + HERINNERING + "'"))
        .as("each timer fired once").isEqualTo(AANTAL);
    assertThat(tel("SELECT COUNT(DISTINCT proc_inst_id_) FROM act_hi_actinst WHERE act_id_ = '" + HERINNERING + "'"))
        .isEqualTo(AANTAL);
    assertThat(tel("SELECT COUNT(*) FROM act_hi_actinst WHERE act_id_ = 'Task_HerinneringMailen' "
        + "AND end_time_ IS NOT NULL")).isEqualTo(AANTAL);
    assertThat(tel("SELECT COUNT(*) FROM avg_procesmail WHERE soort = 'HERINNERING'")).isEqualTo(AANTAL);
    assertThat(aan("coordinator@kantoor.example") - herinneringenVooraf).as("one reminder mail per request")
        .isEqualTo(AANTAL);
  }

  /** Distinct mails (by Message-ID) GreenMail received that name this address as a recipient. */
  private static long aan(String adres) throws Exception {
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (MimeMessage m : smtp.getReceivedMessages()) {
      for (Address adr : m.getAllRecipients()) {
        if (((InternetAddress) adr).getAddress().equals(adres)) {
          ids.add(m.getMessageID());
        }
      }
    }
    return ids.size();
  }

  private static int update(String sql) throws Exception {
    try (java.sql.Connection c = postgres.getPostgresDatabase().getConnection()) {
      return c.createStatement().executeUpdate(sql);
    }
  }

  private void maakTweedeCoordinator() throws Exception {
    HttpResponse<String> gebruiker = vraag(a, "POST", "/engine-rest/user/create", "admin", """
        {"profile":{"id":"coordinator2","firstName":"Tweede","lastName":"Coördinator","email":"c2@kantoor.example"},
         "credentials":{"password":"coordinator2"}}""");
    assertThat(gebruiker.statusCode()).as(gebruiker.body()).isIn(200, 204);
    HttpResponse<String> lid = vraag(a, "PUT", "/engine-rest/group/privacycoordinator/members/coordinator2", "admin",
        null);
    assertThat(lid.statusCode()).as(lid.body()).isIn(200, 204);
  }

  private String taakId(KindApp node, String referentie) throws Exception {
    HttpResponse<String> r = vraag(node, "GET", "/engine-rest/task?processInstanceBusinessKey="
        + URLEncoder.encode(referentie, StandardCharsets.UTF_8) + "&taskDefinitionKey=" + EERSTE_TAAK,
        "coordinator", null);
    JsonNode taken = json.readTree(r.body());
    assertThat(taken).as(r.body()).hasSize(1);
    return taken.get(0).get("id").asText();
  }

  private long tel(String sql) throws Exception {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  interface Voorwaarde {
    boolean geldt() throws Exception;
  }

  /** Polls the database until the condition holds, at most the given time. */
  static void wachtTot(String wat, Duration maximaal, Voorwaarde v) throws Exception {
    Instant grens = Instant.now().plus(maximaal);
    while (!v.geldt()) {
      if (Instant.now().isAfter(grens)) {
        throw new AssertionError("not within " + maximaal + ": " + wat);
      }
      Thread.onSpinWait();
      TimeUnit.MILLISECONDS.sleep(250); // poll interval of a bounded wait, not a timing assumption
    }
  }
}
