package nl.deurwaarder.avg.verwerkingsregister;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Problem details for the verwerkingsregister API. */
@RestControllerAdvice(assignableTypes = VerwerkingsregisterApi.class)
class VerwerkingsregisterFoutafhandeling {

  @ExceptionHandler(GeenRegisterVersieException.class)
  ProblemDetail geenVersie(GeenRegisterVersieException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    p.setTitle("Niet gevonden");
    return p;
  }
}
