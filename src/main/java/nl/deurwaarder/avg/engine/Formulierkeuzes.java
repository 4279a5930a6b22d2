package nl.deurwaarder.avg.engine;

import java.util.List;
import java.util.Map;

/**
 * A source of choices that {@link ProcesDeployment} writes into forms before it deploys them: the choices of a
 * decision table (e.g. {@code bpmn/verzoekgronden.dmn}) replace the {@code values} of the named fields, so that the
 * deployed form — the contract {@link FormuliercontractPlugin} enforces and Tasklist shows — is the table's. A
 * capability implements it; the shared engine room knows no capability.
 */
public interface Formulierkeuzes {

  /**
   * The choices for the files about to be deployed.
   *
   * @param bestanden deployment resource name (e.g. "bpmn/x.dmn", "forms/y.form") to content
   * @return form resource name → field key → its choices, in order. An empty list means "the table gives none": the
   *     form must then not have that field; a non-empty list requires the form to have it (a checklist, taglist,
   *     select or radio).
   */
  Map<String, Map<String, List<Keuze>>> keuzes(Map<String, byte[]> bestanden);

  /** What the deployment step says when it refuses, e.g. "bpmn/verzoekgronden.dmn". */
  String bron();

  /** One choice: the text a person sees and the value that is stored. */
  record Keuze(String label, String value) {
  }
}
