// single_bridge: the collaboration graph of every kommun, for the articulation step.
//
// HONEST NOTE: portable Cypher (Neo4j 5 without APOC/GDS, and FalkorDB) cannot find
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
// Each row: kommun_id, kommun (name), nodes (maps: id, label, name, party, care_level,
// evidence) and edges (maps: a, b, type, evidence); evidence is the stored JSON string.
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

// 3. The edges of the groups that belong to the kommun's collaboration graph.
UNWIND groups AS g
MATCH (g)-[r]-(x)
  WHERE (type(r) IN ['SERVES', 'MEMBER_OF'] AND x.id = k.id)
     OR (type(r) = 'REPORTS_TO' AND x IN groups)
     OR (type(r) = 'MEMBER_OF' AND x:Unit)
WITH k, groups,
     collect({a: g.id, b: x.id, type: type(r), evidence: r.evidence}) AS edges,
     collect(DISTINCT CASE WHEN x:Unit THEN x END) AS units

// 4. The kommun's own units among the members (PART_OF k).
UNWIND units AS u
OPTIONAL MATCH (u)-[owned:PART_OF]->(k)
WITH k, groups, edges, units,
     collect(CASE WHEN owned IS NULL THEN null
                  ELSE {a: u.id, b: k.id, type: 'PART_OF', evidence: owned.evidence} END) AS parts
RETURN k.id AS kommun_id,
       k.name AS kommun,
       [g IN groups | {id: g.id, label: 'Group', name: g.name, party: null,
                       care_level: null, evidence: g.evidence}]
         + [u IN units | {id: u.id, label: 'Unit', name: u.name, party: u.party,
                          care_level: u.care_level, evidence: u.evidence}] AS nodes,
       edges + parts AS edges
ORDER BY kommun
