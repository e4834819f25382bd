-- The youth's commune (INSEE code), optional in the diagnostic: matches partner services zoned by commune.
alter table youth add column commune_code varchar(5);
