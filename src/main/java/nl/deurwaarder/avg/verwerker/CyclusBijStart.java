package nl.deurwaarder.avg.verwerker;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At start-up every processor that is not finished gets its yearly cycle ({@code avg-verwerker-jaarcyclus}) if it has
 * none: the processors that a migration put in the register (the eleven of the starting verwerkingsregister) would
 * otherwise get their first review only after someone saved them on the page. Per processor in its own transaction
 * that first locks the processor's row, so two nodes starting at once start one cycle, not two. Off in the test
 * profile (tests start their own cycles); {@code avg.verwerker.cyclus-bij-start=false} turns it off.
 */
@Component
class CyclusBijStart {

  private static final Logger LOG = LoggerFactory.getLogger(CyclusBijStart.class);

  private final Verwerkersregister register;
  private final VerwerkerCyclus cyclus;
  private final NamedParameterJdbcTemplate jdbc;
  private final TransactionTemplate transactie;
  private final boolean aan;

  CyclusBijStart(Verwerkersregister register, VerwerkerCyclus cyclus, NamedParameterJdbcTemplate jdbc,
      TransactionTemplate transactie, @Value("${avg.verwerker.cyclus-bij-start:true}") boolean aan) {
    this.register = register;
    this.cyclus = cyclus;
    this.jdbc = jdbc;
    this.transactie = transactie;
    this.aan = aan;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void bijStart() {
    if (aan) {
      LOG.info("Jaarcyclus gestart voor {} verwerker(s) zonder lopende cyclus", zorgVoorAlleCycli());
    }
  }

  /** Starts the missing cycles; returns how many were started. */
  int zorgVoorAlleCycli() {
    int gestart = 0;
    for (Verwerker v : register.lijst()) {
      if (v.status() == VerwerkerStatus.AFGEROND) {
        continue;
      }
      Boolean nieuw = transactie.execute(s -> {
        jdbc.queryForList("SELECT id FROM avg_verwerker WHERE id = :id FOR UPDATE",
            java.util.Map.of("id", v.id()), Long.class);
        return cyclus.zorgVoorCyclus(v.id());
      });
      if (Boolean.TRUE.equals(nieuw)) {
        gestart++;
      }
    }
    return gestart;
  }
}
