package nl.deurwaarder.avg.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.variable.serializer.PrimitiveValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.impl.value.UntypedValueImpl;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * Texts longer than the engine's text column. Camunda 7 stores a string variable in {@code TEXT_}, a
 * {@code varchar(4000)} in ACT_RU_VARIABLE, ACT_HI_VARINST and ACT_HI_DETAIL; a longer string fails the whole
 * transaction at flush ("value too long"), so a task whose form allows 10 000 characters (a breach description, a
 * report text, a reply) could not be completed with more than 4 000, and what the user typed was lost with an error.
 *
 * <p>This plugin registers one serializer before Camunda's own: a string longer than {@value #GRENS} characters is
 * stored as UTF-8 bytes in ACT_GE_BYTEARRAY (like a bytes variable) under the serializer name {@value #NAAM}, and read
 * back as the same string. Its value type stays {@code String}, so Tasklist, Cockpit, the REST API, expressions and
 * the application's own code see an ordinary string; shorter strings are stored exactly as before. What it cannot do:
 * a variable query on the value ({@code variableValueEquals}) does not find a long text (nothing queries one).
 *
 * <p>Rows written with this serializer need it to be read: keep the plugin (a move to Operaton keeps the same class
 * with its package renamed).
 */
@Component
public class LangeTekstPlugin extends AbstractProcessEnginePlugin {

  /** Longer strings do not fit in {@code TEXT_ varchar(4000)}. */
  public static final int GRENS = 4000;
  public static final String NAAM = "avgLangeTekst";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<TypedValueSerializer> voor = new ArrayList<>();
    if (configuration.getCustomPreVariableSerializers() != null) {
      voor.addAll(configuration.getCustomPreVariableSerializers());
    }
    voor.add(0, new LangeTekstSerializer());
    configuration.setCustomPreVariableSerializers(voor);
  }

  /** A string of more than {@value #GRENS} characters, as bytes. */
  public static class LangeTekstSerializer extends PrimitiveValueSerializer<StringValue> {

    public LangeTekstSerializer() {
      super(ValueType.STRING);
    }

    @Override
    public String getName() {
      return NAAM;
    }

    @Override
    public boolean canHandle(TypedValue value) {
      boolean soort = value.getType() == null || ValueType.STRING.equals(value.getType());
      return soort && value.getValue() instanceof String tekst && tekst.length() > GRENS;
    }

    @Override
    public StringValue convertToTypedValue(UntypedValueImpl untyped) {
      return Variables.stringValue((String) untyped.getValue(), untyped.isTransient());
    }

    @Override
    public void writeValue(StringValue value, ValueFields velden) {
      velden.setByteArrayValue(value.getValue().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public StringValue readValue(ValueFields velden, boolean asTransientValue) {
      byte[] bytes = velden.getByteArrayValue();
      return Variables.stringValue(bytes == null ? null : new String(bytes, StandardCharsets.UTF_8),
          asTransientValue);
    }
  }
}
