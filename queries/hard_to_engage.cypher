// hard_to_engage: parties reported absent or hard to engage in several kommuner, ranked.
//
// An ABSENT_FROM relationship from a unit counts for every kommun its target belongs to: the
// kommuner a target group SERVES, or the kommuner party to a target LÖK (any area), whatever
// its reason, unless the party is a member there (see step 2). A party reported so in 2
// kommuner or more gives one county-level row: kommun
// null, kommuner the names, count how many; the "av N" counts the kommuner the data says
// something about (a group serves them, they are party to a LÖK, or they answered a survey).
// evidence: a list with the evidence JSON string of one ABSENT_FROM relationship; a party
// gives one row per absence, with the same detail, count and kommuner.
// Paste into Neo4j Browser as it is; it takes no parameters.

// 1. How many kommuner the data says something about.
MATCH (k:Principal {kind: 'kommun'})
OPTIONAL MATCH (k)<-[serves:SERVES]-(:Group)
WITH k, count(serves) AS groups
OPTIONAL MATCH (k)-[lok:PARTY_TO]->(:Agreement {kind: 'LOK'})
WITH k, groups, count(lok) AS loks
WITH k, groups + loks AS structure
OPTIONAL MATCH (survey:Source)
  WHERE k.id IN survey.answered
WITH k, structure, count(survey) AS answers
  WHERE structure + answers > 0
WITH count(k) AS informed

// 2. Each absence, with the kommuner of the group or LÖK it is about, keeping a kommun only
//    where no unit of the same party is a member of (or party to) one of its groups or LÖKs:
//    membership outweighs an absence, as in the coverage matrix.
MATCH (u:Unit)-[absent:ABSENT_FROM]->(target)
OPTIONAL MATCH (target)-[:SERVES]->(served:Principal {kind: 'kommun'})
OPTIONAL MATCH (signed:Principal {kind: 'kommun'})-[:PARTY_TO]->(target)
  WHERE target.kind = 'LOK'
WITH informed, u.party AS party, absent,
     collect(DISTINCT served) + collect(DISTINCT signed) AS places
UNWIND places AS place
WITH informed, party, absent, place
  WHERE NOT EXISTS {
    MATCH (m:Unit)-[:MEMBER_OF|PARTY_TO]->(t)
    WHERE m.party = party
      AND ((t)-[:SERVES]->(place) OR (t.kind = 'LOK' AND (place)-[:PARTY_TO]->(t)))
  }

// 3. Per party with at least two kommuner: one row per absence (rows stay small; lokgraph
//    merges the rows of one party into one gap).
WITH informed, party, collect(DISTINCT place.name) AS kommuner,
     collect(DISTINCT absent) AS absences
  WHERE size(kommuner) >= 2
UNWIND absences AS absent
RETURN 'hard_to_engage' AS kind,
       null AS kommun,
       party,
       null AS status,
       null AS subject,
       CASE party
         WHEN 'OPPENPSYKIATRI' THEN 'Öppenpsykiatri'
         WHEN 'SLUTENVARD' THEN 'Slutenvård'
         WHEN 'VARDCENTRAL' THEN 'Vårdcentral'
         WHEN 'SAMTALSMOTTAGNING' THEN 'Samtalsmottagning'
         WHEN 'FAMILJECENTRAL' THEN 'Familjecentral'
         WHEN 'ELEVHALSA' THEN 'Elevhälsa'
         WHEN 'SKOLA' THEN 'Skola'
         WHEN 'FORSKOLA' THEN 'Förskola'
         WHEN 'SOCIALTJANST' THEN 'Socialtjänst'
         WHEN 'VARD_OCH_OMSORG' THEN 'Vård och omsorg'
         WHEN 'SPECIALIST' THEN 'Specialistnivån'
         ELSE party
       END + ' rapporteras saknas i ' + toString(size(kommuner)) + ' av ' + toString(informed)
         + ' kommuner' AS detail,
       size(kommuner) AS count,
       kommuner,
       [absent.evidence] AS evidence
ORDER BY count DESC, party
