// missing_specialist: kommuner where BUP, HAB or the specialist level as a whole has no link.
//
// For every kommun that appears in the data (a group serves it, it is party to a LÖK, or a
// survey asked it) and each of BUP, HAB and SPECIALIST (any unit with care_level
// 'specialist'): no unit of that party is a member of a group serving the kommun (partial
// membership counts) and none is party to the kommun's LÖK for barn och unga.
// status 'reported_absent': a source says the party is missing (ABSENT_FROM, quotes in
// evidence); 'not_recorded': nothing is said either way.
// evidence: a list of JSON strings, each the evidence list of one ABSENT_FROM relationship.
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

// 2. Each specialist party, and whether a unit of it takes part.
UNWIND ['BUP', 'HAB', 'SPECIALIST'] AS party
OPTIONAL MATCH (k)<-[:SERVES]-(:Group)<-[member:MEMBER_OF]-(u:Unit)
  WHERE u.party = party OR (party = 'SPECIALIST' AND u.care_level = 'specialist')
WITH k, party, count(member) AS members
OPTIONAL MATCH (k)-[:PARTY_TO]->(:Agreement {kind: 'LOK', area: 'barn_unga'})<-[signed:PARTY_TO]-(u:Unit)
  WHERE u.party = party OR (party = 'SPECIALIST' AND u.care_level = 'specialist')
WITH k, party, members, count(signed) AS signatures
WITH k, party, members + signatures AS present
  WHERE present = 0

// 3. What the sources say about its absence: from the kommun's groups and its LÖK.
OPTIONAL MATCH (k)<-[:SERVES]-(:Group)<-[absent:ABSENT_FROM]-(u:Unit)
  WHERE u.party = party OR (party = 'SPECIALIST' AND u.care_level = 'specialist')
WITH k, party, count(absent) AS absent_groups, collect(absent.evidence) AS group_quotes
OPTIONAL MATCH (k)-[:PARTY_TO]->(:Agreement {kind: 'LOK', area: 'barn_unga'})<-[absent:ABSENT_FROM]-(u:Unit)
  WHERE u.party = party OR (party = 'SPECIALIST' AND u.care_level = 'specialist')
WITH k, party, absent_groups, group_quotes,
     count(absent) AS absent_lok, collect(absent.evidence) AS lok_quotes
WITH k, party, absent_groups + absent_lok > 0 AS reported, group_quotes + lok_quotes AS evidence,
     CASE party WHEN 'SPECIALIST' THEN 'Specialistnivån' ELSE party END AS label
RETURN 'missing_specialist' AS kind,
       k.name AS kommun,
       party,
       CASE WHEN reported THEN 'reported_absent' ELSE 'not_recorded' END AS status,
       CASE WHEN reported
         THEN label + ' rapporteras saknas i ' + k.name
         ELSE label + ' finns inte i underlaget för ' + k.name
       END + ': inte medlem i någon grupp för kommunen och inte part i LÖK för barn och unga'
         AS detail,
       evidence
ORDER BY kommun, party
