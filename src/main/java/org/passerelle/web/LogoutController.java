package org.passerelle.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Ends the one session shared by the Camunda webapps and Passerelle's pages, then shows the login page. */
@RestController
public class LogoutController {

    private final String engine;

    public LogoutController(@Value("${camunda.bpm.process-engine-name:default}") String engine) {
        this.engine = engine;
    }

    @GetMapping("/deconnexion")
    public ResponseEntity<Void> logout(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return ResponseEntity.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, "/camunda/app/welcome/" + engine + "/").build();
    }
}
