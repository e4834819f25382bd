-- Answers a youth can tap (WhatsApp reply buttons, Messenger quick replies), "|"-separated; plain text elsewhere.
alter table conversation_message add column quick_replies varchar(220);
