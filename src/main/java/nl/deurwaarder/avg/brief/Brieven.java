package nl.deurwaarder.avg.brief;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.deurwaarder.avg.kantoor.KantoorProfiel;
import org.springframework.stereotype.Service;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Writes the standard letters: the register (or breach file) and the caller's input go into the Thymeleaf template of
 * the letter type ({@code src/main/resources/brieven/}), the result is an A4 PDF. Sending is
 * {@link BriefVerzenden}'s job.
 *
 * <p>The letter's data are the file's data ({@link BriefdossierBron}) overlaid with the caller's {@code extra}
 * input: a value in {@code extra} wins. Addressee overrides: {@code briefOntvangerNaam}, {@code briefOntvangerEmail},
 * {@code briefOntvangerAdres}.
 */
@Service
public class Brieven {

  public static final String ONTVANGER_NAAM = "briefOntvangerNaam";
  public static final String ONTVANGER_EMAIL = "briefOntvangerEmail";
  public static final String ONTVANGER_ADRES = "briefOntvangerAdres";

  private final List<BriefdossierBron> bronnen;
  private final KantoorProfiel kantoor;
  private final Briefteksten teksten;
  private final PdfOpmaak opmaak;
  private final Clock clock;
  private final TemplateEngine sjablonen;

  public Brieven(List<BriefdossierBron> bronnen, KantoorProfiel kantoor, Briefteksten teksten, PdfOpmaak opmaak,
      Clock clock) {
    this.bronnen = bronnen;
    this.kantoor = kantoor;
    this.teksten = teksten;
    this.opmaak = opmaak;
    this.clock = clock;
    this.sjablonen = sjablonen();
  }

  /** A written letter: what is sent and archived. */
  public record Brief(BriefType type, String referentie, String onderwerp, String ontvangerNaam,
      String ontvangerEmail, String bestandsnaam, byte[] pdf) {
  }

  /** The letter as PDF. */
  public byte[] opstellen(BriefType type, String referentie, Map<String, Object> extra) {
    return stelOp(type, referentie, extra).pdf();
  }

  /** The letter with its subject, addressee and file name. */
  public Brief stelOp(BriefType type, String referentie, Map<String, Object> extra) {
    Map<String, Object> invoer = extra == null ? Map.of() : extra;
    BriefdossierBron bron = bron(referentie);
    Briefdossier dossier = bron.dossier(type, referentie, invoer);
    Map<String, Object> waarden = new HashMap<>(dossier.gegevens());
    invoer.forEach((k, v) -> {
      if (v != null) {
        waarden.put(k, v);
      }
    });
    BriefInvoer in = new BriefInvoer(waarden);
    List<String> ontbreekt = type.verplichteInvoer().stream().filter(k -> !in.heeft(k)).toList();
    if (!ontbreekt.isEmpty()) {
      throw new IllegalArgumentException("Brief " + type + " voor " + referentie + " mist invoer: " + ontbreekt);
    }
    String naam = in.heeft(ONTVANGER_NAAM) ? in.tekst(ONTVANGER_NAAM) : dossier.ontvangerNaam();
    // a third party named without e-mail gets its letter by post, never at the data subject's address
    String email = in.heeft(ONTVANGER_EMAIL) ? in.tekst(ONTVANGER_EMAIL)
        : in.heeft(ONTVANGER_NAAM) ? null : dossier.ontvangerEmail();
    String adres = in.heeft(ONTVANGER_ADRES) ? in.tekst(ONTVANGER_ADRES)
        : in.heeft(ONTVANGER_NAAM) ? null : dossier.ontvangerAdres();
    String onderwerp = type.onderwerp(in.tekst("verzoekNaam"));

    Context ctx = new Context();
    ctx.setVariable("kantoor", kantoor);
    ctx.setVariable("teksten", teksten);
    ctx.setVariable("invoer", in);
    ctx.setVariable("sjabloon", type.sjabloon());
    ctx.setVariable("onderwerp", onderwerp);
    ctx.setVariable("referentie", referentie);
    ctx.setVariable("datum", BriefInvoer.lang(LocalDate.now(clock.withZone(BriefInvoer.AMSTERDAM))));
    boolean aanVerzoeker = type.soort() == BriefType.Soort.VERZOEK && type != BriefType.BERICHT_ONTVANGER
        && type != BriefType.VERIFICATIE_NEGATIEF;
    ctx.setVariable("verzoekdatum", aanVerzoeker ? in.datum("ontvangenOp") : null);
    ctx.setVariable("vragenParagraaf", type != BriefType.BERICHT_ONTVANGER);
    // an organisation (art. 19 recipient) is addressed as "Geachte heer, mevrouw", a person by name
    ctx.setVariable("aanhef", naam == null || type == BriefType.BERICHT_ONTVANGER ? "Geachte heer, mevrouw,"
        : "Geachte " + naam + ",");
    ctx.setVariable("ontvangerNaam", naam);
    ctx.setVariable("ontvangerEmail", email);
    ctx.setVariable("ontvangerAdres", adres == null ? List.of() : regels(adres));
    String html = sjablonen.process("brief", ctx);
    byte[] pdf = opmaak.pdf(html);
    return new Brief(type, referentie, onderwerp, naam, email, referentie + "-" + type.sjabloon() + ".pdf", pdf);
  }

  /** The source of the file with this reference. */
  BriefdossierBron bron(String referentie) {
    return bronnen.stream().filter(b -> b.kent(referentie)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Geen brieven mogelijk voor kenmerk " + referentie));
  }

  /** Writes a line in the file's history (register), in the caller's transaction. */
  public void logBrief(String referentie, String gebruiker, String regel) {
    bron(referentie).logBrief(referentie, gebruiker, regel);
  }

  private static List<String> regels(String adres) {
    List<String> r = new ArrayList<>();
    Arrays.stream(adres.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).forEach(r::add);
    return r;
  }

  /** A template engine of its own (not Spring MVC's), reading {@code classpath:brieven/*.html}. */
  private static TemplateEngine sjablonen() {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(Brieven.class.getClassLoader());
    resolver.setPrefix("brieven/");
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(true);
    SpringTemplateEngine engine = new SpringTemplateEngine();
    engine.setTemplateResolver(resolver);
    return engine;
  }
}
