-- Action types are rows of the "Types d'action" decision: an action keeps its type's code and its label as planned.
alter table journey_action add column label varchar(200);
update journey_action set label = case type
    when 'CV' then 'Rédiger le CV'
    when 'COVER_LETTER' then 'Rédiger une lettre de motivation'
    when 'JOB_OFFERS' then 'Chercher des offres d''emploi'
    when 'JOB_FAIR' then 'Préparer un salon ou un job dating'
    when 'SKILLS_TEST' then 'Passer un test de compétences'
    when 'WORKSHOP' then 'Participer à un atelier'
    when 'TRAINING_SEARCH' then 'Chercher une formation'
    else type end;
update journey_action set type = case type
    when 'CV' then 'cv'
    when 'COVER_LETTER' then 'lettreMotivation'
    when 'JOB_OFFERS' then 'offresEmploi'
    when 'JOB_FAIR' then 'salonJobDating'
    when 'SKILLS_TEST' then 'testCompetences'
    when 'WORKSHOP' then 'atelier'
    when 'TRAINING_SEARCH' then 'rechercheFormation'
    else type end;
