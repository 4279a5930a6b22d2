package nl.deurwaarder.avg.webformulier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import nl.deurwaarder.avg.AvgSpringTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Hundreds of generated malformed inputs to the three ways in: {@code POST /api/verzoeken}, {@code POST
 * /api/datalekken} and the public website form {@code POST /verzoek} (with a valid CSRF token, from fresh addresses,
 * the submission limit cleared: this tests the validation, not CSRF or the limit). Every field is mutated in turn:
 * missing, wrong JSON type, a 1 MB string, invalid UTF-8 bytes, control characters, script in names, dates in the
 * future and the far past, nonsense values; plus broken bodies and disguised, empty, oversized and double uploads.
 * For every input: no 5xx, nothing registered, no process started, nothing archived, and the answer names what was
 * wrong (problem details {@code velden}, or for an unreadable body its {@code detail}; on the form the Dutch message at
 * the field).
 */
@AvgSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OngeldigeInvoerTest {

  private static final AtomicInteger IP = new AtomicInteger(1);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory N = JsonNodeFactory.instance;
  private static final String MEGABYTE = "a".repeat(1024 * 1024);
  /**
   * Bytes that are not UTF-8: a lone continuation byte, a truncated sequence, bytes that never occur in UTF-8.
   * Not here, because the JSON reader (Jackson) tolerates it: the overlong encoding C0 AF, which it decodes as '/'
   * (harmless in these fields; see docs/performance.md, "Tolerated input").
   */
  private static final byte[][] GEEN_UTF8 = {{(byte) 0x80}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xFF, (byte) 0xFE}};

  @Autowired
  WebApplicationContext context;
  @Autowired
  FilterRegistrationBean<FormulierOntvangst> ontvangst;
  @Autowired
  Inzendingslimiet limiet;
  @Autowired
  WebformulierInstellingen instellingen;
  @Autowired
  RepositoryService repositoryService;
  @Autowired
  HistoryService historyService;
  @Autowired
  JdbcTemplate jdbc;

  private MockMvc mvc;
  @BeforeEach
  void setUp() {
    mvc = MockMvcBuilders.webAppContextSetup(context)
        .addFilters(ontvangst.getFilter())
        .apply(springSecurity())
        .build();
    limiet.wisAlles();
  }

  /** One generated input: a description, where it goes, the body, and the field the answer must name (or null). */
  record Invoer(String omschrijving, String pad, String contentType, byte[] body, String veld) {
  }

  private record Stand(long verzoeken, long datalekken, long processen, long archiefstukken) {
  }

  private Stand stand() {
    return new Stand(
        jdbc.queryForObject("SELECT COUNT(*) FROM avg_verzoek", Long.class),
        jdbc.queryForObject("SELECT COUNT(*) FROM avg_datalek", Long.class),
        historyService.createHistoricProcessInstanceQuery().count(),
        jdbc.queryForObject("SELECT COUNT(*) FROM avg_archiefstuk", Long.class));
  }

  // ---------------------------------------------------------------- generators

  static ObjectNode geldigVerzoek() {
    ObjectNode v = N.objectNode();
    v.put("verzoekType", "INZAGE");
    v.put("kanaal", "EMAIL");
    v.put("ontvangenOp", OffsetDateTime.now(ZoneOffset.UTC).minusDays(1).toString());
    ObjectNode b = v.putObject("betrokkene");
    b.put("naam", "Jan de Vries");
    b.put("email", "jan.devries@voorbeeld.example");
    b.put("adres", "Dorpsstraat 1, 1234 AB Ergens");
    b.put("geboortedatum", "1985-04-17");
    b.put("dossiernummer", "D-2025/0042");
    ObjectNode vz = v.putObject("verzoeker");
    vz.put("rol", "BETROKKENE");
    v.put("omschrijving", "Welke gegevens heeft u van mij?");
    return v;
  }

  static ObjectNode geldigeMelding() {
    ObjectNode m = N.objectNode();
    m.put("omschrijving", "Overzicht naar verkeerd e-mailadres gestuurd");
    m.put("ontdektOp", OffsetDateTime.now(ZoneOffset.UTC).minusHours(2).toString());
    m.put("bron", "MEDEWERKER");
    m.put("geschatAantalBetrokkenen", 3);
    m.put("melderNaam", "Piet Medewerker");
    m.put("melderEmail", "piet@kantoor.example");
    return m;
  }

  /** A copy of the base with one field (dotted path) set by the mutation; a null value node removes the field. */
  static byte[] muteer(ObjectNode basis, String pad, JsonNode waarde) {
    ObjectNode kopie = basis.deepCopy();
    String[] delen = pad.split("\\.");
    ObjectNode ouder = kopie;
    for (int i = 0; i < delen.length - 1; i++) {
      ouder = (ObjectNode) ouder.get(delen[i]);
    }
    if (waarde == null) {
      ouder.remove(delen[delen.length - 1]);
    } else {
      ouder.set(delen[delen.length - 1], waarde);
    }
    return schrijf(kopie);
  }

  /** The base with the string field's value replaced by raw bytes (not valid UTF-8) in the JSON text. */
  static byte[] metBytes(ObjectNode basis, String pad, byte[] rauw) {
    String merk = "@@MERK@@";
    String tekst = new String(muteer(basis, pad, N.textNode("Jan" + merk)), StandardCharsets.UTF_8);
    int i = tekst.indexOf(merk);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(tekst.substring(0, i).getBytes(StandardCharsets.UTF_8));
    out.writeBytes(rauw);
    out.writeBytes(tekst.substring(i + merk.length()).getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  static byte[] schrijf(JsonNode n) {
    try {
      return JSON.writeValueAsBytes(n);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String tijd(OffsetDateTime t) {
    return t.toString();
  }

  /** Wrong JSON types for a field that expects a string, a date or an enum. */
  static List<JsonNode> verkeerdeTypen() {
    ArrayNode lijst = N.arrayNode().add("a").add(1);
    return List.of(lijst, N.objectNode().put("x", 1), N.arrayNode());
  }

  static List<Invoer> apiVerzoeken() {
    String pad = "/api/verzoeken";
    ObjectNode basis = geldigVerzoek();
    List<Invoer> l = new ArrayList<>();
    Consumer<Object[]> add = a -> l.add(new Invoer((String) a[0], pad, "application/json", (byte[]) a[1],
        (String) a[2]));
    // required fields missing or blank
    for (String veld : List.of("verzoekType", "kanaal", "betrokkene", "betrokkene.naam", "omschrijving")) {
      String naam = veld.equals("betrokkene") ? "betrokkene.naam" : veld;
      add.accept(new Object[] {"missing " + veld, muteer(basis, veld, null), naam});
      add.accept(new Object[] {"null " + veld, muteer(basis, veld, N.nullNode()), naam});
    }
    for (String veld : List.of("betrokkene.naam", "omschrijving")) {
      add.accept(new Object[] {"empty " + veld, muteer(basis, veld, N.textNode("")), veld});
      add.accept(new Object[] {"blank " + veld, muteer(basis, veld, N.textNode("   \t ")), veld});
    }
    ObjectNode zonderContact = basis.deepCopy();
    ((ObjectNode) zonderContact.get("betrokkene")).remove(List.of("email", "adres"));
    add.accept(new Object[] {"no e-mail and no address", schrijf(zonderContact), "betrokkene.email"});
    // wrong types
    for (String veld : List.of("verzoekType", "kanaal", "ontvangenOp", "betrokkene", "betrokkene.naam",
        "betrokkene.email", "betrokkene.adres", "betrokkene.geboortedatum", "betrokkene.dossiernummer",
        "verzoeker", "verzoeker.rol", "omschrijving")) {
      for (JsonNode fout : verkeerdeTypen()) {
        if (fout.isObject() && (veld.equals("betrokkene") || veld.equals("verzoeker"))) {
          continue; // an object is the right type there
        }
        add.accept(new Object[] {"wrong type " + fout.getNodeType() + " for " + veld, muteer(basis, veld, fout),
            veld});
      }
    }
    for (String veld : List.of("verzoekType", "kanaal", "verzoeker.rol")) {
      add.accept(new Object[] {"unknown value for " + veld, muteer(basis, veld, N.textNode("ONZIN")), veld});
      add.accept(new Object[] {"lower-case value for " + veld, muteer(basis, veld, N.textNode("inzage")), veld});
      add.accept(new Object[] {"index out of range for " + veld, muteer(basis, veld, N.numberNode(99)), veld});
    }
    // a request passed on by a processor names a processor of the register and when it received it (PH-ORG-05 §8)
    String gisteren = OffsetDateTime.now(ZoneOffset.UTC).minusDays(2).toString();
    ObjectNode viaVerwerker = basis.deepCopy().put("kanaal", "VERWERKER");
    add.accept(new Object[] {"processor request without processor", schrijf(viaVerwerker.deepCopy()
        .put("verwerkerOntvangenOp", gisteren)), "verwerker"});
    add.accept(new Object[] {"processor request from a processor not in the register", schrijf(viaVerwerker
        .deepCopy().put("verwerker", "Onbekende Verwerker BV").put("verwerkerOntvangenOp", gisteren)), "verwerker"});
    add.accept(new Object[] {"processor request without the processor's date of receipt", schrijf(viaVerwerker
        .deepCopy().put("verwerker", "Print- en verzendhuis")), "verwerkerOntvangenOp"});
    add.accept(new Object[] {"processor received it after the office", schrijf(viaVerwerker.deepCopy()
        .put("verwerker", "Print- en verzendhuis").put("verwerkerOntvangenOp",
            OffsetDateTime.now(ZoneOffset.UTC).minusHours(1).toString())), "verwerkerOntvangenOp"});
    add.accept(new Object[] {"processor named on an e-mail request", schrijf(basis.deepCopy()
        .put("verwerker", "Print- en verzendhuis")), "verwerker"});
    // huge strings
    for (String veld : List.of("betrokkene.naam", "betrokkene.email", "betrokkene.adres", "omschrijving")) {
      add.accept(new Object[] {"1 MB in " + veld, muteer(basis, veld, N.textNode(MEGABYTE)), veld});
    }
    add.accept(new Object[] {"1 MB in dossiernummer", muteer(basis, "betrokkene.dossiernummer",
        N.textNode(MEGABYTE)), "betrokkene.dossiernummer"});
    add.accept(new Object[] {"201 characters in naam", muteer(basis, "betrokkene.naam",
        N.textNode("J".repeat(201))), "betrokkene.naam"});
    // invalid UTF-8 and control characters
    for (byte[] rauw : GEEN_UTF8) {
      for (String veld : List.of("betrokkene.naam", "betrokkene.adres", "omschrijving")) {
        add.accept(new Object[] {"invalid UTF-8 " + hex(rauw) + " in " + veld, metBytes(basis, veld, rauw), null});
      }
    }
    for (String teken : List.of("\u0000", "\u0007", "\u001b[31m", "\uFFFD", "\uFEFF")) {
      for (String veld : List.of("betrokkene.naam", "betrokkene.adres", "omschrijving")) {
        add.accept(new Object[] {"control character U+" + Integer.toHexString(teken.charAt(0)) + " in " + veld,
            muteer(basis, veld, N.textNode("Jan" + teken + "Vries")), veld});
      }
    }
    // script and markup in names and the address
    for (String script : List.of("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "Jan<b>",
        "\"><svg/onload=alert(1)>")) {
      add.accept(new Object[] {"script in naam: " + script, muteer(basis, "betrokkene.naam", N.textNode(script)),
          "betrokkene.naam"});
      add.accept(new Object[] {"script in adres: " + script, muteer(basis, "betrokkene.adres", N.textNode(script)),
          "betrokkene.adres"});
    }
    add.accept(new Object[] {"name without letters", muteer(basis, "betrokkene.naam", N.textNode("12345")),
        "betrokkene.naam"});
    add.accept(new Object[] {"name with a newline", muteer(basis, "betrokkene.naam", N.textNode("Jan\nVries")),
        "betrokkene.naam"});
    // e-mail addresses
    for (String email : List.of("geen-adres", "jan@", "@voorbeeld.nl", "jan@@voorbeeld.nl", "jan@voorbeeld",
        "jan de vries@voorbeeld.nl", "jan@voorbeeld.nl\nBcc: x@y.nl", "<jan@voorbeeld.nl>")) {
      add.accept(new Object[] {"bad e-mail " + email.replace("\n", "\\n"), muteer(basis, "betrokkene.email",
          N.textNode(email)), "betrokkene.email"});
    }
    add.accept(new Object[] {"bad dossiernummer", muteer(basis, "betrokkene.dossiernummer",
        N.textNode("D-1; DROP TABLE avg_verzoek")), "betrokkene.dossiernummer"});
    // dates
    OffsetDateTime nu = OffsetDateTime.now(ZoneOffset.UTC);
    for (OffsetDateTime t : List.of(nu.plusDays(1), nu.plusYears(100), nu.minusYears(2), nu.minusYears(200),
        OffsetDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC))) {
      add.accept(new Object[] {"ontvangenOp " + t, muteer(basis, "ontvangenOp", N.textNode(tijd(t))),
          "ontvangenOp"});
    }
    for (String t : List.of("gisteren", "2026-13-45T10:00:00Z", "2026-02-30T10:00:00+01:00", "31-12-2025",
        "+999999999-12-31T23:59:59Z")) {
      add.accept(new Object[] {"unreadable ontvangenOp " + t, muteer(basis, "ontvangenOp", N.textNode(t)),
          "ontvangenOp"});
    }
    // tomorrow as the office counts days (Amsterdam): in UTC's last hour of the day "UTC date + 1" is already today
    String morgenInAmsterdam = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")).plusDays(1).toString();
    for (String d : List.of(morgenInAmsterdam, "2999-01-01", "1850-06-01", "0001-01-01")) {
      add.accept(new Object[] {"geboortedatum " + d, muteer(basis, "betrokkene.geboortedatum", N.textNode(d)),
          "betrokkene.geboortedatum"});
    }
    for (String d : List.of("1985-02-30", "17-04-1985", "morgen", "1985-4-17")) {
      add.accept(new Object[] {"unreadable geboortedatum " + d, muteer(basis, "betrokkene.geboortedatum",
          N.textNode(d)), "betrokkene.geboortedatum"});
    }
    // a third party without its own details
    ObjectNode derde = basis.deepCopy();
    ((ObjectNode) derde.get("verzoeker")).put("rol", "GEMACHTIGDE");
    add.accept(new Object[] {"authorised representative without name", schrijf(derde), "verzoeker.naam"});
    ObjectNode derde2 = derde.deepCopy();
    ((ObjectNode) derde2.get("verzoeker")).put("naam", "<script>x</script>");
    add.accept(new Object[] {"representative with script in name", schrijf(derde2), "verzoeker.naam"});
    // broken bodies
    for (String kapot : List.of("", "null", "[]", "\"tekst\"", "42", "{", "{\"verzoekType\":", "niet json",
        "{\"verzoekType\":\"INZAGE\",}", "{'verzoekType':'INZAGE'}", "[".repeat(5000) + "]".repeat(5000))) {
      add.accept(new Object[] {"broken body " + kapot.substring(0, Math.min(20, kapot.length())),
          kapot.getBytes(StandardCharsets.UTF_8), null});
    }
    // not here: a body in UTF-16 or UTF-32 is valid JSON (RFC 8259 readers detect it) and is accepted
    return l;
  }

  static List<Invoer> apiDatalekken() {
    String pad = "/api/datalekken";
    ObjectNode basis = geldigeMelding();
    List<Invoer> l = new ArrayList<>();
    Consumer<Object[]> add = a -> l.add(new Invoer((String) a[0], pad, "application/json", (byte[]) a[1],
        (String) a[2]));
    for (String veld : List.of("omschrijving", "ontdektOp", "bron")) {
      add.accept(new Object[] {"missing " + veld, muteer(basis, veld, null), veld});
      add.accept(new Object[] {"null " + veld, muteer(basis, veld, N.nullNode()), veld});
    }
    for (String veld : List.of("omschrijving", "ontdektOp", "bron", "verwerker", "geschatAantalBetrokkenen",
        "melderNaam", "melderEmail", "getroffenSystemen", "getroffenGegevens", "verwerkerOntdektOp")) {
      for (JsonNode fout : verkeerdeTypen()) {
        add.accept(new Object[] {"wrong type " + fout.getNodeType() + " for " + veld, muteer(basis, veld, fout),
            veld});
      }
    }
    for (String waarde : List.of("veel", "1e99", "-1", "2147483648", "3.5")) {
      JsonNode n = waarde.equals("veel") ? N.textNode(waarde) : N.numberNode(new java.math.BigDecimal(waarde));
      add.accept(new Object[] {"geschatAantalBetrokkenen " + waarde, muteer(basis, "geschatAantalBetrokkenen", n),
          "geschatAantalBetrokkenen"});
    }
    for (String veld : List.of("omschrijving", "verwerker", "melderNaam", "melderEmail", "getroffenSystemen",
        "getroffenGegevens")) {
      add.accept(new Object[] {"1 MB in " + veld, muteer(basis, veld, N.textNode(MEGABYTE)), veld});
    }
    for (byte[] rauw : GEEN_UTF8) {
      for (String veld : List.of("omschrijving", "melderNaam")) {
        add.accept(new Object[] {"invalid UTF-8 " + hex(rauw) + " in " + veld, metBytes(basis, veld, rauw), null});
      }
    }
    add.accept(new Object[] {"unknown bron", muteer(basis, "bron", N.textNode("INTERN")), "bron"});
    add.accept(new Object[] {"bron index out of range", muteer(basis, "bron", N.numberNode(99)), "bron"});
    ObjectNode verwerker = basis.deepCopy().put("bron", "VERWERKER");
    add.accept(new Object[] {"processor without name", schrijf(verwerker), "verwerker"});
    add.accept(new Object[] {"processor not in the register of processors", schrijf(verwerker.deepCopy()
        .put("verwerker", "Onbekende Verwerker BV").put("verwerkerOntdektOp",
            OffsetDateTime.now(ZoneOffset.UTC).minusDays(2).toString())), "verwerker"});
    add.accept(new Object[] {"processor without the moment it discovered the breach", schrijf(verwerker.deepCopy()
        .put("verwerker", "Print- en verzendhuis")), "verwerkerOntdektOp"});
    add.accept(new Object[] {"processor discovery without processor", muteer(basis, "verwerkerOntdektOp",
        N.textNode(OffsetDateTime.now(ZoneOffset.UTC).minusHours(3).toString())), "verwerkerOntdektOp"});
    for (String email : List.of("geen-adres", "jan@", "a b@c.nl", "x@y")) {
      add.accept(new Object[] {"bad e-mail " + email, muteer(basis, "melderEmail", N.textNode(email)),
          "melderEmail"});
    }
    OffsetDateTime nu = OffsetDateTime.now(ZoneOffset.UTC);
    for (OffsetDateTime t : List.of(nu.plusHours(1), nu.plusYears(50), nu.minusYears(11), nu.minusYears(500))) {
      add.accept(new Object[] {"ontdektOp " + t, muteer(basis, "ontdektOp", N.textNode(tijd(t))), "ontdektOp"});
    }
    // "1717228800" is no epoch-seconds moment here (api.StrikteJson)
    for (String t : List.of("gisteren", "2026-02-30T10:00:00Z", "2026-06-01", "1 juni", "1717228800")) {
      add.accept(new Object[] {"unreadable ontdektOp " + t, muteer(basis, "ontdektOp", N.textNode(t)),
          "ontdektOp"});
    }
    add.accept(new Object[] {"ontdektOp as epoch seconds", muteer(basis, "ontdektOp",
        N.numberNode(nu.minusHours(2).toEpochSecond())), "ontdektOp"});
    for (String kapot : List.of("", "null", "[]", "{", "niet json", "{\"omschrijving\":\"x\",}")) {
      add.accept(new Object[] {"broken body " + kapot, kapot.getBytes(StandardCharsets.UTF_8), null});
    }
    return l;
  }

  static List<Invoer> websiteformulier(long maxBijlage) {
    List<Invoer> l = new ArrayList<>();
    Consumer<Object[]> add = a -> l.add(new Invoer((String) a[0], "/verzoek", Formulierdata.CONTENT_TYPE,
        ((Formulierdata) a[1]).body(), (String) a[2]));
    for (String veld : List.of("verzoekType", "naam", "email", "omschrijving", "akkoord")) {
      add.accept(new Object[] {"missing " + veld, Formulierdata.geldig().zonder(veld), veld});
      add.accept(new Object[] {"blank " + veld, Formulierdata.geldig().met(veld, "   "), veld});
    }
    add.accept(new Object[] {"unknown verzoekType", Formulierdata.geldig().met("verzoekType", "ALLES"),
        "verzoekType"});
    add.accept(new Object[] {"unknown verzoekerRol", Formulierdata.geldig().met("verzoekerRol", "KONING"),
        "verzoekerRol"});
    add.accept(new Object[] {"akkoord nee", Formulierdata.geldig().met("akkoord", "nee"), "akkoord"});
    for (String veld : List.of("naam", "email", "adres", "omschrijving", "dossiernummer")) {
      add.accept(new Object[] {"1 MB in " + veld, Formulierdata.geldig().met(veld, MEGABYTE), veld});
    }
    for (String script : List.of("<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
        "\"><svg/onload=alert(1)>")) {
      add.accept(new Object[] {"script in naam", Formulierdata.geldig().met("naam", script), "naam"});
      add.accept(new Object[] {"script in adres", Formulierdata.geldig().met("adres", script), "adres"});
    }
    for (String teken : List.of("\u0000", "\u0007", "\uFFFD", "\uFEFF")) {
      add.accept(new Object[] {"control character in naam", Formulierdata.geldig().met("naam", "Jan" + teken),
          "naam"});
      add.accept(new Object[] {"control character in omschrijving",
          Formulierdata.geldig().met("omschrijving", "Vraag" + teken), "omschrijving"});
    }
    for (String email : List.of("geen-adres", "jan@", "jan@voorbeeld", "a b@c.nl")) {
      add.accept(new Object[] {"bad e-mail " + email, Formulierdata.geldig().met("email", email), "email"});
    }
    String morgen = java.time.LocalDate.now().plusDays(2).toString();
    for (String d : List.of(morgen, "2999-01-01", "1850-06-01", "0001-01-01", "31-02-1985", "morgen", "1985/04/17",
        "17-04-85x")) {
      add.accept(new Object[] {"geboortedatum " + d, Formulierdata.geldig().met("geboortedatum", d),
          "geboortedatum"});
    }
    add.accept(new Object[] {"bad dossiernummer", Formulierdata.geldig().met("dossiernummer", "D-1; <b>"),
        "dossiernummer"});
    for (String rol : List.of("GEMACHTIGDE", "ADVOCAAT", "BEWINDVOERDER")) {
      add.accept(new Object[] {rol + " without own name", Formulierdata.geldig().met("verzoekerRol", rol),
          "verzoekerNaam"});
      add.accept(new Object[] {rol + " with script as own name", Formulierdata.geldig().met("verzoekerRol", rol)
          .met("verzoekerNaam", "<script>x</script>").met("verzoekerEmail", "v@voorbeeld.nl"), "verzoekerNaam"});
    }
    // uploads: disguised, empty, oversized
    add.accept(new Object[] {"executable named scan.pdf", Formulierdata.geldig()
        .bestand("scan.pdf", "application/pdf", Formulierdata.exe()), "bijlage"});
    add.accept(new Object[] {"HTML named paspoort.jpg", Formulierdata.geldig()
        .bestand("paspoort.jpg", "image/jpeg", "<html><script>alert(1)</script></html>"
            .getBytes(StandardCharsets.UTF_8)), "bijlage"});
    add.accept(new Object[] {"SVG with script named id.png", Formulierdata.geldig()
        .bestand("id.png", "image/png", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"
            .getBytes(StandardCharsets.UTF_8)), "bijlage"});
    add.accept(new Object[] {"ZIP named id.pdf", Formulierdata.geldig()
        .bestand("id.pdf", "application/pdf", new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0}), "bijlage"});
    add.accept(new Object[] {"shell script named id.jpg", Formulierdata.geldig()
        .bestand("id.jpg", "image/jpeg", "#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.UTF_8)), "bijlage"});
    add.accept(new Object[] {"empty file", Formulierdata.geldig()
        .bestand("leeg.pdf", "application/pdf", new byte[0]), "bijlage"});
    add.accept(new Object[] {"oversized PDF", Formulierdata.geldig()
        .bestand("groot.pdf", "application/pdf", Formulierdata.pdf((int) maxBijlage + 1)), "bijlage"});
    add.accept(new Object[] {"oversized PNG", Formulierdata.geldig()
        .bestand("groot.png", "image/png", Formulierdata.png((int) maxBijlage + 4096)), "bijlage"});
    return l;
  }

  /** Form submissions whose bytes are not UTF-8 (the multipart body is built by hand). */
  static List<Invoer> websiteformulierBytes() {
    List<Invoer> l = new ArrayList<>();
    for (byte[] rauw : GEEN_UTF8) {
      for (String veld : List.of("naam", "adres", "omschrijving")) {
        String merk = "@@MERK@@";
        String tekst = new String(Formulierdata.geldig().met(veld, "Jan" + merk).body(), StandardCharsets.UTF_8);
        int i = tekst.indexOf(merk);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(tekst.substring(0, i).getBytes(StandardCharsets.UTF_8));
        out.writeBytes(rauw);
        out.writeBytes(tekst.substring(i + merk.length()).getBytes(StandardCharsets.UTF_8));
        l.add(new Invoer("invalid UTF-8 " + hex(rauw) + " in " + veld, "/verzoek", Formulierdata.CONTENT_TYPE,
            out.toByteArray(), veld));
      }
    }
    return l;
  }

  static String hex(byte[] b) {
    StringBuilder s = new StringBuilder();
    for (byte x : b) {
      s.append(String.format("%02X", x));
    }
    return s.toString();
  }

  // ---------------------------------------------------------------- the test

  private MockHttpServletResponse stuur(Invoer i) throws Exception {
    limiet.wisAlles();
    var verzoek = post(i.pad()).contentType(i.contentType()).content(i.body());
    if (i.pad().equals("/verzoek")) {
      verzoek.with(csrf().asHeader()).with(r -> {
        r.setRemoteAddr("10.77." + (IP.get() / 250) + "." + (IP.getAndIncrement() % 250 + 1));
        return r;
      });
    } else {
      verzoek.with(httpBasic("coordinator", "coordinator"));
    }
    return mvc.perform(verzoek).andReturn().getResponse();
  }

  @Test
  void malformedInputIsRefusedWithAReasonAndChangesNothing() throws Exception {
    // the harness itself: a valid input through each way in is accepted, so a refusal below is the input's doing
    assertThat(stuur(new Invoer("valid", "/api/verzoeken", "application/json", schrijf(geldigVerzoek()), null))
        .getStatus()).isEqualTo(201);
    assertThat(stuur(new Invoer("valid", "/api/datalekken", "application/json", schrijf(geldigeMelding()), null))
        .getStatus()).isEqualTo(201);
    assertThat(stuur(new Invoer("valid", "/verzoek", Formulierdata.CONTENT_TYPE, Formulierdata.geldig().body(),
        null)).getStatus()).isEqualTo(302);

    List<Invoer> invoer = new ArrayList<>();
    invoer.addAll(apiVerzoeken());
    invoer.addAll(apiDatalekken());
    invoer.addAll(websiteformulier(instellingen.maxBijlage().toBytes()));
    invoer.addAll(websiteformulierBytes());
    assertThat(invoer).hasSizeGreaterThanOrEqualTo(200);

    Stand voor = stand();
    List<String> fouten = new ArrayList<>();
    for (Invoer i : invoer) {
      MockHttpServletResponse r = stuur(i);
      String body = r.getContentAsString(StandardCharsets.UTF_8);
      String wie = i.pad() + " " + i.omschrijving() + ": ";
      if (r.getStatus() >= 500) {
        fouten.add(wie + "server error " + r.getStatus());
      } else if (r.getStatus() < 400) {
        fouten.add(wie + "accepted with " + r.getStatus());
      } else if (i.pad().startsWith("/api/")) {
        JsonNode p = JSON.readTree(body);
        JsonNode velden = p.path("velden");
        if (i.veld() != null && !velden.has(i.veld())) {
          fouten.add(wie + "status " + r.getStatus() + ", does not name " + i.veld() + ": " + afgekapt(body));
        } else if (i.veld() == null && velden.isEmpty() && p.path("detail").asText().isBlank()) {
          fouten.add(wie + "status " + r.getStatus() + " without a reason: " + afgekapt(body));
        }
      } else if (r.getStatus() == 413) {
        if (!body.contains("te groot")) {
          fouten.add(wie + "413 without the Dutch reason");
        }
      } else if (!body.contains("id=\"" + i.veld() + "-fout\"")) {
        fouten.add(wie + "status " + r.getStatus() + ", no message at field " + i.veld());
      }
    }
    assertThat(fouten).as("of %d malformed inputs", invoer.size()).isEmpty();
    assertThat(stand()).as("nothing registered, started or archived").isEqualTo(voor);
  }

  private static String afgekapt(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }
}
