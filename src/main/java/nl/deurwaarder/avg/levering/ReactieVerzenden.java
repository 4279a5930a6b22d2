package nl.deurwaarder.avg.levering;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import nl.deurwaarder.avg.brief.BriefType;
import nl.deurwaarder.avg.brief.BriefVerzenden;
import nl.deurwaarder.avg.brief.Mailvorm;
import nl.deurwaarder.avg.brief.Verzendregister.Verzending;
import nl.deurwaarder.avg.brief.Verzendstatus;
import nl.deurwaarder.avg.kantoor.KantoorProfiel;
import nl.deurwaarder.avg.levering.Levering.Codekanaal;
import nl.deurwaarder.avg.levering.Levering.Verzendwijze;
import nl.deurwaarder.avg.verzoek.VerzoekregisterInProces;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * BPMN step "Reactie verzenden" for a secure delivery (asyncBefore, retried), after "Pakket klaarzetten en code
 * verzenden": mails the reply letter of that step through {@link BriefVerzenden} (same key, so once only and with
 * its Message-ID and doubt handling) in a secure form:
 * <ul>
 *   <li>{@code BEVEILIGDE_LINK}: a mail without attachment and without anything personal, with the link
 *       {@code /ophalen/<token>}; a new random token is stored (hash only) right before each attempt, so only the
 *       link of the mail that went out works. Then the watch over the package starts (process
 *       {@code avg-levering-bewaken}: lock and expiry).</li>
 *   <li>{@code BEVEILIGDE_EMAIL}: the package encrypted with the password sent before, as the only attachment.</li>
 * </ul>
 */
@Component("reactieVerzenden")
public class ReactieVerzenden implements JavaDelegate {

