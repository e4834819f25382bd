-- A lead form gives how to reach a youth who did not accept WhatsApp: kept on the youth (erased with it).
alter table youth add column full_name varchar(160);
alter table youth add column contact_phone varchar(30);
alter table youth add column contact_email varchar(200);
-- Attempts at applying a delivery: an unreadable lead is recorded after a few, instead of an endless incident.
alter table inbox_delivery add column attempts integer default 0 not null;
