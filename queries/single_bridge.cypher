// single_bridge: the collaboration graph of every kommun, for the articulation step.
//
// HONEST NOTE: portable Cypher (Neo4j 5 without APOC or GDS) cannot find
// articulation points: it would have to enumerate every path from the kommun to every
// specialist unit once per candidate node. So this query returns, per kommun, the candidate
// graph, and lokgraph finds the bridges in Python (queries/single_bridge.py,
// bridges_from_rows): a node is a single bridge when the kommun reaches a unit with
// care_level 'specialist' in this graph, but reaches none once that node is removed.
//
// The collaboration graph of kommun k: its own groups (those that SERVE k, those k is a
// MEMBER_OF, and those that a unit PART_OF k is a MEMBER_OF), every group they reach by
// REPORTS_TO, the units that are members of any of these groups, and k. Edges: SERVES and
// MEMBER_OF between k and its groups, MEMBER_OF between units and groups, REPORTS_TO
// between the groups (listed once from each end), PART_OF between k and its own units.
// One row per edge: kommun_id, kommun (name), a and b (the ends, as maps: id, label, name,
// party, care_level, evidence), type, evidence, and whether b is one of the kommun's own
// units (b_part_of_kommun, with part_of_evidence). evidence values are the stored JSON.
// Paste into Neo4j Browser as it is; it takes no parameters.

// 1. The kommun's own groups.
MATCH (k:Principal {kind: 'kommun'})
OPTIONAL MATCH (k)<-[:SERVES]-(served:Group)
WITH k, collect(served) AS serving
OPTIONAL MATCH (k)-[:MEMBER_OF]->(joined:Group)
WITH k, serving, collect(joined) AS joined_by_kommun
OPTIONAL MATCH (k)<-[:PART_OF]-(:Unit)-[:MEMBER_OF]->(via_unit:Group)
WITH k, serving, joined_by_kommun, collect(via_unit) AS joined_by_units
UNWIND serving + joined_by_kommun + joined_by_units AS start

// 2. With every group they report to, directly or through others.
OPTIONAL MATCH (start)-[:REPORTS_TO*1..]->(upper:Group)
WITH k, collect(DISTINCT start) + collect(DISTINCT upper) AS found
UNWIND found AS g
WITH k, collect(DISTINCT g) AS groups

// 3. The edges of the groups that belong to the kommun's collaboration graph, one row each,
//    with the PART_OF edge of a member unit that is the kommun's own.
UNWIND groups AS g
MATCH (g)-[r:SERVES|MEMBER_OF|REPORTS_TO]-(x)
  WHERE (type(r) IN ['SERVES', 'MEMBER_OF'] AND x.id = k.id)
     OR (type(r) = 'REPORTS_TO' AND x IN groups)
     OR (type(r) = 'MEMBER_OF' AND x:Unit)
OPTIONAL MATCH (x)-[owned:PART_OF]->(k)
RETURN k.id AS kommun_id,
       k.name AS kommun,
       {id: g.id, label: 'Group', name: g.name, evidence: g.evidence} AS a,
       {id: x.id, label: CASE WHEN x:Unit THEN 'Unit' WHEN x:Group THEN 'Group' ELSE 'Principal' END,
        name: x.name, party: x.party, care_level: x.care_level, evidence: x.evidence} AS b,
       type(r) AS type,
       r.evidence AS evidence,
       owned IS NOT NULL AS b_part_of_kommun,
       owned.evidence AS part_of_evidence
ORDER BY kommun_id
