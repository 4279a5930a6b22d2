package nl.deurwaarder.avg.engine;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The filter's translations of Camunda's 500 answers, without an application context. */
class OngeldigeInvoerFilterTest {

  private static MockHttpServletResponse filter(int status, String body) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/engine-rest/task/1/complete");
    MockHttpServletResponse response = new MockHttpServletResponse();
    FilterChain chain = (req, res) -> {
      ((jakarta.servlet.http.HttpServletResponse) res).setStatus(status);
      res.setContentType("application/json");
      res.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    };
    new OngeldigeInvoerFilter().doFilter(request, response, chain);
    return response;
  }

  @Test
  void aLostRaceToCompleteATaskIsA409InDutch() throws Exception {
    MockHttpServletResponse r = filter(500, "{\"type\":\"RestException\",\"message\":\"Cannot complete task 1: "
        + "ENGINE-03005 Execution of 'INSERT VariableInstanceEntity[2]' failed. Entity was updated by another "
        + "transaction concurrently.\",\"code\":1}");
    assertThat(r.getStatus()).isEqualTo(409);
    assertThat(r.getContentAsString(StandardCharsets.UTF_8)).contains("Iemand anders heeft deze taak zojuist")
        .doesNotContain("ENGINE-");
  }

  /** The other outcome of the race: the task was already gone when the second request looked it up. */
  @Test
  void aTaskCompletedByAnotherUserJustBeforeIsA404InDutch() throws Exception {
    MockHttpServletResponse r = filter(500, "{\"type\":\"RestException\",\"message\":\"Cannot complete task 1: "
        + "Cannot find task with id 1: task is null\",\"code\":0}");
    assertThat(r.getStatus()).isEqualTo(404);
    assertThat(r.getContentAsString(StandardCharsets.UTF_8)).contains("waarschijnlijk heeft iemand anders haar")
        .doesNotContain("task is null");
  }

  @Test
  void otherServerErrorsStayAsTheyAre() throws Exception {
    MockHttpServletResponse r = filter(500, "{\"type\":\"ProcessEngineException\",\"message\":\"iets anders\"}");
    assertThat(r.getStatus()).isEqualTo(500);
    assertThat(r.getContentAsString(StandardCharsets.UTF_8)).contains("iets anders");
  }
}
