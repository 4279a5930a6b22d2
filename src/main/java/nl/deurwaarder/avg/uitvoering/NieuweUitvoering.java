package nl.deurwaarder.avg.uitvoering;

import java.time.LocalDate;

/** What a procedure records for one system; see {@link Uitvoeringsregister#legVast}. */
public record NieuweUitvoering(Uitvoeringssoort soort, String systeem, String dossiernummer, String omschrijving,
    String beperkingReden, LocalDate beperktTot, String beperkingEinde, LocalDate uitgevoerdOp,
    String uitgevoerdDoor) {

  /** An erasure, anonymisation, correction or lifted restriction (no restriction details). */
  public static NieuweUitvoering van(Uitvoeringssoort soort, String systeem, String dossiernummer,
      String omschrijving, LocalDate uitgevoerdOp, String uitgevoerdDoor) {
    return new NieuweUitvoering(soort, systeem, dossiernummer, omschrijving, null, null, null, uitgevoerdOp,
        uitgevoerdDoor);
  }
}
