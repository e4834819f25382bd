package org.passerelle.selftest;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.passerelle.web.HtmlPages;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The skills self-test a youth opens from a link, without an account: mobile first, every answer a labelled radio in a
 * fieldset with its legend, no script. An unanswered statement comes back with the others kept.
 */
@RestController
@RequestMapping("/jeunes/test")
public class SelfTestPage {

    private static final Map<String, String> PARTS = parts();

    private final SelfTests tests;

    public SelfTestPage(SelfTests tests) {
        this.tests = tests;
    }

    private static Map<String, String> parts() {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("interets", "Ce qui t'attire");
        parts.put("savoirEtre", "Comment tu travailles");
        parts.put("contraintes", "Ce qui peut compliquer les choses");
        return parts;
    }

    @GetMapping(produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> show(@RequestParam(name = "t", required = false) String token) {
        return switch (tests.check(token)) {
            case OPEN -> form(token, Map.of(), List.of(), HttpStatus.OK);
            case DONE -> results(tests.of(token).orElseThrow().getResults(), "Tu as déjà fait ce test");
            case EXPIRED -> HtmlPages.page(HttpStatus.GONE, "Lien expiré", "<p>Ce lien n'est plus valable. Demande un nouveau lien à ton médiateur.</p>");
            case INVALID -> HtmlPages.page(HttpStatus.BAD_REQUEST, "Lien invalide", "<p>Ce lien est incomplet ou a été modifié. "
                    + "Utilise le lien reçu dans ta messagerie.</p>");
        };
    }

    @PostMapping(consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE, produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> answer(@RequestParam Map<String, String> form) {
        String token = form.get("t");
        SelfTests.LinkState state = tests.check(token);
        if (state != SelfTests.LinkState.OPEN) {
            return show(token);
        }
        Map<String, Integer> answers = new HashMap<>();
        List<String> missing = new java.util.ArrayList<>();
        for (SelfTestQuestions.Question q : tests.questions()) {
            String value = form.get(q.code());
            if (value != null && SelfTestScores.SCALE.containsKey(value)) {
                answers.put(q.code(), Integer.parseInt(value));
            } else {
                missing.add(q.code());
            }
        }
        if (!missing.isEmpty()) {
            return form(token, answers, missing, HttpStatus.BAD_REQUEST);
        }
        return results(tests.complete(token, answers), "Merci, voici tes résultats");
    }

    private static ResponseEntity<String> results(String inWords, String title) {
        return HtmlPages.page(HttpStatus.OK, title, "<p>" + HtmlPages.escape(inWords).replace("\n", "</p><p>") + "</p>"
                + "<p>Ton médiateur a reçu ces résultats : vous en parlerez ensemble pour choisir la suite.</p>");
    }

    private ResponseEntity<String> form(String token, Map<String, Integer> answers, List<String> missing, HttpStatus status) {
        List<SelfTestQuestions.Question> questions = tests.questions();
        StringBuilder html = new StringBuilder();
        if (!missing.isEmpty()) {
            html.append("<div class=\"errors\" role=\"alert\" id=\"erreurs\"><p>Il manque ").append(missing.size())
                    .append(missing.size() > 1 ? " réponses" : " réponse").append(" : elles sont signalées ci-dessous. Tes autres réponses sont gardées.</p></div>");
        }
        html.append("<p>Pour chaque phrase, choisis ce qui te ressemble. Il n'y a pas de bonne ou de mauvaise réponse.</p>")
                .append("<form method=\"post\" action=\"/jeunes/test\"").append(missing.isEmpty() ? "" : " aria-describedby=\"erreurs\"")
                .append("><input type=\"hidden\" name=\"t\" value=\"").append(HtmlPages.escape(token)).append("\">");
        int number = 1;
        for (Map.Entry<String, String> part : PARTS.entrySet()) {
            List<SelfTestQuestions.Question> inPart = questions.stream().filter(q -> q.part().equals(part.getKey())).toList();
            if (inPart.isEmpty()) {
                continue;
            }
            html.append("<h2>").append(HtmlPages.escape(part.getValue())).append("</h2>");
            for (SelfTestQuestions.Question q : inPart) {
                boolean isMissing = missing.contains(q.code());
                html.append("<fieldset").append(isMissing ? " class=\"errors\" aria-invalid=\"true\"" : "").append("><legend>")
                        .append(number++).append(". ").append(HtmlPages.escape(q.statement()))
                        .append(isMissing ? " <strong>(réponse manquante)</strong>" : "").append("</legend>");
                for (Map.Entry<String, String> choice : SelfTestScores.SCALE.entrySet()) {
                    String id = HtmlPages.escape(q.code() + "-" + choice.getKey());
                    boolean checked = answers.containsKey(q.code()) && answers.get(q.code()) == Integer.parseInt(choice.getKey());
                    html.append("<label for=\"").append(id).append("\"><input type=\"radio\" id=\"").append(id).append("\" name=\"")
                            .append(HtmlPages.escape(q.code())).append("\" value=\"").append(choice.getKey()).append("\"")
                            .append(checked ? " checked" : "").append("> ").append(choice.getValue()).append("</label>");
                }
                html.append("</fieldset>");
            }
        }
        return HtmlPages.page(status, "Ton test : goûts et points forts", html.append("<button type=\"submit\">Voir mes résultats</button></form>")
                .toString());
    }
}
