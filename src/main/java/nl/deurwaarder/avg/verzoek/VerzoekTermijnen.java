package nl.deurwaarder.avg.verzoek;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import nl.deurwaarder.avg.termijn.Termijnberekening;
import org.springframework.stereotype.Component;

/**
 * The reply deadlines of a request, from the date of receipt, through the deadline component:
 * inzage 1 month (PH-PRO-01 §2.3); verwijdering/correctie/beperking the office norm of 2 weeks, within the legal
 * month (PH-PRO-05/06/07 §2.3). An extension never goes beyond receipt + 3 months (AVG art. 12(3)).
 */
@Component
public class VerzoekTermijnen {

  private final Termijnberekening termijn;

  public VerzoekTermijnen(Termijnberekening termijn) {
    this.termijn = termijn;
  }

  public LocalDate ontvangstdatum(OffsetDateTime ontvangenOp) {
    return termijn.alsDatum(ontvangenOp, "ontvangenOp");
  }

  /** The current deadline at registration (office norm where there is one). */
  public LocalDate uiterste(VerzoekType type, OffsetDateTime ontvangenOp) {
    LocalDate d = ontvangstdatum(ontvangenOp);
    return type.termijnregel() == VerzoekType.Termijnregel.EEN_MAAND
        ? termijn.laatsteDagMaanden(d, 1) : termijn.laatsteDagWeken(d, 2);
  }

  /**
   * Whether a processor forwarded a request in time: the office received it at the latest on the 3rd working day
   * after the processor received it (PH-ORG-05 §8; working days without weekends, Dutch holidays and office closing
   * days; the processor's day of receipt not counted). Dates in Europe/Amsterdam.
   */
  public boolean verwerkerTijdig(OffsetDateTime verwerkerOntvangenOp, OffsetDateTime ontvangenOp) {
    LocalDate uiterlijk = termijn.werkdagenNa(termijn.alsDatum(verwerkerOntvangenOp, "verwerkerOntvangenOp"),
        VERWERKER_WERKDAGEN);
    return !ontvangstdatum(ontvangenOp).isAfter(uiterlijk);
  }

  /** A processor forwards a data subject's request within 3 working days (PH-ORG-05 §8). */
  public static final int VERWERKER_WERKDAGEN = 3;

  /** The legal deadline of the first period: receipt + 1 month. */
  public LocalDate wettelijk(OffsetDateTime ontvangenOp) {
    return termijn.laatsteDagMaanden(ontvangstdatum(ontvangenOp), 1);
  }

  /** The absolute limit with extension: receipt + 3 months. */
  public LocalDate wettelijkMaximum(OffsetDateTime ontvangenOp) {
    return termijn.laatsteDagMaanden(ontvangstdatum(ontvangenOp), 3);
  }
}
