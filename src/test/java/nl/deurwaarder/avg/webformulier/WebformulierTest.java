package nl.deurwaarder.avg.webformulier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import nl.deurwaarder.avg.AvgSpringTest;
import nl.deurwaarder.avg.archief.Archief;
import nl.deurwaarder.avg.archief.Archiefstuk;
import nl.deurwaarder.avg.archief.Stuksoort;
import nl.deurwaarder.avg.kantoor.KantoorProfiel;
import nl.deurwaarder.avg.verzoek.Betrokkene;
import nl.deurwaarder.avg.verzoek.Kanaal;
import nl.deurwaarder.avg.verzoek.NieuwVerzoek;
import nl.deurwaarder.avg.verzoek.Verzoek;
import nl.deurwaarder.avg.verzoek.VerzoekRegister;
import nl.deurwaarder.avg.verzoek.VerzoekType;
import nl.deurwaarder.avg.verzoek.Verzoeker;
import nl.deurwaarder.avg.verzoek.VerzoekerRol;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.util.HtmlUtils;

/**
 * The website form over Spring MockMvc with the real security chain and the real receiving filter: every rule, and
 * for every refusal that nothing was registered, started or archived.
 */
@AvgSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebformulierTest {

  private static final AtomicInteger IP = new AtomicInteger(1);

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
  RuntimeService runtimeService;
  @Autowired
  HistoryService historyService;
  @Autowired
  VerzoekRegister register;
  @Autowired
  Archief archief;
  @Autowired
  WebformulierIntake intake;
  @Autowired
  KantoorProfiel kantoor;
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

  /** What a refused submission must leave untouched. */
  private record Stand(long verzoeken, long processen, long archiefstukken) {
  }

  private Stand stand() {
    return new Stand(
        jdbc.queryForObject("SELECT COUNT(*) FROM avg_verzoek", Long.class),
        historyService.createHistoricProcessInstanceQuery().count(),
        jdbc.queryForObject("SELECT COUNT(*) FROM avg_archiefstuk", Long.class));
  }

  /** As Thymeleaf escapes text in a UTF-8 page: only the markup characters. */
  private static String esc(String s) {
    return HtmlUtils.htmlEscape(s, "UTF-8");
  }

  private static RequestPostProcessor vanaf(String ip) {
    return request -> {
      request.setRemoteAddr(ip);
      return request;
    };
  }

  private static String nieuwIp() {
    return "10.9." + (IP.get() / 250) + "." + (IP.getAndIncrement() % 250 + 1);
  }

  private MockHttpServletRequestBuilder verstuur(Formulierdata data) {
    return post("/verzoek").contentType(Formulierdata.CONTENT_TYPE).content(data.body())
        .with(csrf().asHeader()).with(vanaf(nieuwIp()));
  }

  private MockHttpServletResponse geweigerd(Formulierdata data, int status) throws Exception {
    Stand voor = stand();
    MockHttpServletResponse r = mvc.perform(verstuur(data)).andReturn().getResponse();
    assertThat(r.getStatus()).isEqualTo(status);
    assertThat(stand()).as("nothing registered, started or archived").isEqualTo(voor);
    return r;
  }

  @Test
  void formShowsEveryFieldWithLabelsTheCsrfTokenAndTheOfficesDetails() throws Exception {
    MockHttpServletResponse r = mvc.perform(get("/verzoek")).andReturn().getResponse();
    assertThat(r.getStatus()).isEqualTo(200);
    String html = r.getContentAsString();
    assertThat(html).contains("<html lang=\"nl\"", "name=\"viewport\"", "name=\"_csrf\"",
        "enctype=\"multipart/form-data\"", esc(kantoor.naam()), kantoor.privacyMailbox(),
        "Schrijf uw verzoek in het <span>" + kantoor.toegestaneTalen() + "</span>",
        "burgerservicenummer (BSN) en uw pasfoto onzichtbaar", "Dit nummer staat op onze brieven");
    for (String veld : List.of("naam", "email", "adres", "geboortedatum", "dossiernummer", "verzoekerRol",
        "verzoekerNaam", "verzoekerEmail", "verzoekerOrganisatie", "omschrijving", "bijlage", "akkoord")) {
      assertThat(html).as(veld).contains("for=\"" + veld + "\"", "id=\"" + veld + "\"");
    }
    for (VerzoekType type : VerzoekType.values()) {
      assertThat(html).contains("value=\"" + type.name() + "\"", "for=\"verzoekType-" + type.name() + "\"");
    }
    for (VerzoekerRol rol : VerzoekerRol.values()) {
      assertThat(html).contains("<option value=\"" + rol.name() + "\"");
    }
    assertThat(html).doesNotContain("<script", "foutsamenvatting\"");
    assertThat(r.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
  }

  @Test
  void validSubmissionRegistersOneRequestStartsOneProcessAndArchivesTheIdCopy() throws Exception {
    Stand voor = stand();
    Formulierdata data = Formulierdata.geldig()
        .bestand("C:\\Users\\jan\\Mijn paspoort <kopie>.PNG", "application/octet-stream", Formulierdata.png(2048));
    MvcResult result = mvc.perform(verstuur(data)).andReturn();

    assertThat(result.getResponse().getStatus()).isEqualTo(302);
    assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/verzoek/ontvangen");
    var bewijs = (WebformulierController.Ontvangstbewijs) result.getFlashMap().get("ontvangen");
    assertThat(bewijs.referentie()).matches("AVG-\\d{4}-\\d{4}");
    assertThat(stand()).isEqualTo(new Stand(voor.verzoeken() + 1, voor.processen() + 1,
        voor.archiefstukken() + 2));

    Verzoek v = register.haal(bewijs.referentie());
    assertThat(v.kanaal()).isEqualTo(Kanaal.WEBFORMULIER);
    assertThat(v.verzoekType()).isEqualTo(VerzoekType.INZAGE);
    assertThat(v.geregistreerdDoor()).isEqualTo("website");
    assertThat(v.betrokkene().naam()).isEqualTo("Jan de Vries");
    assertThat(v.betrokkene().email()).isEqualTo("jan.devries@example.nl");
    assertThat(v.betrokkene().dossiernummer()).isEqualTo("D-2025/0042");
    assertThat(v.verzoekerRol()).isEqualTo(VerzoekerRol.BETROKKENE);
    assertThat(bewijs.uiterlijk()).isEqualTo(WebformulierController.DATUM.format(v.uitersteReactiedatum()))
        .matches("\\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november"
            + "|december) \\d{4}");

    ProcessInstance pi = runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(bewijs.referentie()).singleResult();
    assertThat(pi).isNotNull();
    assertThat(pi.getProcessDefinitionId()).startsWith("avg-inzageverzoek:");
    assertThat(runtimeService.getVariable(pi.getId(), "kanaal")).isEqualTo("WEBFORMULIER");

    List<Archiefstuk> stukken = archief.stukken(bewijs.referentie());
    assertThat(stukken).extracting(Archiefstuk::soort)
        .containsExactlyInAnyOrder(Stuksoort.VERZOEK, Stuksoort.IDENTITEITSBEWIJS);
    Archiefstuk id = stukken.stream().filter(s -> s.soort() == Stuksoort.IDENTITEITSBEWIJS).findFirst().orElseThrow();
    assertThat(id.contentType()).isEqualTo("image/png");
    assertThat(id.bestandsnaam()).isEqualTo("Mijn paspoort_kopie_.png");
    assertThat(archief.inhoud(id.id())).isEqualTo(Formulierdata.png(2048));

    // the answer page (GET after the redirect) shows the reference, the deadline and what happens next
    String pagina = mvc.perform(get("/verzoek/ontvangen").flashAttrs(result.getFlashMap())).andReturn()
        .getResponse().getContentAsString();
    assertThat(pagina).contains(bewijs.referentie(), "uiterlijk <strong>" + bewijs.uiterlijk() + "</strong>",
        "binnen 3 werkdagen", "meer informatie");
  }

  @Test
  void requestForSomeoneElseNeedsTheRequestersNameAndEmailAndAnswersThem() throws Exception {
    MockHttpServletResponse r = geweigerd(Formulierdata.geldig().met("verzoekerRol", "BEWINDVOERDER")
        .met("email", ""), 422);
    assertThat(r.getContentAsString()).contains("Vul uw eigen naam in", "Vul uw eigen e-mailadres in")
        .doesNotContain("Vul uw e-mailadres in.");

    Stand voor = stand();
    MvcResult result = mvc.perform(verstuur(Formulierdata.geldig().met("verzoekType", "VERWIJDERING")
        .met("verzoekerRol", "BEWINDVOERDER").met("email", "").met("verzoekerNaam", "B. Ewind")
        .met("verzoekerEmail", "bewind@example.nl").met("verzoekerOrganisatie", "Bewind BV"))).andReturn();
    assertThat(result.getResponse().getStatus()).isEqualTo(302);
    var bewijs = (WebformulierController.Ontvangstbewijs) result.getFlashMap().get("ontvangen");
    assertThat(bewijs.antwoordNaar()).isEqualTo("bewind@example.nl");
    assertThat(stand().verzoeken()).isEqualTo(voor.verzoeken() + 1);
    Verzoek v = register.haal(bewijs.referentie());
    assertThat(v.verzoekerRol()).isEqualTo(VerzoekerRol.BEWINDVOERDER);
    assertThat(v.verzoekerOrganisatie()).isEqualTo("Bewind BV");
    assertThat(v.verzoekType()).isEqualTo(VerzoekType.VERWIJDERING);
  }

  @Test
  void reloadingTheAnswerPageSubmitsNothing() throws Exception {
    Stand voor = stand();
    MockHttpServletResponse r = mvc.perform(get("/verzoek/ontvangen")).andReturn().getResponse();
    assertThat(r.getStatus()).isEqualTo(200);
    assertThat(r.getContentAsString()).contains("niet meer beschikbaar", "niet nog een keer te versturen");
    assertThat(stand()).isEqualTo(voor);
  }

  static Stream<Arguments> ongeldig() {
    return Stream.of(
        Arguments.of("naam leeg", "naam", "", "naam", "Vul de naam in"),
        Arguments.of("e-mail leeg", "email", "", "email", "Vul uw e-mailadres in"),
        Arguments.of("e-mail ongeldig", "email", "jan@", "email", "Dit is geen geldig e-mailadres"),
        Arguments.of("e-mail met spatie", "email", "jan de vries@example.nl", "email", "geen geldig e-mailadres"),
        Arguments.of("geen soort", "verzoekType", "", "verzoekType", "Kies wat u wilt vragen"),
        Arguments.of("onbekende soort", "verzoekType", "ALLES", "verzoekType", "Kies wat u wilt vragen"),
        Arguments.of("onbekende rol", "verzoekerRol", "KONING", "verzoekerRol", "voor uzelf doet of voor iemand"),
        Arguments.of("omschrijving leeg", "omschrijving", "  ", "omschrijving", "Schrijf kort wat u van ons vraagt"),
        Arguments.of("omschrijving te lang", "omschrijving", "x".repeat(10_001), "omschrijving", "te lang"),
        Arguments.of("niet akkoord", "akkoord", "", "akkoord", "naar waarheid"),
        Arguments.of("geboortedatum in de toekomst", "geboortedatum", "2999-01-01", "geboortedatum",
            "ligt in de toekomst"),
        Arguments.of("geboortedatum ver terug", "geboortedatum", "1850-05-01", "geboortedatum", "voor 1900"),
        Arguments.of("geboortedatum bestaat niet", "geboortedatum", "31-02-1990", "geboortedatum",
            "dag-maand-jaar"),
        Arguments.of("geboortedatum geen datum", "geboortedatum", "gisteren", "geboortedatum", "dag-maand-jaar"),
        Arguments.of("dossiernummer met opmaak", "dossiernummer", "<b>1</b>", "dossiernummer",
            "Een dossiernummer bestaat uit"),
        Arguments.of("naam te lang", "naam", "a".repeat(201), "naam", "te lang"),
        Arguments.of("naam zonder letter", "naam", "12345", "naam", "ten minste één letter"),
        Arguments.of("adres met stuurteken", "adres", "Straat 1\u0007", "adres", "onleesbare tekens"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ongeldig")
  void invalidFieldIsRefusedWithADutchMessageNextToItAndKeepsTheInput(String geval, String veld, String waarde,
      String foutveld, String melding) throws Exception {
    Formulierdata data = Formulierdata.geldig().met(veld, waarde);
    String html = geweigerd(data, 422).getContentAsString();
    String veldId = foutveld.equals("verzoekType") ? "verzoekType" : foutveld;
    assertThat(html).contains("class=\"foutsamenvatting\"");
    // the message stands next to the field, in the element the field points to
    assertThat(html).containsPattern(java.util.regex.Pattern.quote("id=\"" + veldId + "-fout\"><span "
        + "class=\"visueel-verborgen\">Fout: </span><span>") + "[^<]*" + java.util.regex.Pattern.quote(esc(melding)));
    // the summary links to the field
    assertThat(html).contains("href=\"#" + (foutveld.equals("verzoekType") ? "verzoekType-INZAGE" : foutveld) + "\"");
    if (!foutveld.equals("verzoekType") && !foutveld.equals("akkoord") && !foutveld.equals("verzoekerRol")) {
      assertThat(html).containsPattern("aria-describedby=\"[^\"]*" + foutveld + "-fout\"");
      assertThat(html).contains("aria-invalid=\"true\"");
    }
    // never lose input: the other fields are still filled in
    for (String ander : List.of("naam", "email", "dossiernummer", "omschrijving")) {
      if (!ander.equals(veld)) {
        assertThat(html).as(ander).contains(esc(data.veld(ander)));
      }
    }
  }

  @Test
  void scriptInTheNameIsRefusedAndNeverEchoedUnescaped() throws Exception {
    String aanval = "<script>alert('x')</script>Jan";
    String html = geweigerd(Formulierdata.geldig().met("naam", aanval).met("omschrijving", "<img src=x onerror=alert(1)>"),
        422).getContentAsString();
    assertThat(html).contains("tekens die niet in een naam horen")
        .doesNotContain("<script>alert", "<img src=x")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;Jan");
  }

  @Test
  void executableRenamedToPdfIsRefused() throws Exception {
    String html = geweigerd(Formulierdata.geldig().bestand("paspoort.pdf", "application/pdf", Formulierdata.exe()),
        422).getContentAsString();
    assertThat(html).contains("id=\"bijlage-fout\"", "Dit bestand kunnen wij niet gebruiken. Stuur een PDF, JPG of PNG.",
        "Jan de Vries", "jan.devries@example.nl");
  }

  @Test
  void textFileAndEmptyFileAreRefused() throws Exception {
    assertThat(geweigerd(Formulierdata.geldig().bestand("id.png", "image/png", "hallo".getBytes()), 422)
        .getContentAsString()).contains("Dit bestand kunnen wij niet gebruiken");
    assertThat(geweigerd(Formulierdata.geldig().bestand("id.png", "image/png", new byte[0]), 422)
        .getContentAsString()).contains("Het bestand is leeg");
  }

  @Test
  void noFileChosenIsFine() throws Exception {
    Stand voor = stand();
    MvcResult result = mvc.perform(verstuur(Formulierdata.geldig())).andReturn();
    assertThat(result.getResponse().getStatus()).isEqualTo(302);
    var bewijs = (WebformulierController.Ontvangstbewijs) result.getFlashMap().get("ontvangen");
    assertThat(archief.stukken(bewijs.referentie())).extracting(Archiefstuk::soort).containsExactly(Stuksoort.VERZOEK);
    assertThat(stand().verzoeken()).isEqualTo(voor.verzoeken() + 1);
  }

  @Test
  void fileJustOverTheLimitAndA20MbFileAreRefusedWithTheTypedFieldsKept() throws Exception {
    int max = (int) instellingen.maxBijlage().toBytes();
    for (int grootte : new int[] {max + 1, 20 * 1024 * 1024}) {
      String html = geweigerd(Formulierdata.geldig().met("omschrijving", "Mijn vraag blijft staan")
          .bestand("scan.pdf", "application/pdf", Formulierdata.pdf(grootte)), 422).getContentAsString();
      assertThat(html).as("size " + grootte).contains("Het bestand is te groot", "hoogstens 5 MB",
          "Mijn vraag blijft staan", "Jan de Vries");
    }
  }

  @Test
  void fileOfExactlyTheLimitIsAccepted() throws Exception {
    int max = (int) instellingen.maxBijlage().toBytes();
    MvcResult result = mvc.perform(verstuur(Formulierdata.geldig()
        .bestand("scan.pdf", "application/pdf", Formulierdata.pdf(max)))).andReturn();
    assertThat(result.getResponse().getStatus()).isEqualTo(302);
  }

  @Test
  void twoFilesAreRefused() throws Exception {
    // a crafted request: the form has one file field
    Formulierdata data = Formulierdata.geldig().bestand("a.png", "image/png", Formulierdata.png(100));
    byte[] body = data.body();
    String extra = "--" + Formulierdata.GRENS + "\r\nContent-Disposition: form-data; name=\"bijlage\"; "
        + "filename=\"b.png\"\r\nContent-Type: image/png\r\n\r\n";
    byte[] tweede = new String(body, java.nio.charset.StandardCharsets.ISO_8859_1)
        .replace("--" + Formulierdata.GRENS + "--", extra + "x\r\n--" + Formulierdata.GRENS + "--")
        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    Stand voor = stand();
    MockHttpServletResponse r = mvc.perform(post("/verzoek").contentType(Formulierdata.CONTENT_TYPE).content(tweede)
        .with(csrf().asHeader()).with(vanaf(nieuwIp()))).andReturn().getResponse();
    assertThat(r.getStatus()).isEqualTo(422);
    assertThat(r.getContentAsString()).contains("Stuur één bestand mee");
    assertThat(stand()).isEqualTo(voor);
  }

  @Test
  void bodyLargerThanTheReadLimitGets413WithADutchPage() throws Exception {
    int teveel = (int) instellingen.maxVerzoek().toBytes() + 1024;
    MockHttpServletResponse r = geweigerd(Formulierdata.geldig()
        .bestand("scan.pdf", "application/pdf", Formulierdata.pdf(teveel)), 413);
    assertThat(r.getContentAsString()).contains("Het bestand is te groot", "terugknop");
  }

  @Test
  void withoutCsrfTokenNothingHappens() throws Exception {
    Stand voor = stand();
    Formulierdata data = Formulierdata.geldig();
    assertThat(mvc.perform(post("/verzoek").contentType(Formulierdata.CONTENT_TYPE).content(data.body())
        .with(vanaf(nieuwIp()))).andReturn().getResponse().getStatus()).isEqualTo(403);
    assertThat(mvc.perform(post("/verzoek").contentType(Formulierdata.CONTENT_TYPE)
        .content(data.met("_csrf", "vervalst").body()).with(vanaf(nieuwIp()))).andReturn().getResponse()
        .getStatus()).isEqualTo(403);
    assertThat(stand()).isEqualTo(voor);
  }

  @Test
  void tooManySubmissionsFromOneAddressGet429() throws Exception {
    String ip = nieuwIp();
    Formulierdata leeg = new Formulierdata().met("naam", "");
    for (int i = 0; i < instellingen.maxPerClient(); i++) {
      assertThat(mvc.perform(post("/verzoek").contentType(Formulierdata.CONTENT_TYPE).content(leeg.body())
          .with(csrf().asHeader()).with(vanaf(ip))).andReturn().getResponse().getStatus()).isEqualTo(422);
    }
    Stand voor = stand();
    MockHttpServletResponse r = mvc.perform(post("/verzoek").contentType(Formulierdata.CONTENT_TYPE)
        .content(Formulierdata.geldig().body()).with(csrf().asHeader()).with(vanaf(ip))).andReturn().getResponse();
    assertThat(r.getStatus()).isEqualTo(429);
    assertThat(r.getHeader("Retry-After")).isEqualTo(String.valueOf(instellingen.clientVenster().toSeconds()));
    assertThat(r.getContentAsString()).contains("Te veel verzoeken", "Probeer het over 15 minuten opnieuw");
    assertThat(stand()).isEqualTo(voor);
    // another address may still submit
    assertThat(mvc.perform(verstuur(Formulierdata.geldig())).andReturn().getResponse().getStatus()).isEqualTo(302);
  }

  @Test
  void whenTheIdCopyCannotBeStoredNothingIsRegistered() {
    Stand voor = stand();
    NieuwVerzoek nieuw = new NieuwVerzoek(VerzoekType.INZAGE, Kanaal.WEBFORMULIER, null,
        new Betrokkene("Piet Fout", "piet@example.nl", null, null, null),
        new Verzoeker(VerzoekerRol.BETROKKENE, null, null, null), "Inzage graag");
    // a content type longer than the archive's column: the archive insert fails after the registration
    var kapot = new WebformulierIntake.Identiteitsbewijs("id.png", "image/" + "x".repeat(200), new byte[] {1});
    assertThatThrownBy(() -> intake.registreer(nieuw, "origineel", kapot)).isInstanceOf(RuntimeException.class);
    assertThat(stand()).isEqualTo(voor);
  }
}
