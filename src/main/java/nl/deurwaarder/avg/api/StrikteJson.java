package nl.deurwaarder.avg.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.stereotype.Component;

/**
 * The JSON reader of the product's API takes what the contract says and nothing it has to guess: a count is a whole
 * number ({@code 3.5} is refused, not truncated to 3), a date is an ISO 8601 text ({@code "2026-03-05"}), a moment an
 * ISO 8601 text with offset ({@code "2026-03-05T10:15:00+01:00"}). Jackson's defaults would read {@code 1717228800} or
 * {@code "1717228800"} as epoch seconds and {@code []} as "no date" — values a client almost certainly did not mean.
 * Refusals become 400 problem details naming the field ({@link ApiFoutafhandeling}).
 */
@Component
public class StrikteJson implements Jackson2ObjectMapperBuilderCustomizer {

  @Override
  public void customize(org.springframework.http.converter.json.Jackson2ObjectMapperBuilder builder) {
    builder.featuresToDisable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    builder.deserializerByType(LocalDate.class, new AlleenTekst<>(LocalDate.class, LocalDate::parse));
    builder.deserializerByType(OffsetDateTime.class, new AlleenTekst<>(OffsetDateTime.class, OffsetDateTime::parse));
  }

  /** A java.time value only from a JSON string in ISO 8601. */
  static final class AlleenTekst<T> extends StdScalarDeserializer<T> {
    private final transient Function<String, T> ontleden;

    AlleenTekst(Class<T> type, Function<String, T> ontleden) {
      super(type);
      this.ontleden = ontleden;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (!p.hasToken(JsonToken.VALUE_STRING)) {
        return (T) ctxt.handleUnexpectedToken(handledType(), p);
      }
      String tekst = p.getText().strip();
      if (tekst.isEmpty()) {
        return null; // as if absent: the validation names a required field
      }
      try {
        return ontleden.apply(tekst);
      } catch (DateTimeParseException e) {
        throw ctxt.weirdStringException(tekst, handledType(), "geen datum of tijd volgens ISO 8601");
      }
    }
  }
}
