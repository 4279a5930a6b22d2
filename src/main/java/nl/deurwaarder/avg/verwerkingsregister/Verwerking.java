package nl.deurwaarder.avg.verwerkingsregister;

import java.util.List;

/**
 * A processing (VERWERKING, PH-PRO-03 §3.3): purpose, basis (with, for special categories, the art. 9 exception),
 * owner, categories of data subjects and recipients, retention, international transfers, security measures, whether
 * it is a high risk (PIA needed), and whether it is ordinary business operations (the only place basis f is allowed
 * for a bailiff, PH-PRO-03 §3.3), with its data types.
 */
public record Verwerking(
    String code,
    String naam,
    String doeleind,
    Grondslag grondslag,
    String grondslagToelichting,
    Art9Uitzondering art9Uitzondering,
    boolean bedrijfsvoering,
    String eigenaar,
    List<String> categorieenBetrokkenen,
    List<String> categorieenOntvangers,
    Bewaartermijn bewaartermijn,
    String doorgifteBuitenEer,
    String doorgifteGrondslag,
    String beveiliging,
    boolean hoogRisico,
    List<String> gezamenlijkeVerantwoordelijken,
    List<Gegevenstype> gegevenstypen) {

  public Verwerking {
    categorieenBetrokkenen = categorieenBetrokkenen == null ? List.of() : List.copyOf(categorieenBetrokkenen);
    categorieenOntvangers = categorieenOntvangers == null ? List.of() : List.copyOf(categorieenOntvangers);
    gezamenlijkeVerantwoordelijken = gezamenlijkeVerantwoordelijken == null ? List.of()
        : List.copyOf(gezamenlijkeVerantwoordelijken);
    gegevenstypen = gegevenstypen == null ? List.of() : List.copyOf(gegevenstypen);
  }

  /** "40.3" for "40.3.1". */
  public String procesCode() {
    int i = code.lastIndexOf('.');
    return i < 0 ? code : code.substring(0, i);
  }

  public boolean bevatBijzondereGegevens() {
    return gegevenstypen.stream().anyMatch(Gegevenstype::bijzonder);
  }
}
