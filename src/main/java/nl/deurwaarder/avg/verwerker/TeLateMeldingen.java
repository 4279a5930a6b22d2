package nl.deurwaarder.avg.verwerker;

import nl.deurwaarder.avg.kantoor.VerwerkerTeLaatGemeld;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A breach that a processor reported more than 24 hours after its discovery (PH-ORG-05 §7) becomes, in the same
 * transaction as its registration, a task for the FG in the processor's cycle and a line in the processor's history;
 * the late report shows on the processor's record ({@code termijnoverschrijdingen}).
 */
@Component
public class TeLateMeldingen {

  private final Verwerkersregister register;
  private final VerwerkerCyclus cyclus;

  public TeLateMeldingen(Verwerkersregister register, VerwerkerCyclus cyclus) {
    this.register = register;
    this.cyclus = cyclus;
  }

  @EventListener
  public void teLaat(VerwerkerTeLaatGemeld melding) {
    Verwerker v = register.vindOpNaam(melding.verwerker()).orElseThrow(() -> new IllegalStateException(
        "Datalek " + melding.referentie() + ": verwerker niet in het register"));
    cyclus.teLaatGemeld(v.id(), melding.referentie(), melding.verwerkerOntdektOp(), melding.ontdektOp());
  }
}
