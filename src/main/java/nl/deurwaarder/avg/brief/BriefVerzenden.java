package nl.deurwaarder.avg.brief;

import jakarta.activation.FileTypeMap;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import nl.deurwaarder.avg.archief.Archief;
import nl.deurwaarder.avg.archief.Stuksoort;
import nl.deurwaarder.avg.brief.Verzendregister.Verzending;
import nl.deurwaarder.avg.kantoor.KantoorProfiel;
import nl.deurwaarder.avg.mail.Procesmail;
import nl.deurwaarder.avg.mail.Webadressen;
import nl.deurwaarder.avg.security.Rol;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * The one reusable BPMN step that sends a standard letter:
 * <pre>{@code
 * <serviceTask id="Task_OntvangstbevestigingVerzenden" name="Ontvangstbevestiging verzenden"
 *     camunda:asyncBefore="true" camunda:delegateExpression="${briefVerzenden}">
 *   <extensionElements>
 *     <camunda:failedJobRetryTimeCycle>R5/PT5M</camunda:failedJobRetryTimeCycle>
 *     <camunda:inputOutput>
 *       <camunda:inputParameter name="briefType">ONTVANGSTBEVESTIGING</camunda:inputParameter>
 *     </camunda:inputOutput>
 *   </extensionElements>
 * </serviceTask>}</pre>
 * Input parameters: {@code briefType} (required, a {@link BriefType}); optional {@code briefOntvangerNaam},
 * {@code briefOntvangerEmail}, {@code briefOntvangerAdres} (a third party, e.g. an art. 19 recipient) and
 * {@code briefSleutel} (distinguishes several letters of one step, e.g. one per recipient in a multi-instance);
 * every other variable visible to the step (process variables and further input parameters) is template input.
 *
 * <p>Once only: the letter's key is {@code processInstanceId:activityId[:briefSleutel]} ({@code avg_brief.sleutel},
 * unique). The first run writes the PDF, archives it and records the letter (OPGESTELD) in a transaction of its own.
 * Right before the SMTP dialogue the attempt is committed (VERZENDEN); after the mail server accepted the mail,
 * VERZONDEN and the register line are committed; when the server refused or could not be reached, the letter goes
 * back to OPGESTELD and the failure propagates (the job retries per its {@code failedJobRetryTimeCycle}, then an
 * incident). A retried job finds the key: VERZONDEN → nothing happens; WACHT_OP_POST → nothing but making sure the
 * posting task exists; OPGESTELD → the archived PDF is mailed (not re-rendered, not archived twice).
 *
 * <p>A reply that lists the data subject's personal data (REACTIE_VERWIJDERING, _CORRECTIE, _BEPERKING with
 * {@code omschrijvingGegevens}) is handed to {@link BeveiligdeReactie} (package {@code levering}): a link to the
 * portal with an access code, never the letter as a readable attachment.
 *
 * <p>By post: a letter without e-mail address, or with {@code briefPerPost} (registered post, writ), is never
 * recorded as sent by this step. It becomes WACHT_OP_POST and gets a "Brief afdrukken en versturen" task
 * ({@link PostOpdrachten}); it is VERZONDEN only once a person confirmed posting it ({@link BriefPerPost}). A
 * diagram that must not go on before that waits with {@code briefPerPost.wachtOp} and "Wachten op verzending per
 * post".
 *
 * <p>Never twice: a job that finds VERZENDEN knows that the attempt before it was interrupted mid-send (the node
 * died): the mail may have gone out. It marks the letter ONZEKER, sends nothing and fails straight into an incident
 * ({@link VerzendingOnzekerException}); a person checks the mail server's log for the Message-ID and decides on
 * {@code /beheer/brieven} ("was delivered" → VERZONDEN, or "send again").
 */
