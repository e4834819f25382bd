-- Partner directory in the spirit of data·inclusion (structure + service) with admission criteria.
alter table partner add column source varchar(40);
alter table partner add column source_id varchar(160);
alter table partner add column structure_name varchar(200);
alter table partner add column commune_code varchar(5);
alter table partner add column phone varchar(40);
-- Comma-separated zones: "france", "metropole", "reg:11", "dep:93", "com:93066".
alter table partner add column zone_eligibilite varchar(2000);
alter table partner add column publics varchar(500);
alter table partner add column conditions_acces varchar(2000);
alter table partner add column modes_mobilisation varchar(500);
alter table partner add column min_diploma_level varchar(20);
-- Comma-separated statuses a youth must have (e.g. "rqth").
alter table partner add column required_statuses varchar(200);
alter table partner add column capacity integer;
alter table partner add column updated_at timestamp;
create unique index uk_partner_source on partner (source, source_id);
