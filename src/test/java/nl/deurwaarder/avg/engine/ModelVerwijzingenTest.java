package nl.deurwaarder.avg.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ModelVerwijzingenTest {

  private static final String BPMN = """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
        <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="1">
          <bpmn:startEvent id="Start" camunda:formRef="%s" camunda:formRefBinding="deployment"/>
          <bpmn:userTask id="Task_Beoordelen" camunda:formRef="%s" camunda:formRefBinding="%s"/>
          <bpmn:callActivity id="Call_Sub" calledElement="%s"/>
          <bpmn:businessRuleTask id="Rule_Ernst" camunda:decisionRef="%s"/>
        </bpmn:process>
      </bpmn:definitions>
      """;

  private static final String DMN = """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="dd" name="d" namespace="n">
        <decision id="ernst" name="Ernst"><decisionTable id="t"><output id="o" typeRef="string"/></decisionTable></decision>
      </definitions>
      """;

  private static Map<String, byte[]> set(String formRef, String binding, String called, String decision) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("bpmn/hoofd.bpmn", String.format(BPMN, "hoofd", "start-formulier", formRef, binding, called, decision)
        .getBytes(StandardCharsets.UTF_8));
    files.put("bpmn/ernst.dmn", DMN.getBytes(StandardCharsets.UTF_8));
    files.put("forms/start.form", "{\"id\":\"start-formulier\",\"components\":[]}".getBytes(StandardCharsets.UTF_8));
    files.put("forms/beoordelen.form", "{\"id\":\"beoordelen\",\"components\":[]}".getBytes(StandardCharsets.UTF_8));
    return files;
  }

  @Test
  void allReferencesResolve() throws IOException {
    assertThat(new ModelVerwijzingen(set("beoordelen", "deployment", "hoofd", "ernst")).fouten()).isEmpty();
  }

  @Test
  void formRefToMissingFormIsReported() throws IOException {
    assertThat(new ModelVerwijzingen(set("bestaat-niet", "deployment", "hoofd", "ernst")).fouten())
        .containsExactly("bpmn/hoofd.bpmn: Task_Beoordelen verwijst naar formulier 'bestaat-niet' dat niet in forms/ staat");
  }

  @Test
  void formRefWithoutDeploymentBindingIsReported() throws IOException {
    assertThat(new ModelVerwijzingen(set("beoordelen", "latest", "hoofd", "ernst")).fouten())
        .singleElement().asString().contains("formRefBinding");
  }

  @Test
  void calledElementToMissingProcessIsReported() throws IOException {
    assertThat(new ModelVerwijzingen(set("beoordelen", "deployment", "weg", "ernst")).fouten())
        .containsExactly("bpmn/hoofd.bpmn: Call_Sub roept proces 'weg' aan dat niet in bpmn/ staat");
  }

  @Test
  void decisionRefToMissingDecisionIsReported() throws IOException {
    assertThat(new ModelVerwijzingen(set("beoordelen", "deployment", "hoofd", "geen")).fouten())
        .containsExactly("bpmn/hoofd.bpmn: Rule_Ernst verwijst naar beslistabel 'geen' die niet in bpmn/ staat");
  }

  /** The process owners' real files: every reference resolves. */
  @Test
  void theProjectsModelsResolve() throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (String dir : List.of("bpmn", "forms")) {
      try (Stream<Path> paths = Files.walk(Path.of(dir))) {
        for (Path p : paths.filter(Files::isRegularFile).sorted().toList()) {
          files.put(dir + "/" + Path.of(dir).relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
        }
      }
    }
    assertThat(files.keySet()).anyMatch(n -> n.endsWith(".bpmn")).anyMatch(n -> n.endsWith(".form"));
    assertThat(new ModelVerwijzingen(files).fouten()).isEmpty();
  }
}
