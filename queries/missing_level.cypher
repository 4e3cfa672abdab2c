// missing_level: kommuner with no group at the strategic, the operative or the individual level.
//
// For every kommun that appears in the data (a group serves it, it is party to a LÖK, or a
// survey asked it) and each of the levels 'strategisk', 'operativ' and 'individ': no group of
// that level serves the kommun. status is the missing level; there is no evidence to quote.
// Paste into Neo4j Browser as it is; it takes no parameters.

// 1. Kommuner that appear in the data.
MATCH (k:Principal {kind: 'kommun'})
OPTIONAL MATCH (k)<-[serves:SERVES]-(:Group)
WITH k, count(serves) AS groups
OPTIONAL MATCH (k)-[lok:PARTY_TO]->(:Agreement {kind: 'LOK'})
WITH k, groups, count(lok) AS loks
WITH k, groups + loks AS structure
OPTIONAL MATCH (survey:Source)
  WHERE k.id IN survey.surveyed
WITH k, structure, count(survey) AS surveys
  WHERE structure + surveys > 0

// 2. The levels no group of the kommun has.
UNWIND ['strategisk', 'operativ', 'individ'] AS level
OPTIONAL MATCH (k)<-[serves:SERVES]-(g:Group)
  WHERE g.level = level
WITH k, level, count(serves) AS groups
  WHERE groups = 0
RETURN 'missing_level' AS kind,
       k.name AS kommun,
       null AS party,
       level AS status,
       k.name + ' har ingen grupp på '
         + CASE level
             WHEN 'strategisk' THEN 'strategisk nivå'
             WHEN 'operativ' THEN 'operativ nivå'
             ELSE 'individnivå'
           END AS detail,
       [] AS evidence
ORDER BY kommun, status
