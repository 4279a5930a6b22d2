package nl.deurwaarder.avg.verzoek;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.deurwaarder.avg.engine.Formulierkeuzes;
import org.springframework.stereotype.Component;

/**
 * Puts the grounds of {@code bpmn/verzoekgronden.dmn} into the four "Verzoek beoordelen" forms when the deployment
 * step deploys them: per request type its form ({@code forms/<naam>-beoordelen.form}), per kind of ground the
 * checklist of that name. The checked-in forms carry the same values as a readable preview;
 * {@code VerzoekgrondenFormulierenTest} fails when they differ.
 */
@Component
public class VerzoekgrondenInFormulieren implements Formulierkeuzes {

  /** The form of a request type's "Verzoek beoordelen" task, e.g. "forms/inzageverzoek-beoordelen.form". */
  public static String formulier(VerzoekType type) {
    return "forms/" + type.naam() + "-beoordelen.form";
  }

  @Override
  public Map<String, Map<String, List<Keuze>>> keuzes(Map<String, byte[]> bestanden) {
    byte[] dmn = bestanden.get(Grondentabel.BESTAND);
    if (dmn == null) {
      throw new IllegalStateException(Grondentabel.BESTAND + " ontbreekt: zonder de tabel hebben de formulieren"
          + " 'Verzoek beoordelen' geen gronden");
    }
    return keuzes(Grondentabel.uitDmn(dmn));
  }

  /** Per form, per kind of ground (every kind, an empty list when the table gives none), the choices. */
  public static Map<String, Map<String, List<Keuze>>> keuzes(Grondentabel tabel) {
    Map<String, Map<String, List<Keuze>>> keuzes = new LinkedHashMap<>();
    for (VerzoekType type : VerzoekType.values()) {
      Map<String, List<Keuze>> velden = new LinkedHashMap<>();
      for (String soort : Grondentabel.SOORTEN) {
        velden.put(soort, tabel.gronden(type, soort).stream()
            .map(g -> new Keuze(g.formulierLabel(), g.code())).toList());
      }
      keuzes.put(formulier(type), velden);
    }
    return keuzes;
  }

  @Override
  public String bron() {
    return Grondentabel.BESTAND;
  }
}
