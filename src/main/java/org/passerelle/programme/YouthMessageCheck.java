package org.passerelle.programme;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.passerelle.modelguard.DelegateInputCheck;
import org.springframework.stereotype.Component;

/** A lead's "Envoyer un message au jeune" is refused at deploy time when its message could not be sent as written. */
@Component
class YouthMessageCheck implements DelegateInputCheck {

    private final ProgrammeTexts texts;

    YouthMessageCheck(ProgrammeTexts texts) {
        this.texts = texts;
    }

    @Override
    public String delegateName() {
        return "sendYouthMessage";
    }

    @Override
    public List<String> problems(Map<String, String> inputs) {
        String message = inputs.get(SendYouthMessage.MESSAGE);
        if (message == null && inputs.containsKey(SendYouthMessage.MESSAGE)) {
            return List.of("« Envoyer un message au jeune » : le champ Message doit être un texte");
        }
        if (message == null || message.isBlank()) {
            return List.of("« Envoyer un message au jeune » : le champ Message est vide");
        }
        List<String> problems = new ArrayList<>();
        if (message.contains("${") || message.contains("#{")) {
            problems.add("« Envoyer un message au jeune » : le message ne peut pas contenir d'expression (${…})");
        }
        texts.modelMessageProblems(message).forEach(p -> problems.add("« Envoyer un message au jeune » : " + p));
        return problems;
    }
}
