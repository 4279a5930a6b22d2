package nl.deurwaarder.avg.datalek;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A report through the API: checked first (400 with every bad field), then the breach procedure {@code avg-datalek}
 * starts with the report as its start variables, exactly like the Tasklist start form "Datalek melden"; its first
 * step registers it. One transaction: a failure leaves no entry, no process and no used number.
 */
@Service
public class DatalekMelden {

  public static final String PROCES = "avg-datalek";

  private final DatalekIntake intake;
  private final DatalekRegister register;
  private final RuntimeService runtimeService;

  public DatalekMelden(DatalekIntake intake, DatalekRegister register, RuntimeService runtimeService) {
    this.intake = intake;
    this.register = register;
    this.runtimeService = runtimeService;
  }

  @Transactional
  public Datalek meld(NieuweDatalekmelding ontvangen) {
    if (ontvangen == null) {
      throw new OngeldigeDatalekmeldingException(Map.of("omschrijving", "Beschrijf wat er is gebeurd",
          "ontdektOp", "Vul in wanneer het (mogelijke) datalek is ontdekt (datum en tijd)"));
    }
    NieuweDatalekmelding m = intake.normaliseer(ontvangen);
    intake.controleer(m);
    Map<String, Object> vars = new HashMap<>();
    vars.put("omschrijving", m.omschrijving());
    vars.put("ontdektOp", Date.from(m.ontdektOp().toInstant()));
    vars.put("bron", m.bron().name());
    vars.put("verwerker", m.verwerker());
    vars.put("verwerkerOntdektOp", m.verwerkerOntdektOp() == null ? null
        : Date.from(m.verwerkerOntdektOp().toInstant()));
    vars.put("geschatAantalBetrokkenen", m.geschatAantalBetrokkenen());
    vars.put("getroffenSystemen", m.getroffenSystemen());
    vars.put("getroffenGegevens", m.getroffenGegevens());
    vars.put("melderNaam", m.melderNaam());
    vars.put("melderEmail", m.melderEmail());
    ProcessInstanceWithVariables pi = runtimeService.createProcessInstanceByKey(PROCES).setVariables(vars)
        .executeWithVariablesInReturn();
    return register.haal((String) pi.getVariables().get("referentie"));
  }
}