@Component("briefVerzenden")
public class BriefVerzenden implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(BriefVerzenden.class);

  public static final String BRIEF_TYPE = "briefType";
  public static final String BRIEF_SLEUTEL = "briefSleutel";
  /** Input parameter: true = archive the letter and have it posted (or served by writ), never mail it. */
  public static final String BRIEF_PER_POST = "briefPerPost";
  /** Variable read for the way a letter by post must go: AANGETEKENDE_POST or BETEKENING_EXPLOOT (else ordinary). */
  public static final String VERZENDWIJZE = "verzendwijze";

  /** Variables that steer the step and are no template input. */
  private static final Set<String> STUURVARIABELEN = Set.of(BRIEF_TYPE, BRIEF_SLEUTEL, BRIEF_PER_POST);

  private final Brieven brieven;
  private final Verzendregister verzendregister;
  private final Archief archief;
  private final JavaMailSender mailSender;
  private final KantoorProfiel kantoor;
  private final IdentityService identityService;
  private final Procesmail procesmail;
  private final PostOpdrachten postOpdrachten;
  private final String afzender;
  private final Webadressen adressen;
  /** Resolved when a letter is sent (its implementation uses this step: no cycle at start-up). */
  private final ObjectProvider<BeveiligdeReactie> beveiligdeReactie;
  private final Mailvorm standaard = new Standaardmail();

  public BriefVerzenden(Brieven brieven, Verzendregister verzendregister, Archief archief, JavaMailSender mailSender,
      KantoorProfiel kantoor, IdentityService identityService, Procesmail procesmail, PostOpdrachten postOpdrachten,
      @Value("${avg.mail.afzender}") String afzender, Webadressen adressen,
      ObjectProvider<BeveiligdeReactie> beveiligdeReactie) {
    this.beveiligdeReactie = beveiligdeReactie;
    this.adressen = adressen;
    this.postOpdrachten = postOpdrachten;
    this.procesmail = procesmail;
    this.brieven = brieven;
    this.verzendregister = verzendregister;
    this.archief = archief;
    this.mailSender = mailSender;
    this.kantoor = kantoor;
    this.identityService = identityService;
    this.afzender = afzender;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object typeWaarde = execution.getVariableLocal(BRIEF_TYPE);
    if (typeWaarde == null) {
      typeWaarde = execution.getVariable(BRIEF_TYPE);
    }
    if (typeWaarde == null || String.valueOf(typeWaarde).isBlank()) {
      throw new IllegalStateException("Stap " + execution.getCurrentActivityId() + " mist input parameter briefType");
    }
    BriefType type = BriefType.valueOf(String.valueOf(typeWaarde).strip());
    String referentie = referentie(execution);
    Object extraSleutel = execution.getVariable(BRIEF_SLEUTEL);
    String sleutel = execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId()
        + (extraSleutel == null || String.valueOf(extraSleutel).isBlank() ? "" : ":" + extraSleutel);

    Map<String, Object> invoer = sjabloonInvoer(execution);
    Object perPostWaarde = execution.getVariable(BRIEF_PER_POST);
    boolean perPost = perPostWaarde instanceof Boolean b ? b
        : "true".equalsIgnoreCase(String.valueOf(perPostWaarde).strip());
    BeveiligdeReactie beveiligd = beveiligdeReactie.getIfAvailable();
    if (!perPost && beveiligd != null && beveiligd.geldtVoor(type, referentie, sleutel, invoer)) {
      beveiligd.verstuur(execution, type, referentie, sleutel, invoer, gebruiker());
      return;
    }
    verstuur(type, referentie, sleutel, invoer, gebruiker(), perPost);
  }

  /** The template input of a letter step: every variable visible to it except those that steer the step. */
  public static Map<String, Object> sjabloonInvoer(DelegateExecution execution) {
    Map<String, Object> invoer = new HashMap<>(execution.getVariables());
    STUURVARIABELEN.forEach(invoer::remove);
    return invoer;
  }

  /**
   * Writes, archives, records and sends a letter once per {@code sleutel}. Usable outside BPMN too (same
   * guarantees), e.g. for a letter sent from a web page with a key of its own.
   */
  public Verzendstatus verstuur(BriefType type, String referentie, String sleutel, Map<String, Object> invoer,
      String gebruiker) {
    return verstuur(type, referentie, sleutel, invoer, gebruiker, false);
  }

  /**
   * As above; with {@code perPost} the letter is written and archived but not mailed: it waits (WACHT_OP_POST) for a
   * person to post it, e.g. a reply the office sends by registered post or serves by writ (PH-PRO-01 §6). The same
   * happens to any letter without an e-mail address. The way is {@code invoer.verzendwijze} when that is
   * AANGETEKENDE_POST or BETEKENING_EXPLOOT, else ordinary post.
   */
  public Verzendstatus verstuur(BriefType type, String referentie, String sleutel, Map<String, Object> invoer,
      String gebruiker, boolean perPost) {
    return verstuur(type, referentie, sleutel, invoer, gebruiker, perPost, null);
  }

  /**
   * As above, mailed in the given form (e.g. a link without attachment, or an encrypted package: package
   * {@code levering}); {@code null} is the standard form, the letter attached.
   */
  public Verzendstatus verstuur(BriefType type, String referentie, String sleutel, Map<String, Object> invoer,
      String gebruiker, Mailvorm mailvorm) {
    return verstuur(type, referentie, sleutel, invoer, gebruiker, false, mailvorm);
  }

  /**
   * Writes, archives and records the letter (OPGESTELD) once per {@code sleutel} without sending it, e.g. to build a
   * package around it before {@link #verstuur} sends it under the same key. Returns the record.
   */
  public Verzending stelOp(BriefType type, String referentie, String sleutel, Map<String, Object> invoer,
      String gebruiker) {
    return stelOp(type, referentie, sleutel, invoer, gebruiker, null);
  }

  /**
   * As above, but what is archived — and so printed or mailed as "the letter" — is {@code bundel} applied to the
   * letter's PDF: e.g. a reply by post together with its enclosures (package {@code levering}) as one PDF, so the
   * person who posts it prints the whole. {@code bundel} null: the letter alone.
   */
  public Verzending stelOp(BriefType type, String referentie, String sleutel, Map<String, Object> invoer,
      String gebruiker, Bundel bundel) {
    return verzendregister.vind(sleutel).orElseGet(() -> {
      Brieven.Brief brief = brieven.stelOp(type, referentie, invoer);
      byte[] pdf = bundel == null ? brief.pdf() : bundel.pdf(brief.pdf());
      String titel = bundel == null ? brief.onderwerp() : bundel.titel(brief.onderwerp());
      return verzendregister.legVast(sleutel, referentie, type, brief.ontvangerNaam(), brief.ontvangerEmail(),
          brief.onderwerp(), () -> archief.bewaar(referentie, Stuksoort.BRIEF, titel,
              brief.bestandsnaam(), "application/pdf", pdf, gebruiker).id());
    });
  }

  /** What a letter is archived (and printed) together with: its enclosures, as one PDF. */
  public interface Bundel {
    /** The PDF to archive, made from the letter's PDF. */
    byte[] pdf(byte[] briefPdf);

    /** The archive title, given the letter's subject. */
    String titel(String onderwerp);
  }

  private Verzendstatus verstuur(BriefType type, String referentie, String sleutel, Map<String, Object> invoer,
      String gebruiker, boolean perPost, Mailvorm mailvorm) {
    Verzending verzending = verzendregister.vind(sleutel).orElse(null);
    if (verzending != null && verzending.status() == Verzendstatus.WACHT_OP_POST) {
      postOpdrachten.zorgVoorOpdracht(verzending, invoer.get("uitersteReactiedatum")); // lost with a rolled-back job
      return Verzendstatus.WACHT_OP_POST;
    }
    if (verzending != null && verzending.status() != Verzendstatus.OPGESTELD) {
      return alBegonnen(verzending, gebruiker);
    }
    if (verzending == null) {
      verzending = stelOp(type, referentie, sleutel, invoer, gebruiker);
    }
    Verzending v = verzending;
    if (perPost || v.ontvangerEmail() == null || v.ontvangerEmail().isBlank()) {
      String wijze = postwijze(perPost, invoer.get(VERZENDWIJZE));
      if (!verzendregister.wachtOpPost(v.id(), wijze, () -> brieven.logBrief(referentie, gebruiker, type
          + " wacht op verzending per " + Postbevestiging.VERZENDWIJZEN.get(wijze)
          + (v.ontvangerNaam() == null ? "" : " aan " + v.ontvangerNaam())))) {
        return verstuur(type, referentie, sleutel, invoer, gebruiker, perPost); // another execution got there first
      }
      postOpdrachten.zorgVoorOpdracht(verzendregister.vind(v.id()).orElseThrow(), invoer.get("uitersteReactiedatum"));
      LOG.info("Brief {} voor {}: wacht op verzending per post", type, referentie);
      return Verzendstatus.WACHT_OP_POST;
    }
    byte[] pdf = archief.inhoud(v.archiefstukId());
    String bestandsnaam = archief.stuk(v.archiefstukId()).orElseThrow().bestandsnaam();
    String messageId = messageId(v);
    MimeMessage mail = mail(v, referentie, bestandsnaam, pdf, messageId, mailvorm);
    if (!verzendregister.verzendingGestart(v.id(), messageId)) {
      return alBegonnen(verzendregister.vind(v.id()).orElseThrow(), gebruiker); // another execution got there first
    }
    try {
      mailSender.send(mail);
    } catch (RuntimeException e) {
      if (zekerNietVerzonden(e)) {
        try {
          verzendregister.verzendingMislukt(v.id());
        } catch (RuntimeException registerFout) {
          e.addSuppressed(registerFout); // stays VERZENDEN: the next attempt asks a person (safe side)
        }
      }
      throw e; // the job retries
    }
    verzendregister.verzonden(v.id(), messageId, () -> brieven.logBrief(referentie, gebruiker,
        type + " verzonden aan " + v.ontvangerEmail()));
    LOG.info("Brief {} voor {} verzonden", type, referentie);
    return Verzendstatus.VERZONDEN;
  }

  /** The way of a letter by post: the chosen registered post or writ, else ordinary post. */
  static String postwijze(boolean perPost, Object verzendwijze) {
    String wijze = verzendwijze == null ? "" : verzendwijze.toString().strip();
    return perPost && (wijze.equals(Postbevestiging.AANGETEKENDE_POST) || wijze.equals(Postbevestiging.BETEKENING_EXPLOOT))
        ? wijze : Postbevestiging.GEWONE_POST;
  }

  /** A letter that is past OPGESTELD: done, or in doubt (never mailed again without a person's decision). */
  private Verzendstatus alBegonnen(Verzending verzending, String gebruiker) {
    switch (verzending.status()) {
      case VERZENDEN -> {
        if (verzendregister.onzeker(verzending.id(), () -> brieven.logBrief(verzending.referentie(), gebruiker,
            verzending.briefType() + ": verzending onzeker (vorige poging onderbroken), controle nodig"))) {
          LOG.warn("Brief {} {} bij {}: vorige verzendpoging onderbroken, verzending onzeker; niet opnieuw verzonden",
              verzending.id(), verzending.briefType(), verzending.referentie());
          meldAanIct(verzending);
        }
        throw new VerzendingOnzekerException(verzendregister.vind(verzending.id()).orElse(verzending));
      }
      case ONZEKER -> throw new VerzendingOnzekerException(verzending);
      default -> {
        LOG.debug("Brief {} ({}) al afgehandeld: {}", verzending.briefType(), verzending.sleutel(),
            verzending.status());
        return verzending.status();
      }
    }
  }

  /** Tells ICT (once per letter) that a decision is needed; a failure to do so only logs: the incident remains. */
  private void meldAanIct(Verzending v) {
    try {
      Set<String> aan = procesmail.adressenVanGroep(Rol.ICT.groepId());
      if (aan.isEmpty()) {
        LOG.warn("Geen ICT-medewerker met e-mailadres om brief {} ({}) te melden", v.id(), v.referentie());
        return;
      }
      procesmail.verstuur("brief-onzeker:" + v.id(), v.referentie(), "BRIEF_ONZEKER", aan,
          "Besluit nodig: verzending van een brief onzeker (" + v.referentie() + ")",
          "Bij het verzenden van een brief (" + v.briefType() + ", kenmerk " + v.referentie() + ") viel de applicatie "
              + "uit. Of de brief is aangekomen, is niet zeker; hij wordt daarom niet vanzelf opnieuw verzonden en "
              + "de procedure staat stil.\n\n"
              + "Zoek in het logboek van de mailserver naar Message-ID " + v.messageId() + " en leg op de pagina "
              + adressen.beheerBrieven() + " vast of de brief is aangekomen of opnieuw moet worden verzonden.\n");
    } catch (RuntimeException e) {
      LOG.warn("Melding aan ICT over brief {} niet verzonden: {}", v.id(), e.toString());
    }
  }

  /**
   * Whether a failed send certainly did not hand the mail over: Spring lists the message as failed (server
   * unreachable, refused, broken off during the dialogue) or the mail could not even be prepared or authenticated. A
   * failure after the message was accepted (e.g. closing the connection) lists no failed message: in doubt.
   */
  static boolean zekerNietVerzonden(RuntimeException e) {
    if (e instanceof MailSendException m) {
      return !m.getFailedMessages().isEmpty();
    }
    return e instanceof MailPreparationException || e instanceof MailAuthenticationException
        || e instanceof MailParseException;
  }

  private MimeMessage mail(Verzending v, String referentie, String bestandsnaam, byte[] pdf, String messageId,
      Mailvorm mailvorm) {
    try {
      MimeMessage message = new VasteMessageId(mailSender.createMimeMessage(), messageId);
      MimeMessageHelper helper = new Mailopmaak(message);
      helper.setFrom(afzender, kantoor.naam());
      if (kantoor.privacyMailbox() != null && !kantoor.privacyMailbox().isBlank()) {
        helper.setReplyTo(kantoor.privacyMailbox());
      }
      Mailvorm vorm = mailvorm == null ? standaard : mailvorm;
      if (v.ontvangerNaam() != null && vorm.metNaam()) {
        helper.setTo(new jakarta.mail.internet.InternetAddress(v.ontvangerEmail(), v.ontvangerNaam(), "UTF-8"));
      } else {
        helper.setTo(v.ontvangerEmail());
      }
      String aanhef = v.ontvangerNaam() == null || !vorm.metNaam() ? "Geachte heer, mevrouw,"
          : "Geachte " + v.ontvangerNaam() + ",";
      helper.setSubject(vorm.onderwerp(v, referentie));
      helper.setText(vorm.tekst(v, referentie, aanhef), false);
      Mailvorm.Bijlage bijlage = vorm.bijlage(v, bestandsnaam, pdf);
      if (bijlage != null) {
        helper.addAttachment(bijlage.bestandsnaam(), new ByteArrayResource(bijlage.inhoud()), bijlage.contentType());
      }
      return message;
    } catch (MessagingException | UnsupportedEncodingException e) {
      throw new MailPreparationException("Brief " + referentie + " kan niet als e-mail worden opgemaakt", e);
    }
  }

  /** The standard form: the letter's subject and reference, a short text, the archived PDF attached. */
  private final class Standaardmail implements Mailvorm {
    @Override
    public String onderwerp(Verzending v, String referentie) {
      return v.onderwerp() + " (kenmerk " + referentie + ")";
    }

    @Override
    public boolean metNaam() {
      return true;
    }

    @Override
    public String tekst(Verzending v, String referentie, String aanhef) {
      return aanhef + "\n\n"
          + "In de bijlage van deze e-mail vindt u onze brief met als onderwerp \"" + v.onderwerp() + "\" (ons kenmerk "
          + referentie + "). De bijlage is een PDF-bestand; u kunt het openen met elk programma dat PDF-bestanden "
          + "leest.\n\n"
          + "Heeft u vragen? Beantwoord dan deze e-mail of mail naar " + kantoor.privacyMailbox()
          + ", en vermeld ons kenmerk " + referentie + ".\n\n"
          + "Met vriendelijke groet,\n\n" + kantoor.naam() + "\n" + kantoor.telefoon() + "\n" + kantoor.website()
          + "\n";
    }

    @Override
    public Bijlage bijlage(Verzending v, String bestandsnaam, byte[] briefPdf) {
      return new Bijlage(bestandsnaam, briefPdf, "application/pdf");
    }
  }

  /** {@code <brief.<id>.<hash of the key>@<sender domain>>}: the same for every attempt to send this letter. */
  String messageId(Verzending v) {
    String domein = afzender.contains("@") ? afzender.substring(afzender.indexOf('@') + 1) : "avg.local";
    return "<brief." + v.id() + "." + sha256(v.sleutel()).substring(0, 16) + "@" + domein + ">";
  }

  private String gebruiker() {
    Authentication auth = identityService.getCurrentAuthentication();
    return auth != null && auth.getUserId() != null ? auth.getUserId() : Verzendregister.SYSTEEM;
  }

  private static String referentie(DelegateExecution execution) {
    String key = execution.getProcessBusinessKey();
    if (key == null || key.isBlank()) {
      Object ref = execution.getVariable("referentie");
      key = ref == null ? null : String.valueOf(ref);
    }
    if (key == null || key.isBlank()) {
      throw new IllegalStateException("Brief zonder referentienummer (business key of variabele referentie)");
    }
    return key;
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Spring's helper with one shared file-type map. Spring gives a message that its own mail sender did not create (our
   * {@code OutboxMailSender} creates plain ones) a new {@code ConfigurableMimeFileTypeMap} each time: it reads and
   * parses {@code mime.types} from the classpath and looks the activation provider up with a {@code ServiceLoader}
   * over every jar, about 3 % of a request lifecycle's CPU (docs/performance.md). Every attachment here names its
   * content type, so the map is only a fallback; {@code MimetypesFileTypeMap} is synchronized, so one instance serves
   * all threads.
   */
  private static final class Mailopmaak extends MimeMessageHelper {
    private static final FileTypeMap BESTANDSSOORTEN = bestandssoorten();

    Mailopmaak(MimeMessage message) throws MessagingException {
      super(message, true, StandardCharsets.UTF_8.name());
    }

    @Override
    protected FileTypeMap getDefaultFileTypeMap(MimeMessage mimeMessage) {
      return BESTANDSSOORTEN;
    }

    private static FileTypeMap bestandssoorten() {
      ConfigurableMimeFileTypeMap map = new ConfigurableMimeFileTypeMap();
      map.afterPropertiesSet();
      return map;
    }
  }

  /** A MimeMessage whose Message-ID survives {@code saveChanges()}, which would otherwise generate a new one. */
  private static final class VasteMessageId extends MimeMessage {
    private final String messageId;

    VasteMessageId(MimeMessage basis, String messageId) {
      super(basis.getSession());
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }
}
