-- What a youth answered to the guided first questions (the rest goes to existing columns): erased with the youth.
alter table youth add column declared_age integer;
alter table youth add column wish varchar(20);
alter table youth add column qualified_at timestamp;
