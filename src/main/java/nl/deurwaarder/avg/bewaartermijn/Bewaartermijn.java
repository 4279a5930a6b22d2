package nl.deurwaarder.avg.bewaartermijn;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The nightly retention job (PH-PRO-01 §7, PH-ALG-05 §6.2 and §6.3): requests and breaches are kept 3 years after the
 * end of the year in which they were received or discovered. An entry of year Y is due on 1 January of Y+4
 * (Europe/Amsterdam). See docs/bewaartermijnen.md.
 *
 * <p>The job knows no table. Each {@link Bewaarregister} names its due entries and anonymises them; then every
 * {@link PersoonsgegevensOpruimer} removes what its capability holds for that reference (letters, archive, execution
 * register, recipients, mails, Camunda history ...). One transaction per reference, so one failure does not block
 * the rest and a failed reference is retried the next night. Idempotent. Logs counts and reference numbers only.
 */
@Component
public class Bewaartermijn {

  private static final Logger LOG = LoggerFactory.getLogger(Bewaartermijn.class);
  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  static final int BATCH = 100;
  /** What a free-text value that may not be empty becomes. */
  public static final String VERWIJDERD = "[verwijderd]";

  /** What one run did: per register the number anonymised, plus failures and what must wait. */
  public record Resultaat(Map<String, Integer> perRegister, int mislukt, int opgeruimd, int lopendeProcessen) {
    public int geanonimiseerd() {
      return perRegister.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int geanonimiseerd(String register) {
      return perRegister.getOrDefault(register, 0);
    }
  }

  private final List<Bewaarregister> registers;
  private final List<PersoonsgegevensOpruimer> opruimers;
  private final TransactionTemplate transactie;
  private final Clock clock;

  public Bewaartermijn(List<Bewaarregister> registers, List<PersoonsgegevensOpruimer> opruimers,
      TransactionTemplate transactie, Clock clock) {
    this.registers = registers;
    this.opruimers = opruimers;
    this.transactie = transactie;
    this.clock = clock;
  }

  /** Nightly (default 00:30 Amsterdam, so entries due on 1 January go that same night). */
  @Scheduled(cron = "${avg.bewaartermijn.cron:0 30 0 * * *}", zone = "Europe/Amsterdam")
  public void nachtelijks() {
    voerUit();
  }

  /** Received before this moment → due now: 1 January 00:00 Amsterdam of (current year − 3). */
  public OffsetDateTime grens() {
    int jaar = LocalDate.now(clock.withZone(AMSTERDAM)).getYear();
    return LocalDate.of(jaar - 3, 1, 1).atStartOfDay(AMSTERDAM).toOffsetDateTime();
  }

  /** Anonymises every due entry of every register, then the data tied to no reference; for tests and administrators. */
  public Resultaat voerUit() {
    OffsetDateTime grens = grens();
    Map<String, Integer> per = new LinkedHashMap<>();
    int mislukt = 0;
    int opgeruimd = 0;
    int lopend = 0;
    for (Bewaarregister register : registers) {
      int geanonimiseerd = 0;
      String vanaf = "";
      while (true) {
        List<String> batch = register.teAnonimiseren(grens, vanaf, BATCH);
        if (batch.isEmpty()) {
          break;
        }
        for (String referentie : batch) {
          try {
            int[] r = transactie.execute(status -> anonimiseer(register, referentie, grens));
            if (r != null && r[0] > 0) {
              geanonimiseerd++;
              opgeruimd += r[1];
              lopend += r[2];
            }
          } catch (RuntimeException e) {
            mislukt++;
            LOG.error("Bewaartermijn {}: anonimiseren mislukt ({})", referentie, e.getClass().getSimpleName());
          }
        }
        vanaf = batch.get(batch.size() - 1);
      }
      per.put(register.naam(), geanonimiseerd);
      LOG.info("Bewaartermijn {} (ontvangen/ontdekt voor {}): {} geanonimiseerd", register.naam(),
          grens.toLocalDate(), geanonimiseerd);
    }
    for (PersoonsgegevensOpruimer opruimer : opruimers) {
      try {
        Integer n = transactie.execute(status -> opruimer.ruimOpVoor(grens));
        opgeruimd += n == null ? 0 : n;
      } catch (RuntimeException e) {
        mislukt++;
        LOG.error("Bewaartermijn {}: opruimen zonder referentie mislukt ({})", opruimer.getClass().getSimpleName(),
            e.getClass().getSimpleName());
      }
    }
    Resultaat resultaat = new Resultaat(per, mislukt, opgeruimd, lopend);
    LOG.info("Bewaartermijn: {} geanonimiseerd, {} mislukt, {} rijen/bestanden opgeruimd, {} procesinstanties lopen "
        + "nog (taak voor de privacycoördinator)", resultaat.geanonimiseerd(), mislukt, opgeruimd, lopend);
    return resultaat;
  }

  /** One reference, in the caller's transaction: {anonymised 0/1, rows/files removed, things still running}. */
  int[] anonimiseer(Bewaarregister register, String referentie, OffsetDateTime grens) {
    if (!register.anonimiseer(referentie, grens, OffsetDateTime.now(clock))) {
      return new int[] {0, 0, 0};
    }
    int opgeruimd = 0;
    int lopend = 0;
    for (PersoonsgegevensOpruimer opruimer : opruimers) {
      opgeruimd += opruimer.ruimOp(referentie);
      lopend += opruimer.wachtend(referentie);
    }
    if (lopend > 0) {
      LOG.warn("Bewaartermijn {}: {} procesinstantie(s) lopen nog; taak voor de privacycoördinator", referentie,
          lopend);
    }
    return new int[] {1, opgeruimd, lopend};
  }

  /** For tests and reports: the number of entries that are due but not yet anonymised, over all registers. */
  public int aantalOpenstaand() {
    OffsetDateTime grens = grens();
    return registers.stream().mapToInt(r -> r.aantalOpenstaand(grens)).sum();
  }
}
