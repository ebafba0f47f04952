// The swap, part 2: staged organisations go live, in the same transaction as part 1.
MATCH (o:StagedOrganisation)
REMOVE o:StagedOrganisation
SET o:Organisation
