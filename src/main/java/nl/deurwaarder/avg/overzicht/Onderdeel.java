package nl.deurwaarder.avg.overzicht;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import nl.deurwaarder.avg.security.Functiescheiding;
import nl.deurwaarder.avg.security.Rol;

/**
 * The parts of the overview page and the roles that see each (docs/overzicht-en-rapportage.md, "Who sees what"):
 * <ul>
 *   <li>requests and breaches: all three roles — the registers are theirs to read (spec/domain.md), the coordinator
 *       handles them (PH-ORG-03), the FG supervises compliance (PH-ORG-02 §3), the directie decides on breaches
 *       (PH-PRO-04 §4) and answers for the deadlines as controller;</li>
 *   <li>letters waiting for the post or in doubt, and incidents: the coordinator, who must act on them, and the FG,
 *       who supervises that data subjects get their answer in time; not the directie (operational work that Cockpit
 *       and the coordinator cover; PH-ORG-01 §7 has the directie informed through the FG's report);</li>
 *   <li>processors that reported late (a request forwarded after 3 working days, a breach after 24 hours; PH-ORG-05
 *       §7, §8): all three roles, like the requests and breaches they concern;</li>
 *   <li>open deviations from FG advice: the FG, who keeps that registration (PH-ORG-02 §3.1), and the directie,
 *       whose decisions they are; not the coordinator;</li>
 *   <li>the half-yearly privacy reports: the FG who writes them and the directie they are for (PH-ORG-01 §7.3).</li>
 * </ul>
 * A user in both {@code fg} and {@code directie} sees nothing (function separation, PH-ORG-02).
 */
public enum Onderdeel {
  VERZOEKEN(Rol.PRIVACYCOORDINATOR, Rol.FG, Rol.DIRECTIE),
  DATALEKKEN(Rol.PRIVACYCOORDINATOR, Rol.FG, Rol.DIRECTIE),
  VERWERKERS(Rol.PRIVACYCOORDINATOR, Rol.FG, Rol.DIRECTIE),
  BRIEVEN(Rol.PRIVACYCOORDINATOR, Rol.FG),
  INCIDENTEN(Rol.PRIVACYCOORDINATOR, Rol.FG),
  AFWIJKINGEN(Rol.FG, Rol.DIRECTIE),
  RAPPORTAGES(Rol.FG, Rol.DIRECTIE);

  private final Set<Rol> rollen;

  Onderdeel(Rol... rollen) {
    this.rollen = Set.of(rollen);
  }

  public static EnumSet<Onderdeel> zichtbaarVoor(Set<String> groepen, Functiescheiding functiescheiding) {
    EnumSet<Onderdeel> uit = EnumSet.noneOf(Onderdeel.class);
    if (functiescheiding.geschonden(groepen)) {
      return uit;
    }
    for (Onderdeel o : values()) {
      if (o.rollen.stream().anyMatch(r -> groepen.contains(r.groepId()))) {
        uit.add(o);
      }
    }
    return uit;
  }

  static String rolnamen(Set<String> groepen) {
    List<String> namen = new ArrayList<>();
    for (Rol r : List.of(Rol.PRIVACYCOORDINATOR, Rol.FG, Rol.DIRECTIE)) {
      if (groepen.contains(r.groepId())) {
        namen.add(r.naam());
      }
    }
    return String.join(", ", namen);
  }
}
