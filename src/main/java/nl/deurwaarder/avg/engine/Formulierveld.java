package nl.deurwaarder.avg.engine;

import java.math.BigDecimal;
import java.util.List;

/**
 * One input field of a deployed Camunda Form, as far as the server checks it: its key (the process variable), the
 * label a person reads, the component type and the constraints the form declares ({@code validate.*}, the choices,
 * {@code conditional.hide}).
 *
 * @param keuzes the fixed choices ({@code values}); empty when the form has none
 * @param keuzesVariabele {@code valuesKey}: the variable that holds the choices ({@code [{label, value}]}), or null
 * @param verberg the {@code conditional.hide} expression, or null
 */
public record Formulierveld(
    String sleutel,
    String label,
    String type,
    String subtype,
    boolean verplicht,
    boolean alleenLezen,
    Integer minLengte,
    Integer maxLengte,
    BigDecimal minimum,
    BigDecimal maximum,
    String patroon,
    List<String> keuzes,
    String keuzesVariabele,
    Verbergvoorwaarde verberg) {

  /** select and radio: one of the choices. */
  public boolean isEnkeleKeuze() {
    return "select".equals(type) || "radio".equals(type);
  }

  /** checklist and taglist: a list of choices. */
  public boolean isMeervoudigeKeuze() {
    return "checklist".equals(type) || "taglist".equals(type);
  }

  public boolean isTekst() {
    return "textfield".equals(type) || "textarea".equals(type);
  }

  public boolean heeftKeuzes() {
    return !keuzes.isEmpty() || keuzesVariabele != null;
  }

  /** The name a person reads in the message: the label, or the key when the form has none. */
  public String naam() {
    return label == null || label.isBlank() ? sleutel : label;
  }
}
