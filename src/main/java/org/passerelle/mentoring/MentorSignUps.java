package org.passerelle.mentoring;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.passerelle.referral.ReferralLinks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A mentor's way in: sign-up, address confirmed by a link, validation by a programme lead, then the mentor's own
 * space (pause, capacity, leave). One mentor per email address; the page answers the same whatever the address,
 * so nobody learns from it who is a mentor.
 */
@Service
public class MentorSignUps {

    public enum Confirmation { CONFIRMED, ALREADY_CONFIRMED, EXPIRED, INVALID }

    /** Emails one address may receive from sign-ups a day (per node). */
    static final int MAILS_PER_ADDRESS_AND_DAY = 3;

    private final com.github.benmanes.caffeine.cache.Cache<String, io.github.bucket4j.Bucket> mails =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().expireAfterAccess(java.time.Duration.ofDays(2)).maximumSize(100_000).build();

    private final MentorRepository mentors;
    private final MentorLinks links;
    private final MentorMailer mailer;
    private final RuntimeService runtime;
    private final Clock clock;

    public MentorSignUps(MentorRepository mentors, MentorLinks links, MentorMailer mailer, RuntimeService runtime, Clock clock) {
        this.mentors = mentors;
        this.links = links;
        this.mailer = mailer;
        this.runtime = runtime;
        this.clock = clock;
    }

    /**
     * A sign-up: a new address gets its confirmation link. A pending one keeps its first profile and gets the same link
     * again (whoever types someone's address can neither rewrite their sign-up nor kill their link), a few times a day
     * at most: Passerelle is no relay to fill a stranger's mailbox.
     */
    @Transactional
    public void signUp(Mentor.Profile profile) {
        Optional<Mentor> known = mentors.findByEmail(profile.email());
        if (!mails.get(profile.email(), address -> io.github.bucket4j.Bucket.builder().addLimit(limit -> limit
                .capacity(MAILS_PER_ADDRESS_AND_DAY).refillGreedy(MAILS_PER_ADDRESS_AND_DAY, java.time.Duration.ofDays(1))).build())
                .tryConsume(1)) {
            return;
        }
        if (known.isEmpty()) {
            Mentor mentor = mentors.saveAndFlush(Mentor.of(profile, Mentor.Status.EMAIL_TO_CONFIRM, clock.instant()));
            String nonce = mentor.renewLinkNonce(MentorLinks.newNonce());
            mailer.confirmAddress(mentor.getEmail(), mentor.getFirstName(), confirmationLink(mentor, nonce));
            return;
        }
        if (known.get().getStatus() == Mentor.Status.EMAIL_TO_CONFIRM) {
            Mentor mentor = known.get();
            mailer.confirmAddress(mentor.getEmail(), mentor.getFirstName(), confirmationLink(mentor, mentor.getLinkNonce()));
            return;
        }
        // Known and confirmed: nothing changes (whoever typed this address cannot rewrite a mentor's profile).
        Mentor mentor = known.get();
        boolean hasSpace = mentor.getStatus() == Mentor.Status.ACTIVE || mentor.getStatus() == Mentor.Status.PAUSED;
        mailer.alreadySignedUp(mentor.getEmail(), mentor.getFirstName(), hasSpace ? spaceUrl(mentor) : null);
    }

    /** The address is the mentor's: the sign-up goes to a programme lead. Single use. */
    @Transactional
    public Confirmation confirm(String token) {
        ReferralLinks.Verified verified = links.verify(MentorLinks.Purpose.CONFIRM, token);
        if (verified.check() == ReferralLinks.Check.TAMPERED) {
            return Confirmation.INVALID;
        }
        Mentor mentor = mentors.findById(verified.referralId()).orElse(null);
        if (mentor == null || mentor.getStatus() == Mentor.Status.ERASED) {
            return Confirmation.INVALID;
        }
        if (mentor.getStatus() != Mentor.Status.EMAIL_TO_CONFIRM) {
            return Confirmation.ALREADY_CONFIRMED;
        }
        if (verified.check() == ReferralLinks.Check.EXPIRED) {
            return Confirmation.EXPIRED;
        }
        if (!Objects.equals(mentor.getLinkNonce(), verified.nonce())) {
            // An older link of a sign-up sent again: only the latest email's link counts.
            return Confirmation.INVALID;
        }
        mentor.confirmEmail(clock.instant());
        mentor.renewLinkNonce(null);
        runtime.startProcessInstanceByKey(MentorValidation.PROCESS_ID, "mentor-" + mentor.getId(), Variables.createVariables()
                .putValue(MentorValidation.Vars.MENTOR_ID, mentor.getId())
                .putValue(MentorValidation.Vars.SIGN_UP, MentorSummary.of(mentor)));
        return Confirmation.CONFIRMED;
    }

    /** The lead's decision: an accepted mentor gets the link to their space. */
    @Transactional
    public void validate(Long mentorId, boolean accepted) {
        Mentor mentor = mentors.findById(mentorId).orElse(null);
        if (mentor == null || mentor.getStatus() != Mentor.Status.TO_VALIDATE) {
            return;
        }
        if (accepted) {
            mentor.setStatus(Mentor.Status.ACTIVE);
            mailer.welcome(mentor.getEmail(), mentor.getFirstName(), spaceUrl(mentor));
        } else {
            mentor.setStatus(Mentor.Status.INACTIVE);
            mailer.notValidated(mentor.getEmail(), mentor.getFirstName());
        }
    }

    /** The sign-up a confirmation link is about, to show before the button (the person confirms what they typed). */
    @Transactional(readOnly = true)
    public Optional<String> pendingSummary(String token) {
        ReferralLinks.Verified verified = links.verify(MentorLinks.Purpose.CONFIRM, token);
        if (verified.check() != ReferralLinks.Check.VALID) {
            return Optional.empty();
        }
        return mentors.findById(verified.referralId()).filter(m -> m.getStatus() == Mentor.Status.EMAIL_TO_CONFIRM
                && Objects.equals(m.getLinkNonce(), verified.nonce())).map(MentorSummary::of);
    }

    /** The link to the mentor's space: its secret is kept until the mentor leaves. */
    String spaceUrl(Mentor mentor) {
        String nonce = mentor.getLinkNonce() == null ? mentor.renewLinkNonce(MentorLinks.newNonce()) : mentor.getLinkNonce();
        return links.url(MentorLinks.Purpose.SPACE, mentor.getId(), nonce);
    }

    /** Valid seven days from the sign-up: the email sent again for a pending sign-up carries the very same link. */
    private String confirmationLink(Mentor mentor, String nonce) {
        java.time.Instant from = mentor.getSignedUpAt() != null ? mentor.getSignedUpAt() : clock.instant();
        return links.url(MentorLinks.Purpose.CONFIRM, mentor.getId(), nonce, from);
    }
}
