package nl.deurwaarder.avg.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CodeViaHttpWeigeringTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"query\":{\"assigneeExpression\":\"${currentUser()}\"}}",
      "{\"query\":{\"candidateGroupsExpression\":\"${currentUserGroups()}\"}}",
      "{\"query\":{\"dueBeforeExpression\":\"${dateTime().plusDays(2).toDate()}\"}}",
      "{\"query\":{\"followUpBeforeOrNotExistentExpression\":\"${now()}\"}}",
      "{\"name\":\"Mijn taken\",\"query\":{\"assignee\":\"coordinator\"}}"})
  void harmlessFiltersPass(String body) {
    assertThat(CodeViaHttpWeigering.bevatCode(body)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"query\":{\"assigneeExpression\":\"${''.getClass().forName('java.lang.Runtime')}\"}}",
      "{\"query\":{\"assigneeExpression\":\"#{verzoekregister.zetStatus('x')}\"}}",
      "{\"query\":{\"assigneeExpression\":\"\\u0024{verzoekregister}\"}}",
      "{\"query\":{\"assigneeExpression\":\"${currentUser()}${x}\"}}",
      "{\"query\":{\"assigneeExpression\":\"${a{b}}\"}}",
      "{\"query\":{\"dueBeforeExpression\":\"${dateTime().plusDays(2).toDate().getClass()}\"}}"})
  void expressionsThatRunCodeAreRefused(String body) {
    assertThat(CodeViaHttpWeigering.bevatCode(body)).isTrue();
  }
}
