package nl.deurwaarder.avg.verwerkingsregister;

import java.util.List;

/** A data type under a processing: every field of PH-PRO-03 §3.4. */
public record Gegevenstype(
    String naam,
    String betrokkene,
    Grondslag grondslag,
    String bron,
    List<String> verwerkers,
    List<String> ontvangers,
    List<String> systemen,
    Bewaartermijn bewaartermijn,
    String beveiliging,
    boolean bijzonder,
    BijzondereCategorie bijzondereCategorie,
    Art9Uitzondering art9Uitzondering) {

  public Gegevenstype {
    verwerkers = verwerkers == null ? List.of() : List.copyOf(verwerkers);
    ontvangers = ontvangers == null ? List.of() : List.copyOf(ontvangers);
    systemen = systemen == null ? List.of() : List.copyOf(systemen);
  }
}
