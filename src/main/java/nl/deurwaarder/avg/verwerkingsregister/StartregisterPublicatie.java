package nl.deurwaarder.avg.verwerkingsregister;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * At the first start, publishes the starting register (the Flyway seed V7_1) as version 1, so the register the AP may
 * ask for exists from day one. Two nodes starting at once: the second one's insert of version 1 fails on the primary
 * key and is ignored.
 */
@Component
@Order(10)
public class StartregisterPublicatie implements ApplicationRunner {

  static final String OMSCHRIJVING = "Startregister op basis van het KBvG PrivacyHandboek (PH-PRO-03, PH-ALG-05)";
  private static final Logger LOG = LoggerFactory.getLogger(StartregisterPublicatie.class);

  private final Verwerkingsregister register;
  private final VerwerkingsregisterOpslag opslag;

  public StartregisterPublicatie(Verwerkingsregister register, VerwerkingsregisterOpslag opslag) {
    this.register = register;
    this.opslag = opslag;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (opslag.laatsteVersienummer().isPresent()) {
      return;
    }
    try {
      RegisterVersie v = register.publiceerStand(OMSCHRIJVING, "systeem", null);
      LOG.info("Verwerkingsregister: startregister gepubliceerd als versie {}", v.versienummer());
    } catch (DuplicateKeyException e) {
      LOG.info("Verwerkingsregister: startregister was al gepubliceerd door een andere node");
    }
  }
}
