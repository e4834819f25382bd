package org.passerelle.mentoring;

import org.passerelle.journey.YouthWrote;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A youth's reply may answer their mentorship's check-in (1, 2 or 3), within the message's own transaction. */
@Component
class MentorshipReplies {

    private final Mentorships mentorships;

    MentorshipReplies(Mentorships mentorships) {
        this.mentorships = mentorships;
    }

    @EventListener
    void youthWrote(YouthWrote message) {
        mentorships.youthWrote(message.journeyId(), message.body());
    }
}
