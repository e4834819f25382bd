package org.passerelle.selftest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.passerelle.web.TemplatePages;
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

    /** A part of the test and its statements, as the page shows them. */
    record Part(String title, List<Statement> questions) {
    }

    /** A statement, its number on the page, the answer kept (a scale value, or null) and whether it is missing. */
    record Statement(String code, int number, String statement, String answer, boolean missing) {
    }

    private final SelfTests tests;
    private final TemplatePages pages;

    public SelfTestPage(SelfTests tests, TemplatePages pages) {
        this.tests = tests;
        this.pages = pages;
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
            case EXPIRED -> pages.page(HttpStatus.GONE, "selftest/test", "Lien expiré", Map.of("view", "expired"));
            case INVALID -> pages.page(HttpStatus.BAD_REQUEST, "selftest/test", "Lien invalide", Map.of("view", "invalid"));
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
        List<String> missing = new ArrayList<>();
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

    private ResponseEntity<String> results(String inWords, String title) {
        return pages.page(HttpStatus.OK, "selftest/test", title, Map.of("view", "results", "lines", List.of(inWords.split("\n"))));
    }

    private ResponseEntity<String> form(String token, Map<String, Integer> answers, List<String> missing, HttpStatus status) {
        List<SelfTestQuestions.Question> questions = tests.questions();
        List<Part> parts = new ArrayList<>();
        int number = 1;
        for (Map.Entry<String, String> part : PARTS.entrySet()) {
            List<Statement> inPart = new ArrayList<>();
            for (SelfTestQuestions.Question q : questions) {
                if (q.part().equals(part.getKey())) {
                    inPart.add(new Statement(q.code(), number++, q.statement(),
                            answers.containsKey(q.code()) ? String.valueOf(answers.get(q.code())) : null, missing.contains(q.code())));
                }
            }
            if (!inPart.isEmpty()) {
                parts.add(new Part(part.getValue(), inPart));
            }
        }
        Map<String, Object> values = new HashMap<>();
        values.put("view", "form");
        values.put("token", token);
        values.put("missing", missing);
        values.put("parts", parts);
        values.put("scale", SelfTestScores.SCALE);
        return pages.page(status, "selftest/test", "Ton test : goûts et points forts", values);
    }
}
