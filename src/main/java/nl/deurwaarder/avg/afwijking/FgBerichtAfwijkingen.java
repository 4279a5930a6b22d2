package nl.deurwaarder.avg.afwijking;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import nl.deurwaarder.avg.kantoor.KantoorProfiel;
import nl.deurwaarder.avg.mail.Procesmail;
import nl.deurwaarder.avg.mail.Webadressen;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * PH-PRO-01 §4 "bericht de FG schriftelijk waarom van diens advies wordt afgeweken", for the deviations whose
 * procedure has no mail step of its own: a breach not reported to the AP or to the data subjects against the FG's
 * advice, and a PIA outcome against it. (A request's deviation is mailed by its own procedure, {@code FG_AFWIJKING}.)
 *
 * <p>Every minute (and at once after a decision, when the job runs) each deviation of those kinds that the FG has not
 * been told of gets one mail to the FG ({@code avg.kantoor.fg-email} and the members of group {@code fg}), then
 * {@code fg_bericht_op} is set. Per deviation in a transaction that locks its row ({@code SKIP LOCKED}: a second node
 * takes the next one); the mail is sent once per key ({@link Procesmail}, key {@code afwijking:<id>}). When the mail
 * server is away the row stays unreported and the next run tries again: nothing is lost, nothing is recorded as
 * told that was not.
 */
@Component
public class FgBerichtAfwijkingen {

  static final Set<Afwijkingssoort> ZONDER_EIGEN_MAIL = EnumSet.of(Afwijkingssoort.DATALEK_AP_MELDING,
      Afwijkingssoort.DATALEK_BETROKKENEN, Afwijkingssoort.PIA_UITKOMST);
  private static final Logger LOG = LoggerFactory.getLogger(FgBerichtAfwijkingen.class);
  private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMMM yyyy 'om' HH:mm",
      Locale.forLanguageTag("nl"));

  private final Afwijkingenregister register;
  private final Procesmail procesmail;
  private final KantoorProfiel kantoor;
  private final Webadressen adressen;
  private final TransactionTemplate transactie;

  public FgBerichtAfwijkingen(Afwijkingenregister register, Procesmail procesmail, KantoorProfiel kantoor,
      Webadressen adressen, TransactionTemplate transactie) {
    this.register = register;
    this.procesmail = procesmail;
    this.kantoor = kantoor;
    this.adressen = adressen;
    this.transactie = transactie;
  }

  @Scheduled(initialDelayString = "${avg.afwijking.fg-bericht-interval:PT1M}",
      fixedDelayString = "${avg.afwijking.fg-bericht-interval:PT1M}")
  public void volgens() {
    try {
      meldOpen();
    } catch (RuntimeException e) {
      LOG.warn("Afwijkingen FG-advies: bericht aan de FG mislukt, volgende ronde opnieuw ({})", e.toString());
    }
  }

  /** Tells the FG of every open deviation of {@link #ZONDER_EIGEN_MAIL}; returns how many were told now. */
  public int meldOpen() {
    int gemeld = 0;
    for (Afwijking a : register.nietGemeld(ZONDER_EIGEN_MAIL)) {
      Boolean nu = transactie.execute(s -> {
        if (!register.vergrendelNietGemeld(a.id())) {
          return false;
        }
        procesmail.verstuur("afwijking:" + a.id(), a.referentie(), "FG_AFWIJKING", fg(), onderwerp(a), tekst(a));
        register.fgBericht(a.id());
        return true;
      });
      if (Boolean.TRUE.equals(nu)) {
        gemeld++;
      }
    }
    return gemeld;
  }

  private Set<String> fg() {
    Set<String> aan = new LinkedHashSet<>();
    if (kantoor.fgEmail() != null && !kantoor.fgEmail().isBlank()) {
      aan.add(kantoor.fgEmail().trim());
    }
    aan.addAll(procesmail.adressenVanGroep("fg"));
    return aan;
  }

  static String onderwerp(Afwijking a) {
    String soort = a.soort().omschrijving();
    return "Afwijking van uw advies: " + soort.substring(0, 1).toLowerCase(Locale.ROOT) + soort.substring(1) + " ("
        + a.referentie() + ")";
  }

  String tekst(Afwijking a) {
    return "Beste " + (kantoor.fgNaam() == null || kantoor.fgNaam().isBlank() ? "FG" : kantoor.fgNaam()) + ",\n\n"
        + "Bij " + a.referentie() + " (" + a.onderwerp() + ") is op "
        + MOMENT.format(a.beslotenOp().atZoneSameInstant(ZoneId.of("Europe/Amsterdam")))
        + " afgeweken van uw advies.\n\n"
        + "Uw advies: " + a.fgAdviesInWoorden() + "\n"
        + (a.fgToelichting() == null || a.fgToelichting().isBlank() ? "" : "Uw toelichting:\n" + a.fgToelichting()
            + "\n")
        + "\nBesluit: " + a.besluitInWoorden() + " (door " + a.beslotenDoor() + ")\n\n"
        + "Motivering van de afwijking:\n" + a.motivering() + "\n\n"
        + "De afwijking staat in het register afwijkingen FG-advies (PH-ORG-02 §3.1): " + adressen.basis()
        + "/afwijkingen\n";
  }
}
