package nl.deurwaarder.avg.api;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Problem details (RFC 9457) for every kind of bad input to the product API, in Dutch, naming each invalid field in
 * {@code velden}. Bad input never becomes a 500.
 */
@RestControllerAdvice(basePackages = "nl.deurwaarder.avg")
public class ApiFoutafhandeling {

  public static ProblemDetail ongeldig(Map<String, String> velden) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "Niet alle gegevens zijn geldig: " + velden.entrySet().stream()
            .map(e -> e.getKey() + " — " + e.getValue()).collect(Collectors.joining("; ")));
    p.setTitle("Ongeldige invoer");
    p.setProperty("velden", velden);
    return p;
  }

  @ExceptionHandler(OngeldigeInvoerFout.class)
  ProblemDetail ongeldigeInvoer(OngeldigeInvoerFout e) {
    return ongeldig(e.fouten());
  }

  @ExceptionHandler(NietGevondenFout.class)
  ProblemDetail onbekend(NietGevondenFout e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    p.setTitle("Niet gevonden");
    return p;
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail onleesbaar(HttpMessageNotReadableException e) {
    Throwable oorzaak = e.getCause();
    if (oorzaak instanceof JsonMappingException jme && !jme.getPath().isEmpty()) {
      String veld = veldpad(jme);
      String melding;
      if (oorzaak instanceof InvalidFormatException ife && ife.getTargetType() != null
          && ife.getTargetType().isEnum()) {
        melding = "Onbekende waarde '" + ife.getValue() + "'; toegestaan: " + java.util.Arrays.toString(
            ife.getTargetType().getEnumConstants());
      } else if (oorzaak instanceof InvalidFormatException ife && ife.getTargetType() != null
          && ife.getTargetType().getName().startsWith("java.time")) {
        melding = "Geen geldige datum of tijd (verwacht ISO 8601, bijvoorbeeld 2026-03-05 of 2026-03-05T10:15:00+01:00)";
      } else if (oorzaak instanceof MismatchedInputException) {
        melding = "Verkeerd soort waarde voor dit veld";
      } else {
        melding = "Ongeldige waarde";
      }
      Map<String, String> velden = new LinkedHashMap<>();
      velden.put(veld, melding);
      return ongeldig(velden);
    }
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "De inhoud van het verzoek is geen geldige JSON.");
    p.setTitle("Ongeldige invoer");
    return p;
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail verkeerdType(MethodArgumentTypeMismatchException e) {
    String toegestaan = e.getRequiredType() != null && e.getRequiredType().isEnum()
        ? "; toegestaan: " + java.util.Arrays.toString(e.getRequiredType().getEnumConstants()) : "";
    return ongeldig(Map.of(e.getName(), "Ongeldige waarde '" + e.getValue() + "'" + toegestaan));
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ProblemDetail ontbreekt(MissingServletRequestParameterException e) {
    return ongeldig(Map.of(e.getParameterName(), "Ontbreekt"));
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ProblemDetail mediaType(HttpMediaTypeNotSupportedException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        "Stuur de gegevens als application/json.");
    p.setTitle("Verkeerd formaat");
    return p;
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ProblemDetail methode(HttpRequestMethodNotSupportedException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.METHOD_NOT_ALLOWED,
        "Deze handeling (" + e.getMethod() + ") is hier niet toegestaan.");
    p.setTitle("Niet toegestaan");
    return p;
  }

  static String veldpad(JsonMappingException e) {
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining(".")).replace(".[", "[");
  }
}
