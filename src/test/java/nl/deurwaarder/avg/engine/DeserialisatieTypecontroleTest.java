package nl.deurwaarder.avg.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import nl.deurwaarder.avg.AvgSpringTest;
import nl.deurwaarder.avg.verzoek.Betrokkene;
import nl.deurwaarder.avg.verzoek.Kanaal;
import nl.deurwaarder.avg.verzoek.NieuwVerzoek;
import nl.deurwaarder.avg.verzoek.Verzoek;
import nl.deurwaarder.avg.verzoek.VerzoekIntake;
import nl.deurwaarder.avg.verzoek.VerzoekType;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Object variables sent over {@code /engine-rest} (issue 15): Camunda deserializes a JSON object variable into the
 * class its {@code objectTypeName} names. With type validation on, only Camunda's allow-list (java.lang, the plain
 * java.util collections) is deserialized, so a variable naming any other class (a gadget) never becomes an object
 * on the server; Java serialization is refused when the variable is set.
 */
@AvgSpringTest
class DeserialisatieTypecontroleTest {

  @LocalServerPort
  int port;
  @Autowired
  VerzoekIntake intake;
  @Autowired
  ProcessEngine engine;

  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> rest(String methode, String pad, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest" + pad))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            "admin:admin".getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/json")
        .method(methode, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String objectVariabele(String klasse, String formaat, String json) {
    return "{\"type\":\"Object\",\"value\":\"" + json.replace("\"", "\\\"") + "\",\"valueInfo\":{\"objectTypeName\":\""
        + klasse + "\",\"serializationDataFormat\":\"" + formaat + "\"}}";
  }

  @Test
  void typeValidationIsOnInTheEngine() {
    ProcessEngineConfigurationImpl configuratie = (ProcessEngineConfigurationImpl) engine
        .getProcessEngineConfiguration();
    assertThat(configuratie.isDeserializationTypeValidationEnabled()).isTrue();
    assertThat(configuratie.isJavaSerializationFormatEnabled()).isFalse();
  }

  @Test
  void anObjectVariableOfAClassOutsideTheAllowListIsNeverDeserialized() throws Exception {
    Verzoek v = intake.registreer(new NieuwVerzoek(VerzoekType.INZAGE, Kanaal.EMAIL, null,
        new Betrokkene("Type Controle", "type.controle@example.org", null, null, null), null, "Inzage."),
        "coordinator");
    String pad = "/process-instance/" + v.processInstanceId() + "/variables/";

    // a class outside the allow-list (Jackson would build a java.net.URL from this string without validation)
    HttpResponse<String> gezet = rest("PUT", pad + "vreemd",
        objectVariabele("java.net.URL", "application/json", "\"https://voorbeeld.nl/\""));
    assertThat(gezet.statusCode()).as(gezet.body()).isEqualTo(204);
    HttpResponse<String> gelezen = rest("GET", pad + "vreemd", null);
    assertThat(gelezen.statusCode()).as(gelezen.body()).isEqualTo(500);
    assertThat(gelezen.body()).contains("Cannot deserialize object in variable 'vreemd'").contains("java.net.URL");
    // and the reason is the type validation, not the value (Jackson reads a URL from this string without it)
    assertThatThrownBy(() -> engine.getRuntimeService().getVariable(v.processInstanceId(), "vreemd"))
        .hasRootCauseMessage("The following classes are not whitelisted for deserialization: [java.net.URL]");
    // the stored text itself stays readable for an operator, without deserializing it
    HttpResponse<String> tekst = rest("GET", pad + "vreemd?deserializeValue=false", null);
    assertThat(tekst.statusCode()).as(tekst.body()).isEqualTo(200);

    // a plain list of strings is on the allow-list: the same path works, so the refusal above is the validation
    HttpResponse<String> lijst = rest("PUT", pad + "lijst",
        objectVariabele("java.util.ArrayList<java.lang.String>", "application/json", "[\"a\",\"b\"]"));
    assertThat(lijst.statusCode()).as(lijst.body()).isEqualTo(204);
    HttpResponse<String> lijstGelezen = rest("GET", pad + "lijst", null);
    assertThat(lijstGelezen.statusCode()).as(lijstGelezen.body()).isEqualTo(200);
    assertThat(lijstGelezen.body()).contains("[\"a\",\"b\"]");

    // Java serialization is not accepted at all
    HttpResponse<String> java = rest("PUT", pad + "java",
        objectVariabele("java.util.ArrayList", "application/x-java-serialized-object", "rO0ABXNyABNqYXZh"));
    assertThat(java.statusCode()).as(java.body()).isIn(400, 500);
    assertThat(engine.getRuntimeService().getVariable(v.processInstanceId(), "java")).isNull();
  }
}
