package org.passerelle.journey;

import java.time.Clock;
import java.time.Instant;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.passerelle.conversation.ConversationMessage;
import org.passerelle.conversation.ConversationMessageRepository;
import org.passerelle.intake.Youth;
import org.passerelle.intake.YouthRepository;
import org.passerelle.journey.YouthJourney.Messages;
import org.passerelle.journey.YouthJourney.Vars;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The one place that starts youthJourney instances and correlates messages to them. */
@Service
public class JourneyGateway {

    private final RuntimeService runtimeService;
    private final ContactRegistration registration;
    private final YouthRepository youths;
    private final JourneyRepository journeys;
    private final ConversationMessageRepository messages;
    private final Clock clock;

    private final org.passerelle.conversation.MediaLinks media;
    private final org.springframework.context.ApplicationEventPublisher events;

    public JourneyGateway(RuntimeService runtimeService, ContactRegistration registration, YouthRepository youths, JourneyRepository journeys,
            ConversationMessageRepository messages, org.passerelle.conversation.MediaLinks media, Clock clock,
            org.springframework.context.ApplicationEventPublisher events) {
        this.media = media;
        this.events = events;
        this.runtimeService = runtimeService;
        this.registration = registration;
        this.youths = youths;
        this.journeys = journeys;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * A first contact: the same (channel, external id) twice gives the same journey. The message may
     * have come another way than the channel the youth will be answered on (a lead form, say).
     */
    public record FirstContact(String channel, String externalId, String firstName, String campaign, String message,
            String messageChannel, Instant sentAt) {

        public FirstContact {
            firstName = org.passerelle.intake.PersonNames.clean(firstName);
        }

        public FirstContact(String channel, String externalId, String firstName, String campaign, String message,
                String messageChannel) {
            this(channel, externalId, firstName, campaign, message, messageChannel, null);
        }

        public FirstContact(String channel, String externalId, String firstName, String campaign, String message) {
            this(channel, externalId, firstName, campaign, message, channel, null);
        }

        /** The same first message, at the time the platform says the youth sent it. */
        public FirstContact sentAt(Instant at) {
            return new FirstContact(channel, externalId, firstName, campaign, message, messageChannel, at);
        }
    }

    /**
     * When the youth wrote, as the platform says it, if believable: not in the future, not older than the platforms'
     * week of redelivery. Otherwise when we processed it.
     */
    static Instant believable(Instant sentAt, Instant processed) {
        return sentAt != null && !sentAt.isAfter(processed) && sentAt.isAfter(processed.minus(java.time.Duration.ofDays(7)))
                ? sentAt : processed;
    }

    /** The programme's promise to a youth who writes: an answer within 24 hours. */
    public static final java.time.Duration FIRST_ANSWER_PROMISE = java.time.Duration.ofHours(24);

    public record Started(Long journeyId, String processInstanceId, boolean created) {
    }

    @Transactional
    public Started startFromFirstContact(FirstContact contact) {
        var existing = youths.findByChannelAndExternalId(contact.channel(), contact.externalId());
        if (existing.isPresent()) {
            Journey journey = journeys.findFirstByYouthIdOrderByOpenedAtDesc(existing.get().getId()).orElseThrow();
            return new Started(journey.getId(), journey.getProcessInstanceId(), false);
        }
        return start(registration.register(contact), contact);
    }

    /** A youth whose last journey is closed writes again: a new journey starts from this message. */
    @Transactional
    public Started youthReturns(Long youthId, String message) {
        Youth youth = youths.findById(youthId).orElseThrow();
        youth.setOptedOutAt(null);
        Journey journey = registration.reopen(youth, message);
        return start(journey, new FirstContact(youth.getChannel(), youth.getExternalId(), youth.getFirstName(),
                youth.getCampaign(), message));
    }

    /** The youth lifted their opt-out on the platform: nudges may be sent again once a journey is open. */
    @Transactional
    public void youthResumed(Long youthId) {
        youths.findById(youthId).orElseThrow().setOptedOutAt(null);
    }

    /** The latest journey of a youth known on this channel, if any. */
    @Transactional(readOnly = true)
    public java.util.Optional<Journey> latestJourney(String channel, String externalId) {
        return youths.findByChannelAndExternalId(channel, externalId)
                .flatMap(youth -> journeys.findFirstByYouthIdOrderByOpenedAtDesc(youth.getId()));
    }

    private Started start(Journey journey, FirstContact contact) {
        ProcessInstance instance = runtimeService.createMessageCorrelation(Messages.FIRST_CONTACT_RECEIVED)
                .processInstanceBusinessKey(journey.getId().toString())
                .setVariables(firstContactVariables(journey, contact)
                        // The promise runs from when the youth wrote, not from a late or retried processing.
                        .putValue(Vars.FIRST_ANSWER_DUE, java.util.Date.from(
                                believable(contact.sentAt(), clock.instant()).plus(FIRST_ANSWER_PROMISE))))
                .correlateStartMessage();
        journey.setProcessInstanceId(instance.getId());
        requestAutoReply(instance.getId(), contact.message(), true);
        events.publishEvent(new FirstContactStarted(journey.getId(), contact.channel()));
        return new Started(journey.getId(), instance.getId(), true);
    }

    private VariableMap firstContactVariables(Journey journey, FirstContact contact) {
        return Variables.createVariables()
                .putValue(Vars.JOURNEY_ID, journey.getId())
                .putValue(Vars.YOUTH_FIRST_NAME, contact.firstName())
                .putValue(Vars.CHANNEL, contact.channel())
                .putValue(Vars.CAMPAIGN, contact.campaign())
                .putValue(Vars.FIRST_MESSAGE, YouthJourney.fitsAVariable(media.readable(contact.channel(), contact.message()), true));
    }

    /** A later message from the youth: stored, then delivered to the journey's waiting events. */
    @Transactional
    public void youthWrote(Long journeyId, String body) {
        youthWrote(journeyId, body, null);
    }

    /**
     * The same, at the time the platform says the youth sent it: the 24-hour window and the order of the
     * conversation follow the youth's clock, not a late or retried processing. A time in the future, or older than
     * the platforms' week of redelivery, is not believed.
     */
    @Transactional
    public void youthWrote(Long journeyId, String body, Instant sentAt) {
        Journey journey = journeys.findById(journeyId).orElseThrow();
        Instant now = believable(sentAt, clock.instant());
        messages.save(ConversationMessage.inbound(journeyId, ConversationMessage.Kind.YOUTH_MESSAGE,
                journey.getYouth().getChannel(), body, now));
        journey.youthReached(now);
        runtimeService.createMessageCorrelation(Messages.YOUTH_MESSAGE_RECEIVED)
                .processInstanceBusinessKey(journeyId.toString())
                .correlateAllWithResult();
        events.publishEvent(new YouthWrote(journeyId, body));
        if (journey.getProcessInstanceId() != null) {
            requestAutoReply(journey.getProcessInstanceId(), body, false);
        }
    }

    /**
     * The journey's "Réponse automatique" answers a frequent question, or acknowledges a first message, within
     * seconds (its own asynchronous step: a platform outage never delays the intake).
     */
    private void requestAutoReply(String processInstanceId, String message, boolean first) {
        runtimeService.createMessageCorrelation(Messages.AUTO_REPLY_REQUESTED).processInstanceId(processInstanceId)
                .setVariablesLocal(Variables.createVariables().putValue(Vars.AUTO_REPLY_MESSAGE, YouthJourney.fitsAVariable(message, true))
                        .putValue(Vars.AUTO_REPLY_FIRST, first))
                .correlateAllWithResult();
    }

    /** The youth asked to stop: nudges end at once and the journey closes. */
    @Transactional
    public void youthOptedOut(Long journeyId) {
        Journey journey = journeys.findById(journeyId).orElseThrow();
        journey.getYouth().setOptedOutAt(clock.instant());
        runtimeService.createMessageCorrelation(Messages.YOUTH_OPTED_OUT)
                .processInstanceBusinessKey(journeyId.toString())
                .correlateAllWithResult();
    }

    /**
     * A message we sent could not be delivered: the mediator gets a task with the text, the reason and the youth's
     * other contacts (phone or email from a lead form, the WhatsApp number to call).
     */
    @Transactional
    public void messageUndelivered(Long journeyId, String text, String reason) {
        Journey journey = journeys.findById(journeyId).orElseThrow();
        if (journey.getStatus() != Journey.Status.OPEN) {
            return;
        }
        runtimeService.createMessageCorrelation(Messages.MESSAGE_UNDELIVERED)
                .processInstanceBusinessKey(journeyId.toString())
                .setVariablesLocal(org.camunda.bpm.engine.variable.Variables.createVariables()
                        .putValue(YouthJourney.Vars.UNDELIVERED_TEXT, text)
                        .putValue(YouthJourney.Vars.UNDELIVERED_REASON, reason)
                        .putValue(YouthJourney.Vars.OTHER_CONTACTS, otherContacts(journey.getYouth()))
                        // Reaching the youth another way is due within a day.
                        .putValue(YouthJourney.Vars.UNDELIVERED_DUE, java.util.Date.from(clock.instant().plus(java.time.Duration.ofDays(1)))))
                .correlateAllWithResult();
    }

    private static String otherContacts(org.passerelle.intake.Youth youth) {
        java.util.List<String> ways = new java.util.ArrayList<>();
        if (youth.getContactPhone() != null && !youth.getContactPhone().isBlank()) {
            ways.add("téléphone " + youth.getContactPhone());
        } else if ("whatsapp".equals(youth.getChannel()) && youth.getExternalId() != null
                && youth.getExternalId().matches("\\d{8,15}")) {
            ways.add("appel ou SMS au +" + youth.getExternalId());
        }
        if (youth.getContactEmail() != null && !youth.getContactEmail().isBlank()) {
            ways.add("courriel " + youth.getContactEmail());
        }
        return ways.isEmpty() ? "aucun autre contact connu : attendez que le jeune écrive, ou voyez avec le partenaire qui l'a orienté"
                : String.join(" ; ", ways);
    }
}
