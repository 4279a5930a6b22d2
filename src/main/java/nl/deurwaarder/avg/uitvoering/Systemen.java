package nl.deurwaarder.avg.uitvoering;

import java.util.List;
import java.util.Optional;

/**
 * The sources of checklist PH-PRO-02, offered as system names (free names are allowed too: the checklist has free
 * rows). A name typed with other capitals or spaces is stored as the standard spelling, so a restore filtered on a
 * standard system finds it.
 */
public final class Systemen {

  public static final List<String> STANDAARD = List.of(
      "Dossierapplicatie",
      "Fysieke dossiers",
      "Archiefdossiers digitaal",
      "Archiefdossiers fysiek",
      "E-mailberichten",
      "Managementinformatie opdrachtgevers",
      "Webportal justitiabelen",
      "Webportal opdrachtgevers",
      "Register klachten",
      "Register agressie-incidenten",
      "Register verzoeken AVG");

  private Systemen() {
  }

  /** The standard spelling when {@code naam} is a standard system, else {@code naam} trimmed. */
  public static String normaliseer(String naam) {
    String n = naam == null ? "" : naam.trim().replaceAll("\\s+", " ");
    return standaard(n).orElse(n);
  }

  public static Optional<String> standaard(String naam) {
    String n = naam == null ? "" : naam.trim().replaceAll("\\s+", " ");
    return STANDAARD.stream().filter(s -> s.equalsIgnoreCase(n)).findFirst();
  }
}