  static final String BEWAKING = "avg-levering-bewaken";
  private static final DateTimeFormatter DATUM = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("nl"));
  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  private final BriefVerzenden briefVerzenden;
  private final Leveringen leveringen;
  private final Geheimen geheimen;
  private final KantoorProfiel kantoor;
  private final LeveringInstellingen instellingen;
  private final RuntimeService runtimeService;
  private final VerzoekregisterInProces inProces;
  private final java.time.Clock clock;

  public ReactieVerzenden(BriefVerzenden briefVerzenden, Leveringen leveringen, Geheimen geheimen,
      KantoorProfiel kantoor, LeveringInstellingen instellingen, RuntimeService runtimeService,
      VerzoekregisterInProces inProces, java.time.Clock clock) {
    this.briefVerzenden = briefVerzenden;
    this.leveringen = leveringen;
    this.geheimen = geheimen;
    this.kantoor = kantoor;
    this.instellingen = instellingen;
    this.runtimeService = runtimeService;
    this.inProces = inProces;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    BriefType type = BriefType.valueOf(String.valueOf(execution.getVariable(BriefVerzenden.BRIEF_TYPE)).strip());
    verzend(execution, execution.getProcessBusinessKey(), PakketKlaarzetten.sleutel(execution), type,
        inProces.gebruiker(null));
  }

  /**
   * Mails the letter of {@code sleutel} in the secure form of its delivery (made before by
   * {@link PakketKlaarzetten#klaarzetten}); once accepted, {@code verzondenOp} goes on the process instance and a link
   * gets its watch (lock, expiry).
   */
  Verzendstatus verzend(DelegateExecution execution, String referentie, String sleutel, BriefType type,
      String gebruiker) {
    Levering levering = leveringen.vind(sleutel).orElseThrow(() -> new IllegalStateException(
        "Geen pakket klaargezet voor " + referentie + " (stap 'Pakket klaarzetten en code verzenden' ontbreekt)"));
    Mailvorm vorm = levering.verzendwijze() == Verzendwijze.BEVEILIGDE_LINK ? new Linkmail(levering)
        : new VersleuteldeMail(levering);
    Verzendstatus status = briefVerzenden.verstuur(type, referentie, sleutel, Map.of(), gebruiker, vorm);
    if (status != Verzendstatus.VERZONDEN) {
      return status; // no e-mail address: the letter waits for posting
    }
    leveringen.verzonden(levering.id());
    execution.getProcessInstance().setVariable("verzondenOp", Date.from(clock.instant()));
    Levering verzonden = leveringen.vind(levering.id()).orElseThrow();
    if (verzonden.verzendwijze() == Verzendwijze.BEVEILIGDE_LINK && runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(BEWAKING).variableValueEquals("leveringId", levering.id()).count() == 0) {
      runtimeService.createProcessInstanceByKey(BEWAKING).businessKey(referentie)
          .setVariable("leveringId", levering.id()).setVariable("referentie", referentie)
          .setVariable("verlooptOp", Date.from(verzonden.verlooptOp().toInstant()))
          .setVariable("ophaaltermijnTekst", DATUM.format(verzonden.verlooptOp().atZoneSameInstant(AMSTERDAM)))
          .execute();
    }
    return status;
  }

  private String codeZin(Levering l, String wat) {
    return l.codeKanaal() == Codekanaal.POST
        ? "U ontvangt " + wat + " in een brief per post, apart van deze e-mail."
        : "U ontvangt " + wat + " per sms op uw mobiele telefoon, apart van deze e-mail.";
  }

  private String groet() {
    return "Heeft u vragen? Mail naar " + kantoor.privacyMailbox() + " of bel " + kantoor.telefoon()
        + ", en noem ons kenmerk.\n\nMet vriendelijke groet,\n\n" + kantoor.naam() + "\n" + kantoor.telefoon() + "\n"
        + kantoor.website() + "\n";
  }

  /** A secure form never names the addressee: the mail may be read by others before the code or password arrives. */
  private abstract static class BeveiligdeMail implements Mailvorm {
    final Levering levering;

    BeveiligdeMail(Levering levering) {
      this.levering = levering;
    }

    @Override
    public boolean metNaam() {
      return false;
    }
  }

  /** The mail with the portal link: no attachment, nothing personal beyond the office and the reference. */
  private final class Linkmail extends BeveiligdeMail {
    Linkmail(Levering levering) {
      super(levering);
    }

    @Override
    public String onderwerp(Verzending v, String referentie) {
      return "Bericht van " + kantoor.naam() + " klaargezet (kenmerk " + referentie + ")";
    }

    @Override
    public String tekst(Verzending v, String referentie, String aanhef) {
      String token = geheimen.token();
      OffsetDateTime verloopt = OffsetDateTime.now(clock).plus(instellingen.ophaaltermijn());
      leveringen.zetToken(levering.id(), Geheimen.tokenHash(token), verloopt);
      return aanhef + "\n\n"
          + "Wij hebben een bericht voor u klaargezet in onze beveiligde omgeving (ons kenmerk " + referentie
          + "). Om uw privacy te beschermen, sturen wij het niet als bijlage mee.\n\n"
          + "Open het bericht via deze link:\n" + instellingen.link(token) + "\n\n"
          + "Op die pagina vult u een toegangscode in. " + codeZin(levering, "de toegangscode") + "\n\n"
          + "De link werkt tot en met " + DATUM.format(verloopt.atZoneSameInstant(AMSTERDAM)) + ". Na vijf keer een "
          + "verkeerde code wordt het bericht geblokkeerd; neem dan contact met ons op.\n\n"
          + "Wij vragen u nooit om inloggegevens of betaalgegevens via een link. Twijfelt u aan deze e-mail? "
          + "Bel ons dan.\n\n" + groet();
    }

    @Override
    public Bijlage bijlage(Verzending v, String bestandsnaam, byte[] briefPdf) {
      return null;
    }
  }

  /** The mail with the package encrypted with the password that went out over the second channel. */
  private final class VersleuteldeMail extends BeveiligdeMail {
    VersleuteldeMail(Levering levering) {
      super(levering);
    }

    @Override
    public String onderwerp(Verzending v, String referentie) {
      return "Beveiligd bericht van " + kantoor.naam() + " (kenmerk " + referentie + ")";
    }

    @Override
    public String tekst(Verzending v, String referentie, String aanhef) {
      return aanhef + "\n\n"
          + "In de bijlage van deze e-mail vindt u ons antwoord (ons kenmerk " + referentie + ") als beveiligd "
          + "PDF-bestand. U opent het met een wachtwoord. " + codeZin(levering, "het wachtwoord") + "\n\n"
          + "Het PDF-bestand opent u met elk programma dat PDF-bestanden leest; het vraagt dan om het wachtwoord.\n\n"
          + groet();
    }

    @Override
    public Bijlage bijlage(Verzending v, String bestandsnaam, byte[] briefPdf) {
      byte[] versleuteld = leveringen.pakket(levering.id()).orElseThrow(() -> new IllegalStateException(
          "Versleuteld pakket van levering " + levering.id() + " ontbreekt"));
      return new Bijlage(levering.bestandsnaam(), versleuteld, "application/pdf");
    }
  }

}
