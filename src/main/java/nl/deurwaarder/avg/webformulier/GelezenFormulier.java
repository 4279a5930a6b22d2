package nl.deurwaarder.avg.webformulier;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.Part;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A website-form submission whose multipart body {@link FormulierOntvangst} has already read: it presents the text
 * fields as the parameters of a plain form post, with an empty body, so nothing downstream parses the body again.
 */
class GelezenFormulier extends HttpServletRequestWrapper {

  private static final String FORM = "application/x-www-form-urlencoded;charset=UTF-8";
  private final Map<String, String[]> parameters;

  GelezenFormulier(HttpServletRequest request, Map<String, List<String>> velden) {
    super(request);
    Map<String, String[]> p = new LinkedHashMap<>();
    velden.forEach((k, v) -> p.put(k, v.toArray(String[]::new)));
    this.parameters = Collections.unmodifiableMap(p);
  }

  @Override
  public String getParameter(String name) {
    String[] v = parameters.get(name);
    return v == null || v.length == 0 ? null : v[0];
  }

  @Override
  public Map<String, String[]> getParameterMap() {
    return parameters;
  }

  @Override
  public Enumeration<String> getParameterNames() {
    return Collections.enumeration(parameters.keySet());
  }

  @Override
  public String[] getParameterValues(String name) {
    String[] v = parameters.get(name);
    return v == null ? null : v.clone();
  }

  @Override
  public String getContentType() {
    return FORM;
  }

  @Override
  public String getHeader(String name) {
    return "content-type".equalsIgnoreCase(name) ? FORM : super.getHeader(name);
  }

  @Override
  public Enumeration<String> getHeaders(String name) {
    return "content-type".equalsIgnoreCase(name)
        ? Collections.enumeration(List.of(FORM)) : super.getHeaders(name);
  }

  @Override
  public int getContentLength() {
    return 0;
  }

  @Override
  public long getContentLengthLong() {
    return 0;
  }

  @Override
  public ServletInputStream getInputStream() {
    return new ServletInputStream() {
      @Override
      public boolean isFinished() {
        return true;
      }

      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setReadListener(ReadListener readListener) {
        throw new UnsupportedOperationException();
      }

      @Override
      public int read() {
        return -1;
      }
    };
  }

  @Override
  public Collection<Part> getParts() {
    return List.of();
  }

  @Override
  public Part getPart(String name) {
    return null;
  }
}
