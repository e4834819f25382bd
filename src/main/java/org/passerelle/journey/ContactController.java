package org.passerelle.journey;

import org.passerelle.intake.ContactRequest;
import jakarta.validation.Valid;
import java.net.URI;
import org.passerelle.journey.JourneyGateway;
import org.passerelle.journey.JourneyGateway.FirstContact;
import org.passerelle.journey.JourneyGateway.Started;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Entry point for first contacts until the channel webhooks exist. Idempotent on (channel, external id). */
@RestController
@RequestMapping("/api/contacts")
public class ContactController {

    private final JourneyGateway gateway;

    public ContactController(JourneyGateway gateway) {
        this.gateway = gateway;
    }

    public record ContactResponse(Long journeyId, String processInstanceId) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<ContactResponse> create(@Valid @RequestBody ContactRequest request) {
        FirstContact contact = new FirstContact(request.channel(), request.externalId().trim(), request.firstName(),
                request.campaign(), request.message());
        Started started;
        try {
            started = gateway.startFromFirstContact(contact);
        } catch (DataIntegrityViolationException concurrentTwin) {
            // The same contact arrived at the same moment and won the race: answer with its journey.
            started = gateway.startFromFirstContact(contact);
        }
        ContactResponse body = new ContactResponse(started.journeyId(), started.processInstanceId());
        return started.created()
                ? ResponseEntity.created(URI.create("/api/journeys/" + started.journeyId())).body(body)
                : ResponseEntity.ok(body);
    }
}
