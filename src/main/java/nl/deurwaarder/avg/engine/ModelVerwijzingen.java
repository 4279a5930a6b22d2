package nl.deurwaarder.avg.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;

/**
 * Checks that the references between the process owners' files resolve: every {@code camunda:formRef} to a form in
 * the same deployment (with {@code formRefBinding="deployment"}), every {@code calledElement} to a process and every
 * {@code decisionRef} to a decision. Expressions ({@code ${...}}) are resolved at run time and are not checked here.
 */
public final class ModelVerwijzingen {

  private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

  private final Map<String, byte[]> bestanden = new LinkedHashMap<>();

  /** @param bestanden deployment resource name (e.g. "bpmn/x.bpmn") to content */
  public ModelVerwijzingen(Map<String, byte[]> bestanden) {
    this.bestanden.putAll(bestanden);
  }

  /** Every broken reference, as a Dutch sentence naming file and element; empty when all resolve. */
  public List<String> fouten() throws IOException {
    Set<String> formulieren = new HashSet<>();
    Set<String> processen = new HashSet<>();
    Set<String> beslissingen = new HashSet<>();
    Map<String, BpmnModelInstance> modellen = new LinkedHashMap<>();
    List<String> fouten = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    for (Map.Entry<String, byte[]> e : bestanden.entrySet()) {
      String naam = e.getKey();
      if (naam.endsWith(".form")) {
        JsonNode id = json.readTree(e.getValue()).get("id");
        if (id == null || id.asText().isBlank()) {
          fouten.add(naam + ": formulier zonder id");
        } else if (!formulieren.add(id.asText())) {
          fouten.add(naam + ": formulier-id '" + id.asText() + "' komt vaker voor");
        }
      } else if (naam.endsWith(".dmn")) {
        DmnModelInstance dmn = Dmn.readModelFromStream(new ByteArrayInputStream(e.getValue()));
        dmn.getModelElementsByType(Decision.class).forEach(d -> beslissingen.add(d.getId()));
      } else if (naam.endsWith(".bpmn")) {
        BpmnModelInstance bpmn = Bpmn.readModelFromStream(new ByteArrayInputStream(e.getValue()));
        modellen.put(naam, bpmn);
        bpmn.getModelElementsByType(Process.class).forEach(p -> processen.add(p.getId()));
      }
    }
    for (Map.Entry<String, BpmnModelInstance> e : modellen.entrySet()) {
      String naam = e.getKey();
      BpmnModelInstance bpmn = e.getValue();
      List<BaseElement> metFormulier = new ArrayList<>(bpmn.getModelElementsByType(UserTask.class));
      metFormulier.addAll(bpmn.getModelElementsByType(StartEvent.class));
      for (BaseElement element : metFormulier) {
        String formRef = element.getAttributeValueNs(CAMUNDA_NS, "formRef");
        if (formRef == null) {
          if (element instanceof UserTask) {
            fouten.add(naam + ": " + element.getId() + " heeft geen formulier (camunda:formRef)");
          }
          continue;
        }
        if (!"deployment".equals(element.getAttributeValueNs(CAMUNDA_NS, "formRefBinding"))) {
          fouten.add(naam + ": " + element.getId() + " moet camunda:formRefBinding=\"deployment\" hebben");
        }
        if (!isExpressie(formRef) && !formulieren.contains(formRef)) {
          fouten.add(naam + ": " + element.getId() + " verwijst naar formulier '" + formRef
              + "' dat niet in forms/ staat");
        }
      }
      for (CallActivity call : bpmn.getModelElementsByType(CallActivity.class)) {
        String ref = call.getCalledElement();
        if (ref == null || (!isExpressie(ref) && !processen.contains(ref))) {
          fouten.add(naam + ": " + call.getId() + " roept proces '" + ref + "' aan dat niet in bpmn/ staat");
        }
      }
      for (BusinessRuleTask task : bpmn.getModelElementsByType(BusinessRuleTask.class)) {
        String ref = task.getCamundaDecisionRef();
        if (ref == null || (!isExpressie(ref) && !beslissingen.contains(ref))) {
          fouten.add(naam + ": " + task.getId() + " verwijst naar beslistabel '" + ref
              + "' die niet in bpmn/ staat");
        }
      }
    }
    return fouten;
  }

  private static boolean isExpressie(String s) {
    return s.startsWith("${") || s.startsWith("#{");
  }
}
