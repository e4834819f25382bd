package org.passerelle.selftest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.passerelle.modelguard.DecisionCheck;
import org.springframework.stereotype.Component;

/** A test a youth could not take or that could not be scored is refused at deploy time, in French. */
@Component
class SelfTestQuestionsCheck implements DecisionCheck {

    @Override
    public String decisionKey() {
        return SelfTestQuestions.DECISION;
    }

    @Override
    public List<String> problems(DmnEngine engine, DmnDecision decision) {
        List<String> problems = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        var rows = engine.evaluateDecisionTable(decision, Variables.createVariables().putValue("langue", "fr")).getResultList();
        for (var row : rows) {
            var question = SelfTestQuestions.Question.of(row);
            if (!question.code().matches("[a-zA-Z0-9_]{1,40}") || question.code().equals("t")) {
                problems.add("code « " + question.code() + " » refusé : lettres, chiffres ou _, 40 au plus (et pas « t »)");
            }
            if (!codes.add(question.code())) {
                problems.add("le code « " + question.code() + " » figure deux fois");
            }
            var dimensions = SelfTestQuestions.DIMENSIONS.get(question.part());
            if (dimensions == null) {
                problems.add("« " + question.code() + " » : partie inconnue « " + question.part() + " » (interets, savoirEtre ou contraintes)");
            } else if (!dimensions.contains(question.dimension())) {
                problems.add("« " + question.code() + " » : dimension inconnue « " + question.dimension() + " » pour " + question.part());
            }
            if (question.statement().isBlank() || question.statement().length() > 300) {
                problems.add("« " + question.code() + " » : une affirmation de 1 à 300 caractères est attendue");
            }
        }
        if (rows.stream().map(SelfTestQuestions.Question::of).noneMatch(q -> q.part().equals("interets"))) {
            problems.add("le test doit poser au moins une question d'intérêts");
        }
        return problems;
    }
}
