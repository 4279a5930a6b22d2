package nl.deurwaarder.avg.verwerkingsregister;

import java.util.List;

/** A PROCES of the process model (PH-PRO-03 §3.2), e.g. "40.3 Ontvangst en inboeken vonnis". */
public record Proces(String code, String naam, List<Verwerking> verwerkingen) {

  /** Immutable, so that a published version can be shared between threads ({@link Verwerkingsregister#versie}). */
  public Proces {
    verwerkingen = verwerkingen == null ? List.of() : List.copyOf(verwerkingen);
  }
}
