package org.passerelle.journey;

import java.time.Instant;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Where a journey stands, without personal data. */
@RestController
@RequestMapping("/api/journeys")
public class JourneyController {

    private final JourneyRepository journeys;

    public JourneyController(JourneyRepository journeys) {
        this.journeys = journeys;
    }

    public record JourneyStatus(Long journeyId, String processInstanceId, Journey.Status status, String outcome,
            Instant openedAt, Instant closedAt, int nudgesSent) {
    }

    @GetMapping("/{journeyId}")
    public ResponseEntity<JourneyStatus> get(@PathVariable Long journeyId) {
        return journeys.findById(journeyId)
                .map(j -> new JourneyStatus(j.getId(), j.getProcessInstanceId(), j.getStatus(), j.getOutcome(),
                        j.getOpenedAt(), j.getClosedAt(), j.getNudgesSent()))
                .map(ResponseEntity::ok)
                .orElse(ResponseEntity.notFound().build());
    }
}
