package nl.deurwaarder.avg.security;

import java.util.Arrays;
import java.util.Optional;

/** The roles of spec/domain.md, each a Camunda group. */
public enum Rol {
  PRIVACYCOORDINATOR("privacycoordinator", "Privacycoördinator"),
  FG("fg", "Functionaris Gegevensbescherming"),
  DIRECTIE("directie", "Directie"),
  MEDEWERKER("medewerker", "Medewerkers"),
  ICT("ict", "ICT"),
  DATALEKTEAM("datalekteam", "Datalekteam"),
  /**
   * Functions PH-ORG-02 §2.1 declares incompatible with the FG (see {@link Functiescheiding}); groups without rights
   * of their own: the office adds its managers to them so the product can refuse an FG in one of them.
   */
  ICT_MANAGEMENT("ictmanagement", "Manager ICT"),
  HR_MANAGEMENT("hrmanagement", "HR-manager"),
  KANTOORMANAGEMENT("kantoormanagement", "Manager operations / chef de bureau"),
  BEHEERDER("camunda-admin", "Beheerders"),
  /**
   * Technical accounts of integrations (a dossier application, monitoring): HTTP Basic on /api and /engine-rest,
   * never a webapp login. In production the only accounts that may use HTTP Basic. Their rights come from the role
   * groups the office adds them to (e.g. privacycoordinator to register requests).
   */
  API_KOPPELING("apikoppeling", "API-koppelingen (technische accounts)");

  private final String groepId;
  private final String naam;

  Rol(String groepId, String naam) {
    this.groepId = groepId;
    this.naam = naam;
  }

  public String groepId() {
    return groepId;
  }

  public String naam() {
    return naam;
  }

  public static Optional<Rol> vanGroep(String groepId) {
    return Arrays.stream(values()).filter(r -> r.groepId.equals(groepId)).findFirst();
  }

  /** The groups that work in Tasklist: everyone but the pure administrators. */
  public static Rol[] medewerkersrollen() {
    return new Rol[] {PRIVACYCOORDINATOR, FG, DIRECTIE, MEDEWERKER, ICT, DATALEKTEAM};
  }
}
