// no_answer: kommuner that a survey asked and that gave no answer in it.
//
// Every Source with a 'surveyed' list of kommun ids: each id not on its 'answered' list.
// kommun is the kommun's name (its id when the graph has no such kommun node); subject is
// the survey's id. There is no evidence to quote.
// Paste into Neo4j Browser as it is; it takes no parameters.

MATCH (survey:Source)
  WHERE survey.surveyed IS NOT NULL
UNWIND survey.surveyed AS kommun_id
WITH survey, kommun_id
  WHERE NOT kommun_id IN coalesce(survey.answered, [])
OPTIONAL MATCH (k:Principal {id: kommun_id})
WITH survey, coalesce(k.name, kommun_id) AS name
RETURN 'no_answer' AS kind,
       name AS kommun,
       null AS party,
       null AS status,
       survey.id AS subject,
       name + ' har inte svarat på ' + survey.name AS detail,
       [] AS evidence
ORDER BY kommun
