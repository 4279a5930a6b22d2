package nl.deurwaarder.avg.verzoekprocedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Date;
import nl.deurwaarder.avg.verzoek.Verzoek;
import nl.deurwaarder.avg.verzoek.VerzoekType;
import nl.deurwaarder.avg.verzoek.VerzoekerRol;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the process tests of the three right requests (erasure, correction, restriction) share: one request of the
 * data subject per test, registered on the receipt day at 10:00, its procedure, and the clean-up.
 */
abstract class RechtverzoekProcesTestBasis {

  @Autowired
  ProcesTestSteun t;
  @Autowired
  JdbcTemplate jdbc;

  String ref;
  ProcessInstance pi;

  /** Registers the data subject's request, received on {@code ontvangst}; its acknowledgement job is still due. */
  Verzoek begin(VerzoekType type, String proces, LocalDate ontvangst) {
    t.klok(ontvangst, 10);
    Verzoek v = t.registreer(type, VerzoekerRol.BETROKKENE);
    ref = v.referentie();
    pi = t.procedure(ref, proces);
    return v;
  }

  /** Runs the acknowledgement job: the first and only letter so far is the acknowledgement. */
  void ontvangstBevestigd() {
    t.voerJobsUit(pi.getId());
    assertThat(t.brieftypen(ref)).containsExactly("ONTVANGSTBEVESTIGING");
  }

  @AfterEach
  void herstel() {
    t.beeindig(ref);
  }

  Date deadline() {
    return t.deadline(ref);
  }
}
