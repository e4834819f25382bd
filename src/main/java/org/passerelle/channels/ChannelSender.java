package org.passerelle.channels;

/** Delivers one outbound message on the youth's channel; throws when the platform refuses it. */
public interface ChannelSender {

    void deliver(ConversationMessage message, String recipientExternalId);
}
