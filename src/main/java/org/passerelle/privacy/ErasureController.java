package org.passerelle.privacy;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Erasure on request, by programme leads: {@code DELETE /api/journeys/{id}/personal-data}. */
@RestController
public class ErasureController {

    private final Erasure erasure;

    public ErasureController(Erasure erasure) {
        this.erasure = erasure;
    }

    @DeleteMapping("/api/journeys/{journeyId}/personal-data")
    public ResponseEntity<Void> erase(@PathVariable Long journeyId) {
        return erasure.eraseYouthOf(journeyId) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
    }
}
