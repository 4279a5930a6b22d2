package nl.deurwaarder.avg.archief;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Spring refuses a multipart request above {@code spring.servlet.multipart.max-file-size} before any controller is
 * chosen, so a controller's own exception handler never sees it. For an archive upload this shows the archive page
 * again (after a redirect) with a Dutch message; for every other path the exception is rethrown unchanged, so Spring's default answer
 * (413) stays as it was.
 */
@ControllerAdvice
public class ArchiefUploadLimiet {

  private final ArchiefPagina pagina;

  public ArchiefUploadLimiet(ArchiefPagina pagina) {
    this.pagina = pagina;
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  public ModelAndView teGroot(MaxUploadSizeExceededException e, HttpServletRequest request)
      throws MaxUploadSizeExceededException {
    String referentie = ArchiefPagina.referentieUitPad(request);
    var gebruiker = SecurityContextHolder.getContext().getAuthentication();
    if (referentie == null || gebruiker == null) {
      throw e;
    }
    return pagina.teGrootePagina(referentie, gebruiker, request);
  }
}
