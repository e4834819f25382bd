-- Every identifier a platform gives for one person (WhatsApp phone wa_id, business-scoped user id, parent id)
-- leads to the youth's single (channel, external_id): one person, one youth, one journey.
create table youth_alias (
    channel     varchar(30)  not null,
    alias       varchar(200) not null,
    external_id varchar(200) not null,
    created_at  timestamp    not null,
    primary key (channel, alias)
);
create index ix_youth_alias_external on youth_alias (channel, external_id);
