-- WhatsApp text messages reach 4,096 characters, Messenger's 2,000 (UTF-16 units): room for both and more.
alter table conversation_message alter column body set data type varchar(8000);
