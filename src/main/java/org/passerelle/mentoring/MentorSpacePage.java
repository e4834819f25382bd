package org.passerelle.mentoring;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.passerelle.referral.ReferralLinks;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A mentor's own space, from the link of their welcome email: pause, resume, change capacity, leave. */
@RestController
@RequestMapping("/mentors/espace")
public class MentorSpacePage {

    private final MentorLinks links;
    private final MentorRepository mentors;
    private final MentorDirectory directory;
    private final MentorLeaving leaving;
    private final MentorPages pages;

    public MentorSpacePage(MentorLinks links, MentorRepository mentors, MentorDirectory directory, MentorLeaving leaving, MentorPages pages) {
        this.links = links;
        this.mentors = mentors;
        this.directory = directory;
        this.leaving = leaving;
        this.pages = pages;
    }

    private Optional<Mentor> mentorOf(String token) {
        ReferralLinks.Verified verified = links.verify(MentorLinks.Purpose.SPACE, token);
        if (verified.check() != ReferralLinks.Check.VALID) {
            return Optional.empty();
        }
        return mentors.findById(verified.referralId())
                .filter(m -> m.getLinkNonce() != null && Objects.equals(m.getLinkNonce(), verified.nonce()))
                .filter(m -> m.getStatus() == Mentor.Status.ACTIVE || m.getStatus() == Mentor.Status.PAUSED);
    }

    @GetMapping(produces = MediaType.TEXT_HTML_VALUE)
    @Transactional(readOnly = true)
    public ResponseEntity<String> show(@RequestParam(name = "t", required = false) String token) {
        return mentorOf(token).map(m -> space(token, m, null, HttpStatus.OK)).orElseGet(this::closed);
    }

    @PostMapping(consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE, produces = MediaType.TEXT_HTML_VALUE)
    @Transactional
    public ResponseEntity<String> act(@RequestParam(name = "t", required = false) String token,
            @RequestParam(required = false) String action, @RequestParam(name = "capacite", required = false) String capacity,
            @RequestParam(name = "confirme", required = false) String confirmed) {
        Mentor mentor = mentorOf(token).orElse(null);
        if (mentor == null) {
            return closed();
        }
        switch (action == null ? "" : action) {
            case "pause" -> mentor.setStatus(Mentor.Status.PAUSED);
            case "reprendre" -> mentor.setStatus(Mentor.Status.ACTIVE);
            case "capacite" -> {
                int value;
                try {
                    value = Integer.parseInt(capacity == null ? "" : capacity.trim());
                } catch (NumberFormatException notANumber) {
                    value = 0;
                }
                if (value < 1 || value > MentorProfileInput.MAX_CAPACITY) {
                    return space(token, mentor, "Indiquez un nombre de jeunes entre 1 et " + MentorProfileInput.MAX_CAPACITY
                            + " (pour ne plus en recevoir, faites une pause).", HttpStatus.BAD_REQUEST);
                }
                mentor.setCapacity(value);
            }
            case "quitter" -> {
                if (!"oui".equals(confirmed)) {
                    return space(token, mentor, "Cochez la case pour confirmer que vous quittez le programme.", HttpStatus.BAD_REQUEST);
                }
                leaving.erase(mentor.getId());
                return pages.page(HttpStatus.OK, "space", "Vous avez quitté le programme", "left", Map.of());
            }
            default -> {
                return space(token, mentor, "Choisissez une action.", HttpStatus.BAD_REQUEST);
            }
        }
        return space(token, mentor, null, HttpStatus.OK);
    }

    private ResponseEntity<String> closed() {
        return pages.page(HttpStatus.BAD_REQUEST, "link-state", "Lien invalide", "closedSpace", Map.of());
    }

    private ResponseEntity<String> space(String token, Mentor mentor, String problem, HttpStatus status) {
        Map<String, Object> values = new HashMap<>();
        values.put("token", token);
        values.put("problem", problem);
        values.put("firstName", mentor.getFirstName());
        values.put("followed", directory.activeMentorships(mentor.getId()));
        values.put("capacity", mentor.getCapacity());
        values.put("maxCapacity", MentorProfileInput.MAX_CAPACITY);
        values.put("paused", mentor.getStatus() == Mentor.Status.PAUSED);
        return pages.page(status, "space", "Votre espace mentor", "space", values);
    }
}
