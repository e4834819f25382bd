package org.passerelle.channels.inbox;

/** Why the platform could not deliver a message, as the mediator reads it (Meta's documented error codes). */
final class UndeliveredReasons {

    private UndeliveredReasons() {
    }

    static String of(Integer code) {
        if (code == null) {
            return "la plateforme n'a pas pu remettre le message";
        }
        return switch (code) {
            case 131026 -> "message impossible à remettre (numéro sans WhatsApp, application trop ancienne ou conditions non acceptées)";
            case 131049 -> "la plateforme a limité l'envoi pour préserver l'engagement du jeune";
            case 131050 -> "le jeune a choisi de ne plus recevoir ce type de messages";
            case 131051 -> "type de message non pris en charge";
            case 131053 -> "pièce jointe impossible à envoyer";
            case 130472 -> "numéro du jeune inclus dans une expérimentation de la plateforme";
            case 551 -> "le jeune n'est pas joignable sur Messenger pour le moment";
            default -> "la plateforme n'a pas pu remettre le message (erreur " + code + ")";
        };
    }
}
