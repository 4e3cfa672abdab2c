// missing_specialist: kommuner where BUP, HAB or the specialist level as a whole has no link.
//
// For every kommun that appears in the data (a group serves it, it is party to a LÖK, or a
// survey asked it) and each of BUP, HAB and SPECIALIST (any unit with care_level
// 'specialist'): no unit of that party is a member of a group serving the kommun (partial
// membership counts) and none is party to the kommun's LÖK for barn och unga.
// status 'reported_absent': a source says the party is missing (ABSENT_FROM, quotes in
// evidence); 'not_recorded': nothing is said either way; 'partial_hard_to_engage': it takes
// part only partly (no full membership of a named kind of group, no LÖK party) and a source
// reports it missing or hard to engage (the quotes of both).
// evidence: a list of JSON strings, each the evidence list of one relationship.
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

// 2. Each specialist party, and how it takes part: fully in a named kind of group or as a
//    LÖK party, fully in a generic 'samverkan' group, or only partly.
UNWIND ['BUP', 'HAB', 'SPECIALIST'] AS party
OPTIONAL MATCH (k)<-[:SERVES]-(g:Group)<-[member:MEMBER_OF]-(u:Unit)
  WHERE u.party = party OR (party = 'SPECIALIST' AND u.care_level = 'specialist')
WITH k, party,
     sum(CASE WHEN member IS NOT NULL AND coalesce(member.partial, false) = false
              AND g.group_type <> 'samverkan' THEN 1 ELSE 0 END) AS full_named,
     sum(CASE WHEN member IS NOT NULL AND coalesce(member.partial, false) = false
              AND g.group_type = 'samverkan' THEN 1 ELSE 0 END) AS full_generic,
     [m IN collect(member) WHERE m.partial = true | m.evidence] AS partial_quotes
OPTIONAL MATCH (k)-[:PARTY_TO]->(:Agreement {kind: 'LOK', area: 'barn_unga'})<-[signed:PARTY_TO]-(u:Unit)
  WHERE u.party = party OR (party = 'SPECIALIST' AND u.care_level = 'specialist')
WITH k, party, full_named, full_generic, partial_quotes, count(signed) AS signatures
WITH k, party, full_named + signatures AS full_named, full_generic, partial_quotes

// 3. What the sources say about its absence: from the kommun's groups and its LÖK.
OPTIONAL MATCH (k)<-[:SERVES]-(:Group)<-[absent:ABSENT_FROM]-(u:Unit)
  WHERE u.party = party OR (party = 'SPECIALIST' AND u.care_level = 'specialist')
WITH k, party, full_named, full_generic, partial_quotes,
     count(absent) AS absent_groups, collect(absent.evidence) AS group_quotes
OPTIONAL MATCH (k)-[:PARTY_TO]->(:Agreement {kind: 'LOK', area: 'barn_unga'})<-[absent:ABSENT_FROM]-(u:Unit)
  WHERE u.party = party OR (party = 'SPECIALIST' AND u.care_level = 'specialist')
WITH k, party, full_named, full_generic, partial_quotes, absent_groups, group_quotes,
     count(absent) AS absent_lok, collect(absent.evidence) AS lok_quotes
WITH k, party, full_named, full_generic, partial_quotes,
     absent_groups + absent_lok > 0 AS reported, group_quotes + lok_quotes AS absent_quotes
// present: a full member of a named kind of group or a LÖK party; a full member of a generic
// group unless also partial and reported absent. A partial presence is a gap when reported.
WITH k, party, reported, absent_quotes, partial_quotes,
     full_named > 0 OR (full_generic > 0 AND NOT (size(partial_quotes) > 0 AND reported)) AS member,
     size(partial_quotes) > 0 OR full_generic > 0 AS partly
  WHERE NOT member AND (NOT partly OR reported)
WITH k, party,
     CASE WHEN partly THEN 'partial_hard_to_engage'
          WHEN reported THEN 'reported_absent'
          ELSE 'not_recorded' END AS status,
     CASE WHEN partly THEN partial_quotes + absent_quotes ELSE absent_quotes END AS evidence,
     CASE party WHEN 'SPECIALIST' THEN 'Specialistnivån' ELSE party END AS label
RETURN 'missing_specialist' AS kind,
       k.name AS kommun,
       party,
       status,
       CASE status
         WHEN 'partial_hard_to_engage'
           THEN label + ' deltar bara delvis i ' + k.name + ' och rapporteras svår att få med: '
                + 'ingen full medverkan i någon grupp för kommunen och inte part i LÖK för barn och unga'
         WHEN 'reported_absent'
           THEN label + ' rapporteras saknas i ' + k.name
                + ': inte medlem i någon grupp för kommunen och inte part i LÖK för barn och unga'
         ELSE label + ' finns inte i underlaget för ' + k.name
              + ': inte medlem i någon grupp för kommunen och inte part i LÖK för barn och unga'
       END AS detail,
       evidence
ORDER BY kommun, party
