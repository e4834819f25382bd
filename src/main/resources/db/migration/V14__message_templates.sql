-- Outside the 24-hour window each automated message goes as its own approved WhatsApp template with its own
-- parameters (a nudge, an appointment, a changed appointment…): kept with the message so a resend uses it too.
alter table conversation_message add column template_purpose varchar(40);
alter table conversation_message add column template_parameters varchar(2000);
