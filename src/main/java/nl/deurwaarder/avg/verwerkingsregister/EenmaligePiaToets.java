package nl.deurwaarder.avg.verwerkingsregister;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one-time PIA check of processings that were in the register before every change got a PIA decision
 * (PH-PRO-08): at start-up, for every published processing without a PIA decision, one process "PIA-toets
 * bestaande verwerking" starts (the privacy coordinator answers the screening questions; the decision table decides).
 * Idempotent: the check's row is written in the same transaction as the start, so a second start finds it and starts
 * nothing; a processing checked through "Verwerking wijzigen" has its row from the publication. Switched off with
 * {@code avg.pia.eenmalige-toets=false} (the test profile; tests call {@link #start()}).
 */
@Component
@Order(15)
public class EenmaligePiaToets implements ApplicationRunner {

  public static final String PROCES = "avg-pia-toets-bestaand";
  private static final Logger LOG = LoggerFactory.getLogger(EenmaligePiaToets.class);

  private final Verwerkingsregister register;
  private final PiaDossier dossier;
  private final RuntimeService runtimeService;
  private final TransactionTemplate transactie;
  private final boolean bijOpstarten;

  public EenmaligePiaToets(Verwerkingsregister register, PiaDossier dossier, RuntimeService runtimeService,
      TransactionTemplate transactie, @Value("${avg.pia.eenmalige-toets:true}") boolean bijOpstarten) {
    this.bijOpstarten = bijOpstarten;
    this.register = register;
    this.dossier = dossier;
    this.runtimeService = runtimeService;
    this.transactie = transactie;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!bijOpstarten) {
      return;
    }
    int gestart = start();
    if (gestart > 0) {
      LOG.info("Eenmalige PIA-toets: {} bestaande verwerkingen krijgen een taak voor de privacycoördinator", gestart);
    }
  }

  /** Starts the check for every published processing that has none; returns how many started. */
  public int start() {
    List<Verwerking> verwerkingen = register.gepubliceerd().map(r -> r.verwerkingen().toList()).orElse(List.of());
    int gestart = 0;
    for (Verwerking v : verwerkingen) {
      Boolean nieuw = transactie.execute(status -> {
        if (dossier.heeftToets(v.code())) {
          return false;
        }
        ProcessInstance pi = runtimeService.startProcessInstanceByKey(PROCES, "PIA-toets " + v.code(),
            Map.of("verwerkingCode", v.code(), "verwerkingNaam", v.naam()));
        dossier.toets(v.code(), PiaInProces.EENMALIGE_TOETS, null, null, null, pi.getId());
        return true;
      });
      if (Boolean.TRUE.equals(nieuw)) {
        gestart++;
      }
    }
    return gestart;
  }
}
