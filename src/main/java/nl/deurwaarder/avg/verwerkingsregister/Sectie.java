package nl.deurwaarder.avg.verwerkingsregister;

import java.util.List;

/** A SECTIE of the process model (PH-PRO-03 §3.2), e.g. "40 Gerechtelijke incasso". */
public record Sectie(String code, String naam, List<Proces> processen) {

  /** Immutable, so that a published version can be shared between threads ({@link Verwerkingsregister#versie}). */
  public Sectie {
    processen = processen == null ? List.of() : List.copyOf(processen);
  }
}
