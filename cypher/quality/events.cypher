// How many incidents and exposures the graph holds, and every date cell of theirs as written:
// file and column, the row's id (an exposure's incident and organisation), the value.
CALL () {
  MATCH (i:Incident)
  RETURN count(i) AS incidents,
         [d IN collect([i.id, 'discovered', i.discovered]) + collect([i.id, 'disclosed', i.disclosed])
          WHERE d[2] IS NOT NULL | {file: 'incidents.csv', column: d[1], id: d[0], organisation: null, value: d[2]}]
         AS incidentDates
}
CALL () {
  MATCH (i:Incident)-[e:EXPOSED]->(o:Organisation)
  RETURN count(e) AS exposures,
         [d IN collect([i.id, o.id, 'reported_on', e.reportedOn]) + collect([i.id, o.id, 'learned_on', e.learnedOn])
          WHERE d[3] IS NOT NULL | {file: 'exposures.csv', column: d[2], id: d[0], organisation: d[1], value: d[3]}]
         AS exposureDates
}
RETURN incidents, exposures, incidentDates + exposureDates AS dates
