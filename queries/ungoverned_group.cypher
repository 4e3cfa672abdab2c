// ungoverned_group: operative and individual-level groups that answer to no strategic group.
//
// A group with level 'operativ' or 'individ' that has no REPORTS_TO path, of any length and
// through groups of any level, to a group with level 'strategisk'. Groups without a level are
// not judged. One row per kommun the group serves (kommun null when it serves none).
// evidence: a list with the group's evidence JSON string.
// Paste into Neo4j Browser as it is; it takes no parameters.

MATCH (g:Group)
  WHERE g.level IN ['operativ', 'individ']
    AND NOT (g)-[:REPORTS_TO*1..]->(:Group {level: 'strategisk'})
OPTIONAL MATCH (g)-[:SERVES]->(k:Principal {kind: 'kommun'})
RETURN 'ungoverned_group' AS kind,
       k.name AS kommun,
       null AS party,
       g.level AS status,
       g.id AS subject,
       g.name + ' ('
         + CASE g.level WHEN 'operativ' THEN 'operativ nivå' ELSE 'individnivå' END
         + ') rapporterar inte, direkt eller via andra grupper, till någon grupp på strategisk nivå'
         AS detail,
       [g.evidence] AS evidence
ORDER BY kommun, subject
